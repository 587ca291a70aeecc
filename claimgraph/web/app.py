"""The JSON API (FastAPI): read the knowledge base, post documents with a token.

Reads are open (the server binds 127.0.0.1 unless told otherwise); writes need
``Authorization: Bearer <token>``, checked before a byte of the body is read.
Only requests whose Host header names this server are served (a DNS-rebinding
page gets a 400), bodies are limited before they are read (413), and every
answer carries a Content-Security-Policy without 'unsafe-inline'; CORS is off;
errors are JSON with a message, never a stack trace; nothing from a request
reaches the file system. ``/docs`` is a page of our own over ``/openapi.json``:
Swagger UI would need a CDN and inline script.
"""

from __future__ import annotations

import hmac
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph.analysis.knowledge import COUNT_CAP, KnowledgeBase
from claimgraph.api import ingest_documents
from claimgraph.errors import ClaimgraphError, IngestError
from claimgraph.ingest import RawInput, document_from_text, html_input, inputs_from_bytes
from claimgraph.store import Store

__all__ = ["create_app", "MAX_UPLOAD", "MAX_BODY", "LOCAL_HOSTS"]

MAX_UPLOAD = 2 * 1024 * 1024
#: largest request body read at all: an upload or a JSON document, with room for its envelope
MAX_BODY = MAX_UPLOAD + 64 * 1024
#: Host names served without being named: the loopback names
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
_WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_UPLOAD)
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=2000)
    html: bool = False


def _host_name(value: str) -> str:
    """The name in a Host header, without the port ("[::1]:8000" -> "::1")."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class _Guard:
    """The checks that come before the application reads anything of a request.

    A pure ASGI middleware: the Host allow-list, control characters in the URL,
    the write token and the body limit are all decided from the request line
    and headers, so a hostile client is answered before its body is read; a
    body sent without Content-Length (chunked) is counted as it arrives.
    """

    def __init__(self, app: Any, allowed_hosts: set[str], token: str | None, max_body: int) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self.token = token
        self.max_body = max_body

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = _host_name(headers.get("host", ""))
        if host not in self.allowed_hosts:
            # a page served from another name that resolves here (DNS rebinding) must not read the store
            await _answer(send, 400, f"host {host!r} is not served here (see 'claimgraph serve --allow-host')")
            return
        raw_query = scope.get("query_string", b"")
        if "\x00" in scope.get("path", "") or b"%00" in raw_query.lower():
            await _answer(send, 400, "NUL characters are not allowed in a request")
            return
        if scope.get("method") in _WRITE_METHODS:
            refusal = self._refuse_write(headers)
            if refusal is not None:
                await _answer(send, *refusal)
                return
            receive = self._counted(receive)
        await self.app(scope, receive, send)

    def _refuse_write(self, headers: dict[str, str]) -> tuple[int, str] | None:
        if self.token is None:
            return 403, "writes are disabled: start the server with a token"
        scheme, _, given = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip() or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            return 401, "a valid token is needed to write (Authorization: Bearer <token>)"
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return 400, "bad Content-Length"
            if int(length) > self.max_body:
                return 413, f"request body larger than {self.max_body // 1024} kB"
        return None

    def _counted(self, receive: Any) -> Any:
        seen = 0
        limit = self.max_body

        async def counted() -> Any:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    # FastAPI passes an HTTPException raised while reading the body on to its handler
                    raise StarletteHTTPException(413, f"request body larger than {limit // 1024} kB")
            return message

        return counted


async def _answer(send: Any, status: int, message: str) -> None:
    body = JSONResponse({"error": message}).body
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"content-security-policy", CSP.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"connection", b"close"),
        ],
    })
    await send({"type": "http.response.body", "body": body})


#: the furthest a page may start: past a million rows, narrow the list with its filters
MAX_OFFSET = 1_000_000


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(items), "offset": offset, "limit": limit, "items": items[offset : offset + limit]}


def _paged(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    """A page read in SQL; ``total`` counted up to COUNT_CAP rows past the offset."""
    out: dict[str, Any] = {"total": total, "offset": offset, "limit": limit, "items": items}
    if total >= COUNT_CAP + offset:
        out["total_capped"] = True
    return out


def create_app(
    db: str | None = None, token: str | None = None, allowed_hosts: list[str] | tuple[str, ...] = (), max_body: int = MAX_BODY
) -> FastAPI:
    """The application for the store at ``db``; ``token`` guards writes (None: writes refused).

    Requests are served when their Host header is a loopback name or one of
    ``allowed_hosts``; request bodies over ``max_body`` bytes are refused unread.
    """
    store = Store(db)
    kb = KnowledgeBase(store)
    app = FastAPI(
        title="claimgraph", version="0.1.0", description="Actors, who said what, relations, contradictions, commitments.",
        docs_url=None, redoc_url=None,
    )
    app.state.store = store
    hosts = {_host_name(h) for h in (*LOCAL_HOSTS, *allowed_hosts) if h}
    app.add_middleware(_Guard, allowed_hosts=hosts, token=token, max_body=max_body)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", []))
        return JSONResponse({"error": f"invalid request: {where}: {first.get('msg', 'bad value')}"}, status_code=422)

    @app.exception_handler(ClaimgraphError)
    async def claimgraph_error(request: Request, exc: ClaimgraphError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"error": "internal error"}, status_code=500)

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            raise HTTPException(403, "writes are disabled: start the server with a token")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip() or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "a valid token is needed to write (Authorization: Bearer <token>)")

    # Reads return a JSONResponse: their payloads are JSON-native already (to_dict), and
    # FastAPI's jsonable_encoder walk of a returned dict was a fifth of an actor page.
    @app.get("/api/documents")
    def documents(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> JSONResponse:
        docs, total = store.documents_page(limit, offset, cap=COUNT_CAP + offset)
        return JSONResponse(_paged([d.to_dict() for d in docs], total, limit, offset))

    @app.get("/api/documents/{doc_id}")
    def document(doc_id: str) -> JSONResponse:
        with store.reading():
            doc = store.document(doc_id)
            if doc is None:
                raise HTTPException(404, f"no document {doc_id!r}")
            an = store.analysis([doc_id])
        return JSONResponse({
            **doc.to_dict(with_text=True),
            "mentions": [m.to_dict() for m in an.mentions],
            "attributions": [a.to_dict() for a in an.attributions],
            "quantities": [q.to_dict() for q in an.quantities],
            "claims": [c.to_dict() for c in an.claims],
            "events": an.events,
            "actors": [a.to_dict() for a in an.actors],
        })

    @app.get("/api/actors")
    def actors(
        q: str | None = None, type: str | None = None, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)
    ) -> JSONResponse:
        found, total = store.actors_page(q, type, limit, offset, cap=COUNT_CAP + offset)
        return JSONResponse(_paged([{**a.to_dict(), "mentions": n} for a, n in found], total, limit, offset))

    def cited_claims(ids: list[str]) -> list[dict[str, Any]]:
        """The claims with these ids as an evidence panel shows them: speaker and document title."""
        found = {c.id: c for c in store.claims(ids=ids)} if ids else {}
        atts = {a.id: a for a in store.attributions(ids=sorted({c.attribution for c in found.values() if c.attribution}))} if found else {}
        wanted = {a.speaker.actor for a in atts.values() if a.speaker.actor}
        people = {a.id: a for a in store.actors(ids=sorted(wanted), aliases=False)} if wanted else {}
        docs = {d.id: d for d in store.documents(ids=sorted({c.document for c in found.values()}), with_text=False)} if found else {}
        out = []
        for i in ids:
            c = found.get(i)
            if c is None:
                continue
            att = atts.get(c.attribution or "")
            out.append({
                **c.to_dict(),
                "speaker": att.speaker.to_dict() if att else None,
                "speaker_name": people[att.speaker.actor].name if att and att.speaker.actor in people else None,
                "document_title": docs[c.document].title if c.document in docs else None,
            })
        return out

    @app.get("/api/actors/{actor_id}")
    def actor(
        actor_id: str,
        said_limit: int = Query(100, ge=1, le=1000),
        relations_limit: int = Query(50, ge=1, le=500, description="relations shown, most claims first"),
        relations_offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> JSONResponse:
        with store.reading():
            found = store.actors(ids=[actor_id])
            if not found:
                raise HTTPException(404, f"no actor {actor_id!r}")
            said = store.attributions(speaker_actor=actor_id, limit=said_limit)
            about = store.attributions_about(actor_id, limit=said_limit)
            shown, total = store.relation_ids(actor_id, relations_limit, relations_offset)
            built = [r.to_dict() for r in kb.relations_by_ids(shown)]
        rank = {rid: i for i, rid in enumerate(shown)}
        built.sort(key=lambda r: rank.get(r["id"], len(rank)))
        return JSONResponse({
            **found[0].to_dict(),
            "relations_total": total,
            "relations": built,
            "said": [a.to_dict() for a in said],
            "said_about": [a.to_dict() for a in about],
        })

    @app.get("/api/relations")
    def relations(
        actor: str | None = None,
        predicate: str | None = None,
        max_credibility: int = Query(6, ge=1, le=6, description="only relations graded this well or better (1 best)"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> JSONResponse:
        page = kb.relations(actor=actor, predicate=predicate, max_credibility=max_credibility, limit=limit, offset=offset)
        return JSONResponse(page.to_dict(lambda r: r.to_dict()))

    @app.get("/api/relations/{relation_id}")
    def relation(relation_id: str) -> JSONResponse:
        with store.reading():
            r = kb.relation(relation_id)
            if r is None:
                raise HTTPException(404, f"no relation {relation_id!r}")
            names = {a.id: a.name for a in store.actors(ids=[r.subject, r.object], aliases=False)}
            supporting = cited_claims(r.supporting)
            opposing = cited_claims(r.opposing)
        return JSONResponse({
            **r.to_dict(),
            "subject_name": names.get(r.subject),
            "object_name": names.get(r.object),
            "supporting_claims": supporting,
            "opposing_claims": opposing,
        })

    @app.get("/api/claims")
    def claims(
        actor: str | None = None,
        predicate: str | None = None,
        polarity: str | None = None,
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> JSONResponse:
        found, total = store.claims_page(actor, predicate, polarity, limit, offset, cap=COUNT_CAP + offset)
        return JSONResponse(_paged([c.to_dict() for c in found], total, limit, offset))

    @app.get("/api/attributions")
    def attributions(
        speaker: str | None = Query(None, description="an actor's id or name (its attributions), or words of an unnamed speaker's description"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> JSONResponse:
        found, total = store.attributions_page(speaker, limit, offset, cap=COUNT_CAP + offset)
        return JSONResponse(_paged([a.to_dict() for a in found], total, limit, offset))

    @app.get("/api/contradictions")
    def contradictions(
        actor: str | None = None,
        kind: str | None = Query(None, description="polarity, count, rejection or mutual_blame"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> JSONResponse:
        page = kb.contradictions(actor=actor, kind=kind, limit=limit, offset=offset)
        return JSONResponse(page.to_dict(lambda c: c.to_dict()))

    @app.get("/api/commitments")
    def commitments(
        status: str | None = Query(None, description="breached, disputed, at_risk, kept, due, pending or unknown"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> JSONResponse:
        page = kb.commitments(status=status, limit=limit, offset=offset)
        wanted = sorted({i for c in page.items for i in c.evidence_for + c.evidence_against})
        by_id = {c.id: c for c in store.claims(ids=wanted)} if wanted else {}

        def cited(ids: list[str]) -> list[dict[str, Any]]:
            return [
                {"id": c.id, "document": c.document, "span": list(c.span), "text": c.text, "polarity": c.polarity}
                for c in (by_id[i] for i in ids if i in by_id)
            ]

        return JSONResponse(page.to_dict(lambda c: {
            **c.to_dict(), "evidence_for_claims": cited(c.evidence_for), "evidence_against_claims": cited(c.evidence_against)
        }))

    @app.get("/api/timeline")
    def timeline(
        date_from: str | None = Query(None, alias="from"), date_to: str | None = Query(None, alias="to"),
        limit: int = Query(200, ge=1, le=2000), offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> JSONResponse:
        page = kb.timeline(date_from, date_to, limit, offset)
        return JSONResponse(page.to_dict(lambda t: t.to_dict()))

    @app.get("/api/search")
    def search(q: str = Query(..., min_length=2, max_length=200), limit: int = Query(50, ge=1, le=500)) -> JSONResponse:
        hits = []
        first = q.split()[0].lower() if q.split() else q.lower()
        for doc_id, title, text in store.search(q, limit):
            at = max(0, text.lower().find(first))
            hits.append({"document": doc_id, "title": title, "span": [at, at + len(first)], "snippet": text[max(0, at - 80) : at + len(first) + 80]})
        return JSONResponse(_page(hits, limit, 0))

    @app.post("/api/documents", status_code=201, dependencies=[Depends(require_token)])
    def post_document(body: DocumentIn) -> dict[str, Any]:
        raw = RawInput(text=body.text, source=body.url or "<api>", title=body.title, published=body.published, url=body.url, outlet=body.outlet)
        return _ingest_one(raw, body.html)

    @app.post("/api/upload", status_code=201, dependencies=[Depends(require_token)])
    async def upload(file: Annotated[UploadFile, File()], published: Annotated[str | None, Form()] = None) -> JSONResponse:
        data = await file.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise HTTPException(413, f"upload larger than {MAX_UPLOAD // 1024} kB")
        name = (file.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1] or "upload"
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix not in (".jsonl", ".ndjson", ".html", ".htm", ".xhtml"):
            # a file of no known kind is text, unless it opens like a page
            suffix = ".html" if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<" else ".txt"
        raws: list[RawInput] = []
        errors: list[str] = []
        try:
            for item in inputs_from_bytes(data, f"upload:{name}", suffix):
                if isinstance(item, IngestError):
                    errors.append(str(item))
                else:
                    raws.append(item if item.published or not published else replace(item, published=published))
        except IngestError as exc:
            raise HTTPException(400, str(exc)) from None
        if suffix not in (".jsonl", ".ndjson"):
            if errors:
                raise HTTPException(400, errors[0])
            return JSONResponse(_ingest_one(raws[0], False), status_code=201)
        # a feed: one document per line, each stored (or refused) on its own
        results = []
        for raw in raws:
            try:
                results.append(_ingest_one(raw, False))
            except HTTPException as exc:
                errors.append(str(exc.detail))
        if not results:
            raise HTTPException(400, errors[0] if errors else f"upload:{name}: no documents")
        return JSONResponse({"documents": results, "errors": errors}, status_code=201)

    def _ingest_one(raw: RawInput, is_html: bool) -> dict[str, Any]:
        if is_html:
            raw = html_input(raw.text, raw.source, raw.url)
        try:
            doc = document_from_text(raw)
        except IngestError as exc:
            raise HTTPException(400, str(exc)) from None
        summary = ingest_documents([doc], kb)
        if summary.failed:
            raise HTTPException(400, summary.errors[0])
        return {"id": doc.id, "added": summary.added == 1, "title": doc.title, "published": doc.published}

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(Path(__file__).parent / "static" / "docs.html")

    # the workbench: static files of the package, mounted last so /api and /docs win

    app.mount("/", StaticFiles(directory=Path(__file__).parent / "static", html=True), name="workbench")
    return app

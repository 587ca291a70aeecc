// claimgraph workbench. Every text from the API is untrusted: it is only ever set
// with textContent or as a Cytoscape label, never parsed as HTML.
"use strict";

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

const GRADE_COLOURS = { 1: "#1e8449", 2: "#52be80", 3: "#f4d03f", 4: "#eb984e", 5: "#c0392b", 6: "#95a5a6" };
let cy = null;
let relations = [];
let actorNames = {};

function cite(item) {
  const title = item.document_title || item.document;
  return el("span", { class: "cite" }, ` [${title}, ${item.span[0]}-${item.span[1]}]`);
}

function claimItem(claim, side) {
  const who = claim.speaker_name || (claim.speaker && (claim.speaker.description || claim.speaker.text)) || "the article";
  const link = el("a", { href: "#", class: "open-doc" }, "open");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    openDocument(claim.document, claim.span);
  });
  return el("li", { class: side === "against" ? "claim against" : "claim" },
    el("strong", {}, `${who}: `), `\u201c${claim.text.replace(/\s+/g, " ").trim()}\u201d`, cite(claim), " ", link);
}

async function showRelation(id) {
  const r = await api(`/api/relations/${encodeURIComponent(id)}`);
  const box = $("#evidence");
  box.replaceChildren(
    el("h2", {}, `${r.subject_name} ${r.label} ${r.object_name}`),
    el("p", { class: "grade" }, `Credibility ${r.credibility}`),
    el("p", {}, r.grade_reason),
    el("h3", {}, `Supporting (${r.supporting_claims.length})`),
    el("ul", {}, ...r.supporting_claims.map((c) => claimItem(c, "for"))),
    el("h3", {}, `Opposing (${r.opposing_claims.length})`),
    el("ul", {}, ...r.opposing_claims.map((c) => claimItem(c, "against"))),
  );
}

async function showActor(id) {
  const a = await api(`/api/actors/${encodeURIComponent(id)}`);
  const box = $("#evidence");
  box.replaceChildren(
    el("h2", {}, a.name),
    el("p", {}, [a.type, a.kind].filter(Boolean).join(" / ")),
    a.aliases.length ? el("p", {}, `Also: ${a.aliases.join(", ")}`) : null,
    el("ul", {}, ...a.roles.map((r) => el("li", {}, r.title + (r.organization_name ? ` (${r.organization_name})` : "")))),
    el("h3", {}, a.relations_total > a.relations.length ? `Relations (${a.relations.length} of ${a.relations_total}, most evidence first)` : `Relations (${a.relations.length})`),
    el("ul", {}, ...a.relations.map((r) => {
      const b = el("button", { type: "button" }, `${actorNames[r.subject] || r.subject} ${r.label} ${actorNames[r.object] || r.object} (${r.credibility})`);
      b.addEventListener("click", () => showRelation(r.id));
      return el("li", {}, b);
    })),
    el("h3", {}, `What ${a.name} says (${a.said.length})`),
    el("ul", {}, ...a.said.map((s) => el("li", {}, `\u201c${s.content.replace(/\s+/g, " ").trim()}\u201d`))),
    el("h3", {}, `What others say about ${a.name} (${a.said_about.length})`),
    el("ul", {}, ...a.said_about.slice(0, 40).map((s) => el("li", {}, `${s.speaker.text || s.speaker.description || "?"}: \u201c${s.content.replace(/\s+/g, " ").trim()}\u201d`))),
  );
}

function drawGraph() {
  const predicate = $("#filter-predicate").value;
  const from = $("#filter-from").value;
  const shown = relations.filter((r) => (!predicate || r.predicate === predicate) && (!from || (r.last_seen || "") >= from));
  const nodes = new Set(shown.flatMap((r) => [r.subject, r.object]));
  const elements = [
    ...[...nodes].map((id) => ({ data: { id, label: actorNames[id] || id } })),
    ...shown.map((r) => ({
      data: {
        id: r.id, source: r.subject, target: r.object, label: r.label,
        width: 1 + Math.min(8, r.supporting.length), colour: GRADE_COLOURS[r.credibility] || "#95a5a6",
      },
    })),
  ];
  if (cy) cy.destroy();
  cy = cytoscape({
    container: $("#graph"),
    elements,
    layout: { name: "cose", animate: false },
    style: [
      { selector: "node", style: { label: "data(label)", "background-color": "#4a78a6", color: "#1d232a", "font-size": 11 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 9 } },
    ],
  });
  window.cgGraph = cy; // for automation and end-to-end tests: read-only use
  cy.on("tap", "edge", (event) => showRelation(event.target.id()));
  cy.on("tap", "node", (event) => showActor(event.target.id()));
}

async function loadGraph() {
  const actors = await api("/api/actors?limit=500");
  actorNames = Object.fromEntries(actors.items.map((a) => [a.id, a.name]));
  relations = (await api("/api/relations?limit=1000")).items;
  const select = $("#filter-predicate");
  for (const p of [...new Set(relations.map((r) => r.predicate))].sort()) select.append(el("option", { value: p }, p));
  drawGraph();
}

async function loadContradictions() {
  const data = await api("/api/contradictions");
  $("#contradictions").replaceChildren(...data.items.map((c) => el("li", {},
    el("p", { class: "grade" }, c.about),
    el("p", {}, c.explanation),
    c.sides ? el("div", { class: "sides" }, ...c.sides.map((s) => el("div", { class: "claim" + (s.polarity === "negated" ? " against" : "") },
      `${s.source} [${s.reliability}] ${s.polarity}`))) : null,
  )));
}

async function loadCommitments() {
  const data = await api("/api/commitments");
  $("#commitments").replaceChildren(...data.items.map((c) => el("li", {},
    el("p", {}, el("strong", {}, `${c.obligor_name} under ${c.agreement}: `), c.obligation),
    el("p", { class: `status-${c.status}` }, `${c.status.toUpperCase()} \u2014 ${c.reason}`),
    el("p", { class: "cite" }, `${c.evidence_against.length} claims against, ${c.evidence_for.length} for`),
    c.evidence_against.length + c.evidence_for.length ? el("details", {},
      el("summary", {}, "Evidence"),
      el("ul", {},
        ...c.evidence_against_claims.map((x) => evidenceItem(x, "against")),
        ...c.evidence_for_claims.map((x) => evidenceItem(x, "for")))) : null,
  )));
}

function evidenceItem(claim, side) {
  const open = el("a", { href: "#", class: "open-doc" }, "open");
  open.addEventListener("click", (event) => {
    event.preventDefault();
    openDocument(claim.document, claim.span);
  });
  return el("li", { class: "claim" + (side === "against" ? " against" : "") }, `${side}: \u201c${claim.text.replace(/\s+/g, " ").trim()}\u201d `, open);
}

async function loadTimeline() {
  const data = await api("/api/timeline?limit=500");
  $("#timeline").replaceChildren(...data.items.map((t) => el("li", {}, el("strong", {}, `${t.date} `), `(${t.kind}) ${t.text.replace(/\s+/g, " ").slice(0, 200)}`)));
}

async function loadDocuments() {
  const data = await api("/api/documents?limit=500");
  $("#documents").replaceChildren(...data.items.map((d) => {
    const b = el("button", { type: "button" }, d.title || d.source);
    b.addEventListener("click", () => openDocument(d.id));
    return el("li", {}, b, ` ${d.published || ""}`);
  }));
}

async function openDocument(id, focusSpan) {
  show("documents");
  const d = await api(`/api/documents/${encodeURIComponent(id)}`);
  const marks = [
    ...d.mentions.map((m) => ({ start: m.span[0], end: m.span[1], cls: "actor" })),
    ...d.quantities.map((q) => ({ start: q.span[0], end: q.span[1], cls: "number" })),
    ...d.attributions.filter((a) => a.direct).map((a) => ({ start: a.span[0], end: a.span[1], cls: "quote" })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const reader = $("#reader");
  reader.replaceChildren(el("h2", {}, d.title || d.source));
  let pos = 0;
  let focusNode = null;
  for (const m of marks) {
    if (m.start < pos) continue; // nested marks: the outer one is shown
    reader.append(document.createTextNode(d.text.slice(pos, m.start)));
    const mark = el("mark", { class: m.cls }, d.text.slice(m.start, m.end));
    if (focusSpan && m.start <= focusSpan[0] && focusSpan[0] < m.end) focusNode = mark;
    reader.append(mark);
    pos = m.end;
  }
  reader.append(document.createTextNode(d.text.slice(pos)));
  const facts = el("ul", {}, ...d.attributions.map((a) => {
    const b = el("button", { type: "button" }, `${a.speaker.text || a.speaker.description || "?"}: ${a.content.replace(/\s+/g, " ").slice(0, 90)}`);
    b.addEventListener("click", () => openDocument(id, a.span));
    return el("li", {}, b);
  }));
  $("#evidence").replaceChildren(el("h2", {}, "Who said what"), facts);
  if (focusNode) {
    focusNode.classList.add("focus");
    focusNode.scrollIntoView({ block: "center" });
  }
}

function show(view) {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const b of document.querySelectorAll("nav button")) b.setAttribute("aria-pressed", String(b.dataset.view === view));
  const loaders = { contradictions: loadContradictions, commitments: loadCommitments, timeline: loadTimeline, documents: loadDocuments };
  if (loaders[view]) loaders[view]().catch(report);
}

function report(error) {
  $("#evidence").replaceChildren(el("p", { role: "alert" }, `Error: ${error.message}`));
}

document.addEventListener("DOMContentLoaded", () => {
  for (const b of document.querySelectorAll("nav button")) b.addEventListener("click", () => show(b.dataset.view));
  $("#filter-predicate").addEventListener("change", drawGraph);
  $("#filter-from").addEventListener("change", drawGraph);
  $("#search-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    show("search");
    try {
      const data = await api(`/api/search?q=${encodeURIComponent($("#search").value)}`);
      $("#search-results").replaceChildren(...data.items.map((h) => {
        const b = el("button", { type: "button" }, `${h.title || h.document}: \u2026${h.snippet.replace(/\s+/g, " ")}\u2026`);
        b.addEventListener("click", () => openDocument(h.document, h.span));
        return el("li", {}, b);
      }));
    } catch (error) { report(error); }
  });
  $("#upload-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData();
    form.append("file", $("#file").files[0]);
    try {
      const result = await api("/api/upload", { method: "POST", body: form, headers: { Authorization: `Bearer ${$("#token").value}` } });
      $("#upload-status").textContent = result.added ? `Stored ${result.title || result.id}.` : "Already stored.";
      await loadGraph();
    } catch (error) { $("#upload-status").textContent = `Error: ${error.message}`; }
  });
  loadGraph().catch(report);
});

// The API reference: /openapi.json rendered with DOM nodes and textContent only (no markup from data,
// no inline script, nothing from a CDN), so that it works offline under the server's CSP.
"use strict";

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function schemaType(schema) {
  if (!schema) return "";
  if (schema.type) return schema.type + (schema.maximum !== undefined ? ` (max ${schema.maximum})` : "");
  if (schema.anyOf) return schema.anyOf.map(schemaType).filter(Boolean).join(" | ");
  if (schema.$ref) return schema.$ref.split("/").pop();
  return "";
}

function parameters(op) {
  const rows = (op.parameters || []).map((p) => [p.name, p.in, p.required ? "yes" : "", schemaType(p.schema), p.description || ""]);
  const body = op.requestBody && op.requestBody.content;
  if (body) {
    for (const [type, media] of Object.entries(body)) rows.push(["(body)", type, op.requestBody.required ? "yes" : "", schemaType(media.schema), ""]);
  }
  if (!rows.length) return null;
  const table = el("table");
  const head = el("tr");
  for (const h of ["name", "in", "required", "type", "description"]) head.appendChild(el("th", h));
  table.appendChild(head);
  for (const row of rows) {
    const tr = el("tr");
    for (const cell of row) tr.appendChild(el("td", cell));
    table.appendChild(tr);
  }
  return table;
}

async function load() {
  const status = document.getElementById("docs-status");
  const list = document.getElementById("endpoints");
  try {
    const resp = await fetch("/openapi.json");
    if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
    const spec = await resp.json();
    status.textContent = `${spec.info.title} ${spec.info.version}: ${spec.info.description || ""}`;
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const box = el("article", null, "endpoint");
        const title = el("h2");
        title.appendChild(el("span", method.toUpperCase(), `method ${method}`));
        title.appendChild(document.createTextNode(path));
        box.appendChild(title);
        if (op.summary) box.appendChild(el("p", op.summary));
        if (op.description) box.appendChild(el("p", op.description, "hint"));
        const table = parameters(op);
        if (table) box.appendChild(table);
        list.appendChild(box);
      }
    }
    const schemas = (spec.components && spec.components.schemas) || {};
    for (const [name, schema] of Object.entries(schemas)) {
      if (!schema.properties || name.endsWith("Error")) continue;
      const box = el("article", null, "endpoint");
      box.id = `schema-${name}`;
      box.appendChild(el("h2", name));
      const table = el("table");
      const head = el("tr");
      for (const h of ["field", "required", "type"]) head.appendChild(el("th", h));
      table.appendChild(head);
      for (const [field, prop] of Object.entries(schema.properties)) {
        const tr = el("tr");
        tr.appendChild(el("td", field));
        tr.appendChild(el("td", (schema.required || []).includes(field) ? "yes" : ""));
        tr.appendChild(el("td", schemaType(prop)));
        table.appendChild(tr);
      }
      box.appendChild(table);
      list.appendChild(box);
    }
  } catch (err) {
    status.textContent = `Cannot read /openapi.json: ${err.message}`;
  }
}

document.addEventListener("DOMContentLoaded", load);

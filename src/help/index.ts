// help.html: the function reference Excel links to (each function's helpUrl is help.html#<name>).
// Built from the registry and the key catalogue at run time, so it can never drift from the code.
// DOM is built with textContent only (no HTML strings from data: see the security lint).
import { REGISTRY, NAMESPACE } from "../functions/registry";
import { KEY_CATALOGUE } from "../engine/keys";

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function table(header: string[], rows: string[][]): HTMLTableElement {
  const t = el("table");
  const head = t.createTHead().insertRow();
  for (const h of header) head.appendChild(el("th", h, { scope: "col" }));
  const body = t.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const c of r) tr.insertCell().textContent = c;
  }
  return t;
}

export function renderHelp(root: HTMLElement): void {
  root.replaceChildren(
    el("h1", `${NAMESPACE} functions`),
    el(
      "p",
      "Custom functions for modelling SEND / High Needs funding. Every amount is exact decimal arithmetic, rounded half away from zero to the option's round.to (default £0.01).",
    ),
  );
  const nav = el("ul");
  for (const spec of REGISTRY) {
    const li = el("li");
    li.appendChild(el("a", `${NAMESPACE}.${spec.name}`, { href: `#${spec.name.toLowerCase()}` }));
    nav.appendChild(li);
  }
  root.appendChild(nav);
  for (const spec of REGISTRY) {
    const section = el("section", undefined, { id: spec.name.toLowerCase() });
    const sig = spec.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    section.appendChild(el("h2", `${NAMESPACE}.${spec.name}(${sig})`));
    section.appendChild(el("p", spec.description));
    section.appendChild(el("p", spec.help));
    if (spec.parameters.length > 0) {
      section.appendChild(
        table(
          ["argument", "", "meaning"],
          spec.parameters.map((p) => [p.name, p.optional ? "optional" : "required", p.description]),
        ),
      );
    }
    root.appendChild(section);
  }
  const keys = el("section", undefined, { id: "keys" });
  keys.appendChild(el("h2", "Rates table keys"));
  keys.appendChild(
    table(
      ["key", "meaning", "unit", "applies to", "default"],
      KEY_CATALOGUE.map((k) => [
        k.key,
        k.description,
        k.unit,
        k.appliesTo,
        k.default === undefined ? "" : String(k.default),
      ]),
    ),
  );
  root.appendChild(keys);
}

if (typeof document !== "undefined" && document.getElementById("root")) renderHelp(document.getElementById("root")!);

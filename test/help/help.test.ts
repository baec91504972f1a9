/** @jest-environment jsdom */
// help.html is what Excel opens from a function's "more help" link: every function's anchor must exist.
import { renderHelp } from "../../src/help";
import { REGISTRY, helpUrl } from "../../src/functions/registry";
import { KEY_CATALOGUE } from "../../src/engine/keys";

describe("help page", () => {
  const root = document.createElement("main");
  renderHelp(root);

  it.each(REGISTRY.map((s) => [s.name, s] as const))("documents SEND.%s at its helpUrl anchor", (_name, spec) => {
    const anchor = helpUrl(spec).split("#")[1];
    const section = root.querySelector(`section#${anchor}`);
    expect(section).not.toBeNull();
    expect(section!.querySelector("h2")!.textContent).toContain(`SEND.${spec.name}(`);
    for (const p of spec.parameters) expect(section!.textContent).toContain(p.description);
  });

  it("lists every key of the catalogue", () => {
    const rows = root.querySelectorAll("section#keys tbody tr");
    expect(rows).toHaveLength(KEY_CATALOGUE.length);
  });

  it("renders data as text, never as markup", () => {
    expect(root.querySelectorAll("script")).toHaveLength(0);
  });
});

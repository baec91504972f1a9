// The shipped dependency tree is small, reviewed and licensed: anything new, unlicensed or with a known
// advisory fails here (the registry's audit endpoint is unreachable from these machines).
import fs from "node:fs";
import path from "node:path";

const { productionTree } = require("../../scripts/dependency-allowlist.js") as {
  productionTree: () => { name: string; version: string; license: string }[];
};

const root = path.join(__dirname, "../..");
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), "utf8"));
const allowed: { name: string; version: string; license: string }[] = read("security/allowed-dependencies.json");
const notes: Record<string, string> = read("security/license-notes.json");
const advisories: Record<string, { range: string; why: string }> = read("security/advisories.json");

const ACCEPTED_LICENSES = new Set([
  "MIT",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "0BSD",
  "Unlicense",
  "BlueOak-1.0.0",
  "MIT/X11",
  "GPL-3.0-only",
  "(MIT OR GPL-3.0-or-later)",
  "(MIT AND Zlib)",
  "Python-2.0",
  "CC0-1.0",
]);

function below(version: string, limit: string): boolean {
  const a = version.split(/[.-]/).map(Number),
    b = limit.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

describe("production dependencies", () => {
  const tree = productionTree();

  it("are all on the reviewed allow-list (refresh with `node scripts/dependency-allowlist.js --write` after review)", () => {
    const ok = new Set(allowed.map((p) => `${p.name}@${p.version}`));
    expect(tree.map((p) => `${p.name}@${p.version}`).filter((id) => !ok.has(id))).toEqual([]);
  });

  it("carry an accepted license, or a reviewed note", () => {
    const bad = tree
      .filter((p) => !ACCEPTED_LICENSES.has(p.license) && !notes[p.name])
      .map((p) => `${p.name}@${p.version}: ${p.license}`);
    expect(bad).toEqual([]);
  });

  it("include no package with a known advisory", () => {
    const hits = tree
      .filter((p) => {
        const adv = advisories[p.name];
        return adv && (adv.range === "all" || (adv.range.startsWith("<") && below(p.version, adv.range.slice(1))));
      })
      .map((p) => `${p.name}@${p.version}: ${advisories[p.name].why}`);
    expect(hits).toEqual([]);
  });

  it("the advisory check itself fires (SheetJS xlsx and an old tmp)", () => {
    expect(advisories.xlsx.range).toBe("all");
    expect(below("0.2.3", "0.2.4")).toBe(true);
    expect(below("0.2.7", "0.2.4")).toBe(false);
  });
});

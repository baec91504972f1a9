// Hostile inputs for `recalc --out` (issue 21): whatever the spills do, the written file keeps every part the
// input had (charts, defined names, protection hashes) or nothing is written; structured references keep Excel's
// cached values. Each writes its output next to the input.
import fs from "node:fs";
import path from "node:path";
import { xlsxOf } from "./build";
import type { HostileInput } from "./inputs";
import { spillBook } from "./spillBook";
import { tableBook } from "./tableBook";

const out = (dir: string, name: string) => path.join(dir, name);

export const WRITE_INPUTS: HostileInput[] = [
  {
    name: "spill-grows-out",
    what: "recalc --out where SEND.ALLOCATEALL's spill grows from 3 to 500 rows (large: 20,000) on a protected sheet with a chart and a defined name",
    make: async (dir, size) => {
      const file = path.join(dir, "grows.xlsx");
      fs.writeFileSync(file, await spillBook(size === "large" ? 20_000 : 500));
      return file;
    },
    argv: (file, dir) => ["recalc", file, "--out", out(dir, "grows-out.xlsx")],
    expect: { code: 0, stderr: /wrote .*grows-out\.xlsx/, maxSeconds: 60, maxRssMB: 1000 },
  },
  {
    name: "shared-formula-spills",
    what: "recalc --out where a shared formula (A1:B1) now spills: refused naming the cell, nothing written",
    make: async (dir) => {
      const file = path.join(dir, "shared.xlsx");
      const cells = (r: number) => `<c r="D${r}"><v>${r}</v></c><c r="E${r}"><v>${r * 10}</v></c>`;
      const data =
        `<row r="1"><c r="A1"><f t="shared" ref="A1:B1" si="0">FILTER(D1:D3,D1:D3&gt;0)</f><v>1</v></c>` +
        `<c r="B1"><f t="shared" si="0"/><v>10</v></c>${cells(1)}</row>` +
        `<row r="2">${cells(2)}</row><row r="3">${cells(3)}</row>`;
      fs.writeFileSync(file, await xlsxOf([{ name: "S", xml: data }]));
      return file;
    },
    argv: (file, dir) => ["recalc", file, "--out", out(dir, "shared-out.xlsx")],
    expect: {
      code: 1,
      stderr:
        /cannot write .*shared-out\.xlsx: S!A1: its formula is shared with other cells and now spills over A1:A3; .*\(nothing was written\)/,
      maxSeconds: 30,
      maxRssMB: 400,
    },
  },
  {
    name: "structured-refs-out",
    what: "recalc --out on structured references (Table1[Amount], [#This Row], [#All]): evaluated from the table's definition",
    make: async (dir) => {
      const file = path.join(dir, "table.xlsx");
      fs.writeFileSync(file, await tableBook());
      return file;
    },
    argv: (file, dir) => ["recalc", file, "--out", out(dir, "table-out.xlsx"), "--json"],
    expect: { code: 0, stderr: /wrote .*table-out\.xlsx/, stdout: /"Data!D1": 60,/, maxSeconds: 30, maxRssMB: 400 },
  },
  {
    name: "structured-refs-no-table",
    what: "recalc --out on structured references to a table the package does not define: Excel's cached values kept",
    make: async (dir) => {
      const file = path.join(dir, "notable.xlsx");
      fs.writeFileSync(file, await tableBook({ table: false }));
      return file;
    },
    argv: (file, dir) => ["recalc", file, "--out", out(dir, "notable-out.xlsx"), "--json"],
    expect: {
      code: 3,
      stderr: /5 cells could not be evaluated \(keeping Excel's cached values\)/,
      stdout: /"Data!D1": 60,/,
      maxSeconds: 30,
      maxRssMB: 400,
    },
  },
];

// Whole-sheet ranges (issue 13): SEND.ALLOCATEALL, COMPARE, ALLOCATE and CHECK given `A:XFD` (and Rates!A:XFD)
// against the same call on the exact range, through the CLI's loader. Ranges are trimmed to the used range
// before HyperFormula sees them (io/clipRanges.ts), so the ratio should stay within 2×.
import type { RawCell } from "../../src/headless";
import { loadHostIsolated } from "../../src/headless/io/bridge";
import type { XlsxBook } from "../../src/headless/xlsx";
import { HEADER, INSTITUTIONS, RATES } from "../../test/headless/functions/fixture";

export interface WholeSheetCase {
  name: string;
  exactMs: number;
  wholeMs: number;
  ratio: number;
  same: boolean;
}

function institutions(n: number): RawCell[][] {
  const body = INSTITUTIONS.slice(1);
  return [
    HEADER,
    ...Array.from({ length: n }, (_, i) => body[i % body.length].map((v, c) => (c === 0 ? `${v} ${i}` : v))),
  ];
}

function timed(sheets: Record<string, RawCell[][]>, formula: string, runs: number): { ms: number; value: unknown } {
  let best = Infinity;
  let value: unknown;
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    // the CLI's loader: the path `send-model recalc` takes, which trims huge references
    const all = { ...sheets, Calc: [[formula]] };
    const book = {
      sheets: Object.entries(all).map(([name, cells]) => ({ name, cells, cached: [], arrays: new Map() })),
    } as unknown as XlsxBook;
    const { wb } = loadHostIsolated(book);
    value = wb.getValues("Calc", "A1:F3");
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { ms: best, value };
}

export function wholeSheetScenario(n = 2000, runs = 3): WholeSheetCase[] {
  const inst = institutions(n);
  const sheets = { Rates: RATES, Inst: inst };
  const last = inst.length;
  const rates = `Rates!A1:E${RATES.length}`;
  const table = `Inst!A1:K${last}`;
  const cases: [string, string, string][] = [
    [
      "ALLOCATEALL",
      `=SEND.ALLOCATEALL(${rates},"Baseline",${table})`,
      '=SEND.ALLOCATEALL(Rates!A:XFD,"Baseline",Inst!A:XFD)',
    ],
    [
      "COMPARE",
      `=SEND.COMPARE(${rates},"Baseline","Option B",${table})`,
      '=SEND.COMPARE(Rates!A:XFD,"Baseline","Option B",Inst!A:XFD)',
    ],
    [
      "ALLOCATE",
      `=SEND.ALLOCATE(${rates},"Baseline",Inst!A1:K1,Inst!A2:K2)`,
      '=SEND.ALLOCATE(Rates!A:XFD,"Baseline",Inst!1:1,Inst!2:2)',
    ],
    ["CHECK", `=SEND.CHECK(${rates})`, "=SEND.CHECK(Rates!A:XFD)"],
  ];
  return cases.map(([name, exact, whole]) => {
    const a = timed(sheets, exact, runs);
    const b = timed(sheets, whole, runs);
    return {
      name,
      exactMs: a.ms,
      wholeMs: b.ms,
      ratio: b.ms / a.ms,
      same: JSON.stringify(a.value) === JSON.stringify(b.value),
    };
  });
}

if (require.main === module) {
  for (const c of wholeSheetScenario(Number(process.argv[2] ?? 2000))) {
    console.log(
      `${c.name}: exact ${c.exactMs.toFixed(0)} ms, A:XFD ${c.wholeMs.toFixed(0)} ms, ratio ${c.ratio.toFixed(2)}, same result ${c.same}`,
    );
  }
}

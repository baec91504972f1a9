// Fuzzing the file layer (issue 13): the formula scanner, the reader (random byte damage to a real package) and the
// loader + writer. The contract: every input is either read, or refused with a FileProblem (one line); every
// formula either evaluates or becomes an error value; no NaN or Infinity ever comes out; the writer round-trips.
// FILE_FUZZ_RUNS sets the budget (npm run fuzz -- --cases N); the seed is FUZZ_SEED (printed).
import fc from "fast-check";
import { FileProblem, readXlsxBuffer } from "../../src/headless/xlsx";
import { formulaResults, loadHostIsolated, markFailed, snapshot } from "../../src/headless/io/bridge";
import { scanFormula } from "../../src/headless/io/formulaLimits";
import { clipRanges } from "../../src/headless/io/clipRanges";
import { patchesOf, patchPackage } from "../../src/headless/io/patchValues";
import { fml, num, row, xlsxOf } from "../hostile/build";
import { SEED } from "./config";

const RUNS = Number(process.env.FILE_FUZZ_RUNS ?? 60);
const TIMEOUT = Math.max(120_000, RUNS * 1000);

const token = fc.constantFrom(
  "A1",
  "B2",
  "A:XFD",
  "1:1048576",
  "Inst!A:B",
  "'Q 1'!A1",
  "(",
  ")",
  "+",
  "-",
  "*",
  "/",
  "^",
  "&",
  ",",
  "1E+308",
  "1e-05",
  "SUM(",
  "IF(",
  "ROWS(",
  '"t"',
  "{1,2}",
  "Table1[Amount]",
  "%",
  "=",
  "<",
  "TRUE",
  "#N/A",
  " ",
  "SEND.CHECK(",
  "9".repeat(20),
);
const formula = fc.array(token, { maxLength: 60 }).map((t) => `=${t.join("")}`);

function badNumber(v: unknown): boolean {
  return typeof v === "number" && !Number.isFinite(v);
}

beforeAll(() => process.stderr.write(`file-layer fuzz: ${RUNS} cases per property, FUZZ_SEED=${SEED}\n`));

describe("file layer fuzz", () => {
  it(
    "scanFormula and clipRanges never throw on any formula text",
    () => {
      fc.assert(
        fc.property(formula, (f) => {
          const s = scanFormula(f);
          expect(typeof s.text).toBe("string");
          clipRanges(
            s.text,
            "S",
            new Map([
              ["s", { rows: 3, cols: 3 }],
              ["inst", { rows: 2, cols: 2 }],
            ]),
          );
        }),
        { numRuns: RUNS * 10, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "a formula either evaluates or is an error value; no NaN or Infinity; other cells still evaluate",
    async () => {
      await fc.assert(
        fc.asyncProperty(formula, async (f) => {
          const book = await readXlsxBuffer(
            await xlsxOf([
              {
                name: "S",
                xml: row(1, num("A1", 2) + fml("B1", f) + fml("C1", "=A1*3")) + row(2, num("A2", 1) + num("B2", 5)),
              },
            ]),
          );
          const { wb, failed, rewritten } = loadHostIsolated(book);
          const snaps = snapshot(wb);
          markFailed(snaps, failed, rewritten);
          const got = Object.fromEntries(formulaResults(snaps));
          expect(got["S!C1"]).toBe(6);
          for (const v of Object.values(got)) expect(badNumber(v)).toBe(false);
          const out = await patchPackage(
            book.bytes!,
            patchesOf(snaps, new Map(book.sheets.map((s) => [s.name, s.arrays]))),
          );
          if ("problem" in out) throw new Error(out.problem); // a plain formula's cell is always patched
          expect((await readXlsxBuffer(out.data)).sheets[0].cells[0][1]).toBe(book.sheets[0].cells[0][1]);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );

  it(
    "a damaged package is read or refused with a FileProblem, never another error",
    async () => {
      // replays the case fuzzing found (seed 20261204, case 370): an XML parser message reached the user raw
      await expect(
        readXlsxBuffer(
          await (async () => {
            const b = Buffer.from(await xlsxOf([{ name: "S", xml: row(1, num("A1", 1) + fml("B1", "=A1+1")) }]));
            b[699] = 0;
            b[689] = 45;
            return b;
          })(),
        ),
      ).rejects.toThrow(FileProblem);
      const good = await xlsxOf([{ name: "S", xml: row(1, num("A1", 1) + fml("B1", "=A1+1")) }]);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 8 }),
          fc.option(fc.nat({ max: good.length }), { nil: undefined }),
          async (edits, cut) => {
            const bad = Buffer.from(good);
            for (const [at, byte] of edits) bad[at] = byte;
            try {
              const book = await readXlsxBuffer(cut === undefined ? bad : bad.subarray(0, cut));
              loadHostIsolated(book);
            } catch (e) {
              if (!(e instanceof FileProblem)) throw e;
              expect(e.message).not.toMatch(/\n|Bug :|unexpected error|^\d+:\d+:/);
            }
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    },
    TIMEOUT,
  );
});

// Chaos: any cell a host might hand over, and ranges of them (jagged, empty, odd shapes).
// `hostSafe` leaves out what no spreadsheet can hold (NaN, ±Infinity, undefined inside a range), so the same
// cases can be typed into Excel or HyperFormula; the wrapper alone gets those too.
import fc from "fast-check";
import type { Cell } from "../../src/engine/types";
import type { HostValue } from "../../src/functions/wrapper";

export const EXTREME_NUMBERS = [
  1e308,
  -1e308,
  1.7976931348623157e308,
  5e-324,
  -5e-324,
  -0,
  0,
  1,
  -1,
  0.1,
  0.005,
  0.015,
  2.675,
  1.005,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e15 + 0.3,
  1e16,
  1e21,
  1e-7,
  123456789.125,
  0.3333333333333333,
];
export const NAN_LIKE_TEXT = [
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "inf",
  "1e999",
  "-1e999",
  "1e-999",
  "--5",
  "++5",
  "-+5",
  "£",
  "£-",
  "-£",
  "1,2,3",
  "1,23",
  "12,",
  ",5",
  "(5)",
  "(-5)",
  "((5))",
  "(5",
  "12.5%",
  "%",
  "50%%",
  "£1,234.50",
  "(£1,234)",
  "1e5",
  "1E+5",
  "1e",
  "e5",
  ".",
  "-",
  "+",
  "()",
  " 7 ",
  "0x10",
  "0b1",
  "1_000",
  "1 000",
  "١٢",
  "５",
  "1.2.3",
  "..5",
  "5..",
  "∞",
  "-0",
  "(0)",
  "0.000",
  "1e308",
  "1e309",
  "-1e309",
  "9".repeat(400),
  `0.${"0".repeat(400)}1`,
  "$5",
  "€5",
  "5£",
  "TRUE",
  "FALSE",
];
export const ERROR_TEXT = ["#N/A", "#VALUE!", "#NUM!", "#DIV/0!", "#REF!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!"];
export const BLANKS: readonly Cell[] = ["", null, " ", "\t", "   "];
/** Words that mean something somewhere: headers, phases, settings, keys, option names. */
export const WORDS = [
  "Factor",
  "factor",
  "Description",
  "Unit",
  "Source",
  "Notes",
  "Name",
  "Phase",
  "Primary",
  "Secondary",
  "Special",
  "Resource Base",
  "AP",
  "FE",
  "ISP",
  "Early Years",
  "mainstream",
  "rb",
  "special",
  "ey",
  "isp",
  "all",
  "Baseline",
  "Option B",
  "A",
  "B",
  "inherits",
  "round.to",
  "place.special",
  "topup.special.band1",
  "topup.all.1",
  "band.1",
  "notional.be",
  "proj.years",
  "Places",
  "Occupied",
  "EHCP",
  "EHCP Band 1",
  "SENIF",
  "Months",
  "Total",
  "OK",
  "Band 1",
  "1",
  "x",
  "é",
  "名前",
  "🙂",
  "a'b",
  '"q"',
  "null",
  "undefined",
  "[object Object]",
  "topup.speical.$&",
  "band.<ph>",
  "$1",
  "__proto__",
  "constructor",
  "toString",
];

const num = (hostSafe: boolean): fc.Arbitrary<number> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
    { weight: 3, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
    { weight: 2, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map((p) => p / 100) },
    { weight: 2, arbitrary: fc.double({ noNaN: hostSafe, noDefaultInfinity: hostSafe }) },
  );

/** Any one cell. */
export function chaosCell(hostSafe = false): fc.Arbitrary<Cell> {
  const arbs: fc.WeightedArbitrary<Cell>[] = [
    { weight: 6, arbitrary: num(hostSafe) },
    { weight: 3, arbitrary: fc.constantFrom(...NAN_LIKE_TEXT) },
    { weight: 2, arbitrary: fc.constantFrom(...ERROR_TEXT) },
    { weight: 3, arbitrary: fc.constantFrom(...BLANKS) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  ];
  if (!hostSafe) arbs.push({ weight: 1, arbitrary: fc.constant(undefined) });
  return fc.oneof(...arbs);
}

/** A range of chaos cells: jagged rows, empty rows, an empty range, single cells, one long row or column. */
export function chaosGrid(hostSafe = false): fc.Arbitrary<Cell[][]> {
  const cell = chaosCell(hostSafe);
  return fc
    .oneof(
      { weight: 5, arbitrary: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 7 }) },
      { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 30 }).map((xs) => xs.map((x) => [x])) },
      { weight: 1, arbitrary: fc.array(cell, { minLength: 1, maxLength: 30 }).map((xs) => [xs]) },
      { weight: 1, arbitrary: cell.map((x) => [[x]]) },
      { weight: 1, arbitrary: fc.constantFrom<Cell[][]>([], [[]], [[], []], [[null]], [[""]], [[undefined]]) },
    )
    .map((g) => (hostSafe ? g.map((r) => r.map((c) => (c === undefined ? null : c))) : g));
}

/** Any argument: a cell, a range, or not given. */
export function chaosArg(hostSafe = false): fc.Arbitrary<HostValue | undefined> {
  return fc.oneof(
    { weight: 4, arbitrary: chaosCell(hostSafe) },
    { weight: 4, arbitrary: chaosGrid(hostSafe) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A text written the way people write it: random case, stray spaces. Meaning is unchanged (names match trimmed, any
 * case). */
export function respell(text: string): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom("as is", "upper", "lower", "spaces"), fc.nat()).map(([how, n]) => {
    if (how === "upper") return text.toUpperCase();
    if (how === "lower") return text.toLowerCase();
    if (how === "spaces") return `${" ".repeat(n % 3)}${text}${" ".repeat((n >> 2) % 3)}`;
    return text;
  });
}

// The Allocations sheet written only with built-in functions, for scenario 4: what a finance officer
// would build without the add-in, over the same Rates and Institutions sheets.
//  - NativeRates: each option's rates with inheritance resolved by formulas (blank → the parent's cell),
//    rows aligned with the Rates sheet; a root option's blank is NA() so IFNA(…, default) applies defaults.
//  - NativeLookup: phase → setting, and (for the "resolved" style) per option a phase × band top-up block.
//  - NativeAllocations: per institution a few helper columns, then per option the six components, each
//    ROUND(annual × Months / 12 / round.to) × round.to as the contract says (DAF added after × Months / 12: paid once
//    a year), and the Total.
// Three lookup styles: "match" (INDEX/MATCH on the key in every formula), "xlookup" (XLOOKUP likewise),
// "resolved" (formulas point at the resolved rate cells; one MATCH per row for the phase).
import type { Cell } from "../../src/engine/types";
import { colLetters } from "../../src/util/a1";

export type LookupStyle = "match" | "xlookup" | "resolved";
type Rows = Cell[][];

const norm = (s: unknown) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

export { colLetters };

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteSheet = (s: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`);

export interface NativeSpec {
  ratesSheet: string;
  ratesGrid: Rows;
  institutionsSheet: string;
  header: readonly Cell[];
  count: number;
  options: readonly string[];
  style: LookupStyle;
}

export const PHASE_SETTING: [string, string][] = [
  ["Early Years", "ey"],
  ["Primary", "mainstream"],
  ["Secondary", "mainstream"],
  ["Special", "special"],
  ["Resource Base", "rb"],
  ["AP", "ap"],
  ["FE", "fe"],
  ["ISP", "isp"],
];

export const NATIVE_SHEETS = {
  rates: "NativeRates",
  lookup: "NativeLookup",
  allocations: "NativeAllocations",
} as const;
/** Columns per option in NativeAllocations: annual notional, 6 components, Total. */
export const PER_OPTION = 8;

export function nativeSheets(s: NativeSpec): {
  sheets: Record<string, Rows>;
  totalCol: (k: number) => number;
  firstRow: number;
} {
  const R = quoteSheet(s.ratesSheet),
    I = quoteSheet(s.institutionsSheet);
  const NR = NATIVE_SHEETS.rates,
    NL = NATIVE_SHEETS.lookup;
  const grid = s.ratesGrid;
  const N = grid.length;
  const rh = grid[0].map(norm);
  const fc = rh.indexOf("factor");
  const keyRow = new Map<string, number>(); // normalised key -> 1-based sheet row
  grid.forEach((row, i) => {
    if (i > 0 && norm(row[fc]) !== "") keyRow.set(norm(row[fc]), i + 1);
  });
  const optCol = (name: string) => rh.indexOf(norm(name));
  const inh = keyRow.get("inherits");
  const parentOf = (name: string): string | null => {
    const v = inh ? grid[inh - 1][optCol(name)] : null;
    return v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim();
  };
  // the options needed, ancestors first, each a NativeRates column
  const order: string[] = [];
  const visit = (o: string) => {
    if (order.some((x) => norm(x) === norm(o))) return;
    const p = parentOf(o);
    if (p) visit(p);
    order.push(o);
  };
  s.options.forEach(visit);
  const nrCol = new Map(order.map((o, i) => [norm(o), colLetters(i + 2)]));

  // NativeRates
  const nr: Rows = [["Key", ...order]];
  for (let r = 2; r <= N; r++) {
    const line: Cell[] = [`=${R}!${colLetters(fc + 1)}${r}&""`];
    for (const o of order) {
      const own = `${R}!${colLetters(optCol(o) + 1)}${r}`;
      const p = parentOf(o);
      line.push(`=IF(${own}="",${p ? `${nrCol.get(norm(p))}${r}` : "NA()"},${own})`);
    }
    nr.push(line);
  }

  // Institution columns by header
  const ih = s.header.map(norm);
  const ic = (h: string) => ih.indexOf(norm(h));
  const bands = (prefix: string) =>
    s.header
      .map((h, i) => ({ n: norm(h), i }))
      .filter((x) => x.n.startsWith(prefix) && x.n.length > prefix.length)
      .map((x) => ({ band: x.n.slice(prefix.length), col: x.i }));
  const ehcp = bands("ehcp"),
    senif = bands("senif");

  // NativeLookup: phases → settings; per option a phase × EHCP band top-up block
  const nl: Rows = PHASE_SETTING.map(([p, st]) => [p, st]);
  const blockCol = (k: number) => 4 + k * (ehcp.length + 1); // 1-based first column of option k's block
  const cell = (o: string, key: string): string | null => {
    const r = keyRow.get(norm(key));
    return r ? `${NR}!$${nrCol.get(norm(o))}$${r}` : null;
  };
  s.options.forEach((o, k) => {
    PHASE_SETTING.forEach(([, st], pr) => {
      ehcp.forEach(({ band }, b) => {
        const own = cell(o, `topup.${st}.${band}`),
          all = cell(o, `topup.all.${band}`);
        const f = own && all ? `=IFNA(${own},${all})` : own ? `=${own}` : all ? `=${all}` : "=NA()";
        const row = nl[pr];
        while (row.length < blockCol(k) + b - 1) row.push(null);
        row[blockCol(k) + b - 1] = f;
      });
    });
  });

  // NativeAllocations
  const H = { name: 1, phase: 2, setting: 3, phaseIdx: 4, ph: 5, months: 6, roll: 7, ehcps: 8, occupied: 9 };
  const first = 10;
  const head: Cell[] = ["Name", "Phase", "Setting", "Phase #", "ph", "Months", "Pupils", "EHCPs", "Occupied"];
  s.options.forEach((o) =>
    head.push(
      `${o}: notional (annual)`,
      "Notional SEN",
      "Place funding",
      "Top-up",
      "Early intervention",
      "Early years",
      "FE element 1",
      o,
    ),
  );
  const rows: Rows = [head];
  for (let i = 1; i <= s.count; i++) {
    const r = i + 1;
    const inst = (h: string) => (ic(h) < 0 ? "0" : `${I}!$${colLetters(ic(h) + 1)}${r}`);
    const instCol = (c: number) => `${I}!$${colLetters(c + 1)}${r}`;
    const me = (c: number) => `$${colLetters(c)}${r}`;
    const phase = me(H.phase),
      ph = me(H.ph),
      M = me(H.months),
      roll = me(H.roll),
      ehcps = me(H.ehcps),
      occ = me(H.occupied);
    const row: Cell[] = [
      `=${inst("Name")}&""`,
      `=${inst("Phase")}&""`,
      `=IFNA(INDEX(${NL}!$B$1:$B$8,${me(H.phaseIdx)}),"")`,
      `=MATCH(${phase},${NL}!$A$1:$A$8,0)`,
      `=IF(${phase}="Primary","primary","secondary")`,
      ic("Months") < 0 ? 12 : `=IF(${inst("Months")}="",12,${inst("Months")})`,
      `=${inst("Primary Pupils")}+${inst("KS3 Pupils")}+${inst("KS4 Pupils")}`,
      ehcp.length ? `=${ehcp.map((e) => instCol(e.col)).join("+")}` : 0,
      ic("Occupied") < 0 ? `=${inst("Places")}` : `=IF(${inst("Occupied")}="",${inst("Places")},${inst("Occupied")})`,
    ];
    s.options.forEach((o, k) => {
      const oc = nrCol.get(norm(o))!;
      const base = first + k * PER_OPTION;
      const col = (j: number) => `${colLetters(base + j)}${r}`;
      /** a rate by key expression (a quoted key, or a formula building one) */
      const rate = (keyExpr: string, staticKey: string | ((ph: string) => string)): string => {
        if (s.style === "match") return `INDEX(${NR}!$${oc}$1:$${oc}$${N},MATCH(${keyExpr},${NR}!$A$1:$A$${N},0))`;
        if (s.style === "xlookup") return `XLOOKUP(${keyExpr},${NR}!$A$1:$A$${N},${NR}!$${oc}$1:$${oc}$${N})`;
        if (typeof staticKey === "string") return cell(o, staticKey) ?? "NA()";
        return `IF(${ph}="primary",${cell(o, staticKey("primary")) ?? "NA()"},${cell(o, staticKey("secondary")) ?? "NA()"})`;
      };
      const fixedRate = (key: string) => rate(q(key), key);
      const phRate = (stem: string, tail = "") =>
        rate(`${q(`${stem}.`)}&${ph}${tail ? `&${q(tail)}` : ""}`, (p) => `${stem}.${p}${tail}`);
      const dflt = (key: string, d: number) => `IFNA(${fixedRate(key)},${d})`;
      const term = (count: string, r: string) => `IF(${count}=0,0,${count}*${r})`;
      const unit = dflt("round.to", 0.01);
      const rnd = (x: string) => `ROUND((${x})*${M}/12/${unit},0)*${unit}`;
      const share = (f: string, parts: string) =>
        `IF(${dflt(`notional.${f}`, 0)}=0,0,${dflt(`notional.${f}`, 0)}*(${parts}))`;
      const mainstream = `OR(${phase}="Primary",${phase}="Secondary")`;
      const notional = [
        share(
          "be",
          [
            term(inst("Primary Pupils"), fixedRate("be.primary")),
            term(inst("KS3 Pupils"), fixedRate("be.ks3")),
            term(inst("KS4 Pupils"), fixedRate("be.ks4")),
          ].join("+"),
        ),
        share("fsm", term(inst("FSM"), phRate("fsm"))),
        share("fsm6", term(inst("FSM6"), phRate("fsm6"))),
        share(
          "idaci",
          "ABCDEF"
            .split("")
            .map((b) => term(inst(`IDACI ${b}`), phRate("idaci", `.${b.toLowerCase()}`)))
            .join("+"),
        ),
        share("lpa", term(inst("LPA"), phRate("lpa"))),
        share("eal", term(inst("EAL"), phRate("eal"))),
        share("lumpsum", phRate("lumpsum")),
      ].join("+");
      const topupRate = (b: { band: string }, j: number) =>
        s.style === "resolved"
          ? `INDEX(${NL}!$${colLetters(blockCol(k))}$1:$${colLetters(blockCol(k) + ehcp.length - 1)}$8,${me(H.phaseIdx)},${j + 1})`
          : `IFNA(${rate(`"topup."&${me(H.setting)}&${q(`.${b.band}`)}`, "")},${rate(q(`topup.all.${b.band}`), "")})`;
      const places = inst("Places");
      const place =
        `IF(${phase}="Special",${term(places, fixedRate("place.special"))},IF(${phase}="AP",${term(places, fixedRate("place.ap"))},` +
        `IF(${phase}="FE",${term(places, fixedRate("place.fe"))},IF(${phase}="Resource Base",` +
        `${term(occ, fixedRate("place.rb.occupied"))}+${term(`(${places}-${occ})`, fixedRate("place.rb.unoccupied"))},0))))`;
      const ei =
        `${dflt("ei.sensupport", 0)}*${inst("SEN Support")}+${dflt("ei.perpupil", 0)}*${roll}` +
        `+${dflt("ei.highneeds.rate", 0)}*MAX(0,${ehcps}-${dflt("ei.highneeds.threshold", 0)}*${roll})` +
        `+MAX(0,${dflt("ei.notional.guarantee", 0)}*${ehcps}-${col(0)})`;
      const senifSum =
        senif
          .map((b) => term(instCol(b.col), `${fixedRate(`ey.senif.${b.band}`)}*${dflt("ey.weeks", 38)}`))
          .join("+") || "0";
      // DAF is paid once a year: added after × Months / 12, before rounding
      const eyRounded = `ROUND(((${senifSum})*${M}/12+${term(inst("DAF"), fixedRate("ey.daf"))})/${unit},0)*${unit}`;
      const students = inst("Students");
      row.push(
        `=IF(${mainstream},${notional},0)`,
        `=IF(${mainstream},${rnd(col(0))},0)`,
        `=${rnd(place)}`,
        `=${rnd(ehcp.map((b, j) => term(instCol(b.col), topupRate(b, j))).join("+") || "0")}`,
        `=IF(${mainstream},${rnd(ei)},0)`,
        `=IF(${phase}="Early Years",${eyRounded},0)`,
        `=IF(AND(${phase}="FE",${students}<>0),${rnd(`${students}*${dflt("fe.rate", 0)}*${dflt("fe.weighting", 1)}*${dflt("fe.area", 1)}`)},0)`,
        `=SUM(${col(1)}:${col(6)})`,
      );
    });
    rows.push(row);
  }
  return {
    sheets: { [NR]: nr, [NL]: nl, [NATIVE_SHEETS.allocations]: rows },
    totalCol: (k) => first + k * PER_OPTION + 7, // 1-based
    firstRow: 2,
  };
}

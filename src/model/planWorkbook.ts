// The DSG deficit management plan workbook, shaped like the DfE template (Cover; Financial summary; CYP summary;
// a mitigations log), written as live formulas over the model's Rates sheet: SEND.PLAN gives income, s251 spend
// lines, balances and EHCPs by placement for the unmitigated and mitigated options; typed input cells (listed per
// sheet in `inputs`) add block transfers, other income and one row per mitigation. Change a rate and the balances
// follow.
import { RAG_THRESHOLDS } from "../engine/mitigations";
import { OTHER_BLOCKS } from "../engine/keys";
import { COUNT_LABELS, PLAN_ROW_LABELS, planRow, SPEND_LINES } from "../engine/plan";
import { GROUPS } from "../engine/project";
import { cellA1, colLetters, quoteSheet } from "../util/a1";
import { formulaString, type RawCell, type Rows } from "./types";

export const PLAN_SHEETS = {
  cover: "Cover",
  summary: "Financial summary",
  cyp: "CYP summary",
  mitigations: "Mitigations",
  narrative: "Narrative",
} as const;

/** The Narrative tab's headings, in the order of the DfE template's narrative and governance pages. */
export const NARRATIVE_HEADINGS: readonly string[] = [
  "Introduction and purpose of the plan",
  "Context: the local SEND system and what drives the deficit",
  "Current financial position (see Financial summary)",
  "Forecast assumptions: demand, placements, unit costs and inflation",
  "Mitigations and workstreams (see Mitigations)",
  "Block transfers, DfE contributions and the local authority's contribution",
  "Governance: Schools Forum and member oversight",
  "Stakeholders: schools, parents and carers, health and social care",
  "Risks and sensitivities",
  "Monitoring and review dates",
];

/** SEND.PLAN's spill rows (1-based within the spill; row 1 is the years). */
const PLAN_SPILL = {
  income: planRow("High Needs block DSG income"),
  firstLine: planRow(SPEND_LINES[0].label),
  spend: planRow("Total High Needs spend"),
  inYear: planRow("In-year balance"),
  cumulative: planRow("Cumulative balance"),
  firstCount: planRow(COUNT_LABELS[GROUPS[0]]),
  lastCount: planRow("Total EHCPs"),
} as const;
const PLAN_HEIGHT = PLAN_ROW_LABELS.length + 1;
/** The first money row of the spill's DSG section. */
const DSG_FIRST = planRow(`${OTHER_BLOCKS[0].name} income`);
/** Plan lines that are the cost of the rates' own levers (early intervention and help, new places' opening). */
const LEVER_LINES = ["ei", "places"] as const;

export interface Mitigation {
  description: string;
  /** who delivers it (a post, not a person) */
  owner: string;
  /** first financial year, e.g. 2026 for 2026-27 */
  start: number;
  oneOff: number;
  recurring: number;
  /** saving by plan year (index 0 = the plan's first year) */
  savings: number[];
  /** 0..1: how sure the owner is that the savings arrive (RAG: Green from 75%, Amber from 50%, Red below) */
  confidence: number;
}

export interface PlanSpec {
  /** absolute rates range of the model, e.g. Rates!$A$1:$K$120 */
  ratesRef: string;
  unmitigated: string;
  /** the option with the mitigations that live in the rates (e.g. proj.ei.*, proj.shift); may equal unmitigated */
  mitigated: string;
  /** first financial year (2025 = 2025-26) and number of years, as the unmitigated option says */
  start: number;
  years: number;
  mitigations: Mitigation[];
  /** blank rows left for more mitigations */
  spareRows?: number;
  /** shown on the Cover, e.g. "SYNTHETIC demo county" */
  authority: string;
  source: string;
}

export interface PlanSheet {
  name: string;
  cells: Rows;
  inputs: string[];
  money: string[];
  percent: string[];
  /** ranges coloured by their text: Green, Amber, Red (the mitigations' RAG rating) */
  rag?: string[];
}

function put(rows: Rows, row: number, col: number, v: RawCell): void {
  while (rows.length < row) rows.push([]);
  const r = rows[row - 1];
  while (r.length < col) r.push(null);
  r[col - 1] = v;
}

/** The Mitigations sheet's columns: A..G describe a mitigation, then savings by year, a spacer, costs by year. */
const MIT = { owner: 2, start: 3, oneOff: 4, recurring: 5, confidence: 6, rag: 7, firstSaving: 8 } as const;

function mitigationsLayout(p: PlanSpec): {
  firstYearCol: number;
  firstCostCol: number;
  netRow: number;
  riskRow: number;
} {
  const count = (p.mitigated !== p.unmitigated ? 1 : 0) + p.mitigations.length + (p.spareRows ?? 5);
  return {
    firstYearCol: MIT.firstSaving,
    firstCostCol: MIT.firstSaving + p.years + 1,
    netRow: 2 + count + 1,
    riskRow: 2 + count + 2,
  };
}

/** The Financial summary's balances block: a heading row over the years, then these rows (the Forum paper reads the
 * carried-forward ones by label). */
export const BALANCES_HEADING = "Balances (a deficit is negative)";
export const BALANCE_LABELS = {
  bfU: "Balance brought forward, unmitigated",
  inU: "In-year, unmitigated (every block's income less spend, and contributions)",
  cfU: "Balance carried forward, unmitigated",
  net: "Mitigations: savings less costs (Mitigations sheet)",
  bfM: "Balance brought forward, mitigated",
  inM: "In-year, mitigated",
  cfM: "Balance carried forward, mitigated",
  risk: "Mitigations, risk-adjusted (savings x confidence, costs in full)",
  cfR: "Balance carried forward, mitigated and risk-adjusted",
  check: "Check: unmitigated carried forward less SEND.PLAN's DSG cumulative balance (0 when the blocks reconcile)",
  override: "Unmitigated deficit beyond the statutory override (dsg.override.end)",
} as const;

export function planWorkbook(s: PlanSpec): PlanSheet[] {
  const n = s.years;
  const yc = (k: number) => colLetters(2 + k); // year k (0-based) is column B + k
  const lastYc = yc(n - 1);
  // names for references (quoted: "Financial summary" has a space)
  const S = quoteSheet(PLAN_SHEETS.summary);
  const M = quoteSheet(PLAN_SHEETS.mitigations);

  // ---- Financial summary -------------------------------------------------------------------------------------
  const fs: Rows = [];
  put(fs, 1, 1, "DSG deficit management plan: financial summary (every DSG block; High Needs first)");
  put(fs, 2, 1, "Unmitigated plan (option of the rates table)");
  put(fs, 2, 2, s.unmitigated);
  put(fs, 3, 1, "Mitigated plan (option of the rates table)");
  put(fs, 3, 2, s.mitigated);
  const U = 5; // unmitigated SEND.PLAN spill top
  put(fs, U - 1, 1, "Unmitigated: SEND.PLAN (income, section 251 spend lines, balances, EHCPs by placement)");
  put(fs, U, 1, `=SEND.PLAN(${s.ratesRef},$B$2)`);
  const inc = U + PLAN_HEIGHT + 2; // income and transfers block
  const urow = (k: keyof typeof PLAN_SPILL) => U - 1 + PLAN_SPILL[k];
  put(fs, inc, 1, "Income and spend by block, transfers and contributions (from the dsg.* and proj.* rates)");
  const yearsRow = (r: number) => {
    for (let k = 0; k < n; k++) put(fs, r, 2 + k, `=${yc(k)}$${U}`);
  };
  yearsRow(inc);
  // every block's lines, from SEND.PLAN's DSG rows (dsg.* keys of the Rates sheet; nothing typed here)
  const fromSpill = (label: string) => (k: number) => `=${yc(k)}${U - 1 + planRow(label)}`;
  const blockLines: { key: string; label: string; f: (k: number) => RawCell }[] = [
    { key: "hnIncome", label: "High Needs block DSG", f: fromSpill("High Needs block DSG income") },
    {
      key: "transfer",
      label: "Block transfer from the Schools block (dsg.transfer; up to 0.5% with Schools Forum agreement)",
      f: fromSpill("Block transfer: Schools block to High Needs"),
    },
    { key: "hnTotal", label: "Total High Needs income", f: (k) => `=${yc(k)}${inc + 1}+${yc(k)}${inc + 2}` },
    { key: "hnSpend", label: "Total High Needs spend", f: fromSpill("Total High Needs spend") },
    ...OTHER_BLOCKS.flatMap((b) => [
      { key: `${b.id}Income`, label: `${b.name} income`, f: fromSpill(`${b.name} income`) },
      { key: `${b.id}Spend`, label: `${b.name} spend`, f: fromSpill(`${b.name} spend`) },
    ]),
    { key: "sv", label: "DfE contribution: Safety Valve", f: fromSpill("DfE contribution: Safety Valve") },
    { key: "dfe", label: "DfE contribution: other", f: fromSpill("DfE contribution: other") },
    { key: "la", label: "Local authority contribution", f: fromSpill("Local authority contribution") },
  ];
  const lineRow = (key: string) => inc + 1 + blockLines.findIndex((l) => l.key === key);
  blockLines.forEach(({ label, f }, i) => {
    put(fs, inc + 1 + i, 1, label);
    for (let k = 0; k < n; k++) put(fs, inc + 1 + i, 2 + k, f(k));
  });
  const totalIncome = inc + blockLines.length;
  /** DSG in-year from the block lines: High Needs after the transfer, each other block (Schools less the transfer
   *  it gives), contributions. */
  const dsgInYear = (c: string) =>
    `${c}${lineRow("hnTotal")}-${c}${lineRow("hnSpend")}` +
    OTHER_BLOCKS.map((b) => `+${c}${lineRow(`${b.id}Income`)}-${c}${lineRow(`${b.id}Spend`)}`).join("") +
    `-${c}${lineRow("transfer")}+${c}${lineRow("sv")}+${c}${lineRow("dfe")}+${c}${lineRow("la")}`;

  const bal = totalIncome + 2;
  put(fs, bal, 1, BALANCES_HEADING);
  yearsRow(bal);
  const R = {
    bfU: bal + 1,
    inU: bal + 2,
    cfU: bal + 3,
    net: bal + 4,
    bfM: bal + 5,
    inM: bal + 6,
    cfM: bal + 7,
    risk: bal + 8,
    cfR: bal + 9,
    check: bal + 10,
    override: bal + 11,
  };
  for (const [key, row] of Object.entries(R)) put(fs, row, 1, BALANCE_LABELS[key as keyof typeof R]);
  const M0 = mitigationsLayout(s);
  for (let k = 0; k < n; k++) {
    const c = yc(k);
    const prev = k === 0 ? null : yc(k - 1);
    // the option's proj.opening + dsg.opening
    const opening = `(${yc(0)}${U - 1 + planRow("DSG cumulative balance")}-${yc(0)}${U - 1 + planRow("DSG in-year balance (all blocks)")})`;
    put(fs, R.bfU, 2 + k, prev ? `=${prev}${R.cfU}` : `=${opening}`);
    put(fs, R.inU, 2 + k, `=${dsgInYear(c)}`);
    put(fs, R.cfU, 2 + k, `=${c}${R.bfU}+${c}${R.inU}`);
    put(fs, R.net, 2 + k, `=${M}!${cellA1(M0.netRow, M0.firstYearCol + k)}`);
    put(fs, R.bfM, 2 + k, prev ? `=${prev}${R.cfM}` : `=${opening}`);
    put(fs, R.inM, 2 + k, `=${c}${R.inU}+${c}${R.net}`);
    put(fs, R.cfM, 2 + k, `=${c}${R.bfM}+${c}${R.inM}`);
    put(fs, R.risk, 2 + k, `=${M}!${cellA1(M0.riskRow, M0.firstYearCol + k)}`);
    put(fs, R.cfR, 2 + k, `=${prev ? `${prev}${R.cfR}` : opening}+${c}${R.inU}+${c}${R.risk}`);
    put(fs, R.check, 2 + k, `=ROUND(${c}${R.cfU}-${c}${U - 1 + planRow("DSG cumulative balance")},2)`);
    put(fs, R.override, 2 + k, fromSpill("DSG deficit beyond the statutory override")(k));
  }
  const MP = R.override + 3; // mitigated option's own SEND.PLAN (its lines feed the Mitigations sheet)
  put(
    fs,
    MP - 1,
    1,
    "Mitigated option: SEND.PLAN (the rates' own mitigations, e.g. early intervention, ISP-to-special shift)",
  );
  put(fs, MP, 1, `=SEND.PLAN(${s.ratesRef},$B$3)`);
  const mrow = (k: keyof typeof PLAN_SPILL) => MP - 1 + PLAN_SPILL[k];

  // ---- Mitigations ---------------------------------------------------------------------------------------------
  // Costs are paid in full; only positive savings are weighted by confidence (engine/mitigations.ts, same rules),
  // so the risk-adjusted balance is never better than the mitigated one.
  const mit: Rows = [];
  const header = [
    "Mitigation",
    "Owner",
    "Start year (2026 = 2026-27)",
    "One-off cost",
    "Recurring cost a year",
    "Confidence (0-100%)",
    "RAG",
  ];
  header.forEach((h, i) => put(mit, 1, i + 1, h));
  const costCol = (k: number) => colLetters(M0.firstCostCol + k);
  const savingCol = (k: number) => colLetters(M0.firstYearCol + k);
  for (let k = 0; k < n; k++) {
    put(mit, 1, M0.firstYearCol + k, s.start + k);
    put(mit, 1, M0.firstCostCol + k, s.start + k);
  }
  put(mit, 1, M0.firstCostCol - 1, "Costs by year (from the start year) ->");
  const rowsOfMitigations: { m: Mitigation | null; fromOption: boolean }[] = [
    ...(s.mitigated !== s.unmitigated ? [{ m: null, fromOption: true }] : []),
    ...s.mitigations.map((m) => ({ m, fromOption: false })),
    ...Array.from({ length: s.spareRows ?? 5 }, () => ({ m: null, fromOption: false })),
  ];
  // the rates' own levers cost what the mitigated plan spends more on these lines than the unmitigated plan
  const leverRows = (row: (k: keyof typeof PLAN_SPILL) => number) =>
    LEVER_LINES.map((key) => row("firstLine") + SPEND_LINES.findIndex((l) => l.key === key));
  rowsOfMitigations.forEach(({ m, fromOption }, i) => {
    const r = 2 + i;
    put(
      mit,
      r,
      MIT.rag,
      `=IF(ISNUMBER(F${r}),IF(F${r}>=${RAG_THRESHOLDS.green},"Green",IF(F${r}>=${RAG_THRESHOLDS.amber},"Amber","Red")),"")`,
    );
    for (let k = 0; k < n; k++) {
      const yr = `${costCol(k)}$1`;
      put(mit, r, M0.firstCostCol + k, `=IF(ISNUMBER($C${r}),IF(${yr}=$C${r},$D${r},0)+IF(${yr}>=$C${r},$E${r},0),0)`);
    }
    if (fromOption) {
      put(mit, r, 1, `=${S}!$B$3&" (rates option: its proj.* levers)"`);
      put(mit, r, MIT.owner, "(set the owner)");
      put(mit, r, MIT.start, s.start);
      put(mit, r, MIT.confidence, 0.75);
      for (let k = 0; k < n; k++) {
        const c = yc(k);
        const leverCost = leverRows(mrow)
          .map((row, j) => `${S}!${c}${row}-${S}!${c}${leverRows(urow)[j]}`)
          .join("+");
        put(mit, r, M0.firstCostCol + k, `=${leverCost}`);
        // gross saving: the spend the option avoids, before its levers' own costs
        put(mit, r, M0.firstYearCol + k, `=${S}!${c}${urow("spend")}-${S}!${c}${mrow("spend")}+${costCol(k)}${r}`);
      }
      return;
    }
    if (!m) return;
    put(mit, r, 1, m.description);
    put(mit, r, MIT.owner, m.owner);
    put(mit, r, MIT.start, m.start);
    put(mit, r, MIT.oneOff, m.oneOff);
    put(mit, r, MIT.recurring, m.recurring);
    put(mit, r, MIT.confidence, m.confidence);
    for (let k = 0; k < n; k++) put(mit, r, M0.firstYearCol + k, m.savings[k] ?? 0);
  });
  const last = 1 + rowsOfMitigations.length;
  put(mit, M0.netRow, 1, "Net: savings less costs (one-off in the start year, recurring from the start year)");
  put(mit, M0.riskRow, 1, "Risk-adjusted net: positive savings x confidence, less the same costs in full");
  for (let k = 0; k < n; k++) {
    const sv = `${savingCol(k)}2:${savingCol(k)}${last}`;
    const costs = `SUM(${costCol(k)}2:${costCol(k)}${last})`;
    put(mit, M0.netRow, M0.firstYearCol + k, `=ROUND(SUM(${sv})-${costs},2)`);
    put(
      mit,
      M0.riskRow,
      M0.firstYearCol + k,
      `=ROUND(SUMPRODUCT((${sv}>0)*${sv}*$F$2:$F$${last})+SUMIF(${sv},"<0")-${costs},2)`,
    );
  }

  // ---- CYP summary ---------------------------------------------------------------------------------------------
  const cyp: Rows = [];
  put(cyp, 1, 1, "Children and young people with EHCPs");
  put(cyp, 2, 1, "By placement, unmitigated (from SEND.PLAN)");
  for (let k = 0; k < n; k++) put(cyp, 2, 2 + k, `=${S}!${yc(k)}${U}`);
  const countRows = PLAN_SPILL.lastCount - PLAN_SPILL.firstCount + 1;
  for (let i = 0; i < countRows; i++) {
    const src = urow("firstCount") + i;
    put(cyp, 3 + i, 1, `=${S}!A${src}`);
    for (let k = 0; k < n; k++) put(cyp, 3 + i, 2 + k, `=${S}!${yc(k)}${src}`);
  }
  const mTop = 4 + countRows;
  put(cyp, mTop, 1, "By placement, mitigated (from SEND.PLAN)");
  for (let i = 0; i < countRows; i++) {
    const src = mrow("firstCount") + i;
    put(cyp, mTop + 1 + i, 1, `=${S}!A${src}`);
    for (let k = 0; k < n; k++) put(cyp, mTop + 1 + i, 2 + k, `=${S}!${yc(k)}${src}`);
  }
  const ageTop = mTop + countRows + 2;
  put(cyp, ageTop, 1, "By age (typed: from SEN2 or your EHCP forecast)");
  for (let k = 0; k < n; k++) put(cyp, ageTop, 2 + k, `=${S}!${yc(k)}${U}`);
  const ages = ["Under 5", "Aged 5 to 10", "Aged 11 to 15", "Aged 16 to 19", "Aged 20 to 25"];
  ages.forEach((a, i) => put(cyp, ageTop + 1 + i, 1, a));
  put(cyp, ageTop + 1 + ages.length, 1, "Total by age");
  for (let k = 0; k < n; k++)
    put(cyp, ageTop + 1 + ages.length, 2 + k, `=SUM(${yc(k)}${ageTop + 1}:${yc(k)}${ageTop + ages.length})`);

  // ---- Cover ---------------------------------------------------------------------------------------------------
  const cover: Rows = [
    ["DSG deficit management plan", s.authority],
    [],
    [
      "Shape",
      "Follows the DfE DSG deficit management plan template: Cover; Financial summary (income by block, section 251 spend lines, balance brought and carried forward, unmitigated and mitigated); CYP summary; a mitigations log.",
    ],
    ["Model", s.source],
    [
      "Plans",
      `Unmitigated: ${s.unmitigated}; mitigated: ${s.mitigated} (change them on the Financial summary, cells B2 and B3)`,
    ],
    [
      "Live",
      "Every amount is a formula over the Rates sheet (SEND.PLAN) and the typed inputs (Financial summary: the plan options, transfers and other income; Mitigations: one row per mitigation; CYP summary: EHCPs by age): change a rate, a transfer or a mitigation and the balances follow. Recalculate without Excel: send-model recalc PLAN.xlsx --out PLAN2.xlsx",
    ],
    [
      "Confidence",
      `Each mitigation's savings are weighted by its confidence (0-100%); its costs count in full, so the risk-adjusted balance is never better than the mitigated one. RAG: Green from ${RAG_THRESHOLDS.green * 100}%, Amber from ${RAG_THRESHOLDS.amber * 100}%, Red below.`,
    ],
  ];

  const money = [
    `B${U + 1}:${lastYc}${urow("cumulative")}`,
    `B${inc + 1}:${lastYc}${R.override}`,
    `B${MP + 1}:${lastYc}${mrow("cumulative")}`,
    `B${U - 1 + DSG_FIRST}:${lastYc}${U - 1 + PLAN_HEIGHT}`,
    `B${MP - 1 + DSG_FIRST}:${lastYc}${MP - 1 + PLAN_HEIGHT}`,
  ];
  const narrative: Rows = [["DSG deficit management plan: narrative (write under each heading)"]];
  NARRATIVE_HEADINGS.forEach((h) => narrative.push([], [h], [null]));
  const textRows = NARRATIVE_HEADINGS.map((_, i) => `A${4 + 3 * i}`);
  return [
    { name: PLAN_SHEETS.cover, cells: cover, inputs: [], money: [], percent: [] },
    { name: PLAN_SHEETS.summary, cells: fs, inputs: [`B2:B3`], money, percent: [] },
    {
      name: PLAN_SHEETS.cyp,
      cells: cyp,
      inputs: [`B${ageTop + 1}:${lastYc}${ageTop + ages.length}`],
      money: [],
      percent: [],
    },
    {
      name: PLAN_SHEETS.mitigations,
      cells: mit,
      inputs: [`A2:F${last}`, `${savingCol(0)}2:${savingCol(n - 1)}${last}`],
      money: [`D2:E${last}`, `${savingCol(0)}2:${costCol(n - 1)}${M0.riskRow}`],
      percent: [`F2:F${last}`],
      rag: [`G2:G${last}`],
    },
    { name: PLAN_SHEETS.narrative, cells: narrative, inputs: textRows, money: [], percent: [] },
  ];
}

/** The formula of one option's SEND.PLAN, for callers placing it elsewhere. */
export function planFormula(ratesRef: string, option: string): string {
  return `=SEND.PLAN(${ratesRef},${formulaString(option)})`;
}

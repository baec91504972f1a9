// The speed-of-light floor for SEND.ALLOCATEALL: the same rules (contract sections 1-4) written with
// plain JavaScript numbers, no validation beyond what the synthetic data needs, no explanations.
// Bench-only: floats are NOT exact money; this exists to time against, and to cross-check the engine.
import type { Cell, Grid } from "../../src/engine/types";

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");
const text = (c: Cell) => (c === null || c === undefined ? "" : String(c).trim());
const blankCell = (c: Cell) => c === null || c === undefined || (typeof c === "string" && c.trim() === "");

/** Resolved option: normalised key -> number (NaN for a non-numeric value). */
export function refResolve(rates: Grid, option: string): Map<string, number> {
  const header = rates[0].map(text);
  const fc = header.findIndex((h) => norm(h) === "factor");
  const colOf = (name: string) => header.findIndex((h, i) => i !== fc && h.toLowerCase() === name.trim().toLowerCase());
  const keyRow = new Map<string, number>();
  for (let r = 1; r < rates.length; r++) {
    const k = text(rates[r][fc]);
    if (k !== "") keyRow.set(norm(k), r);
  }
  const chain: number[] = [];
  for (let name = option; ;) {
    const c = colOf(name);
    if (c < 0 || chain.includes(c)) break;
    chain.push(c);
    const ir = keyRow.get("inherits");
    const parent = ir === undefined ? "" : text(rates[ir][c]);
    if (parent === "") break;
    name = parent;
  }
  const out = new Map<string, number>();
  for (const [k, r] of keyRow) {
    if (k === "inherits") continue;
    for (const c of chain) {
      const v = rates[r][c];
      if (text(v) === "") continue;
      out.set(k, typeof v === "number" ? v : Number(String(v).replace(/[£,]/g, "")));
      break;
    }
  }
  return out;
}

const PHASES: Record<string, number> = {
  earlyyears: 0,
  primary: 1,
  secondary: 2,
  special: 3,
  resourcebase: 4,
  ap: 5,
  fe: 6,
  isp: 7,
};
const SETTING = ["ey", "mainstream", "mainstream", "special", "rb", "ap", "fe", "isp"];

export type RefResult = number | null | "#N/A" | "#NUM!" | "#VALUE!";

/** SEND.ALLOCATEALL with numbers: one total per data row (null for an all-blank row). */
export function refAllocateAll(rates: Grid, option: string, table: Grid): RefResult[] {
  const o = refResolve(rates, option);
  const get = (k: string, d: number) => o.get(k) ?? d;
  const need = (k: string) => o.get(k) ?? NaN; // NaN → #N/A when its count is non-zero
  const unit = get("round.to", 0.01);
  const inv = 1 / unit;
  const round = (x: number) => Math.round(x * inv) / inv;

  const h = table[0].map((c) => norm(text(c)));
  const at = (name: string) => h.indexOf(name);
  const cPhase = at("phase"),
    cPri = at("primarypupils"),
    cKs3 = at("ks3pupils"),
    cKs4 = at("ks4pupils");
  const cFsm = at("fsm"),
    cFsm6 = at("fsm6"),
    cLpa = at("lpa"),
    cEal = at("eal"),
    cSen = at("sensupport");
  const cIdaci = ["a", "b", "c", "d", "e", "f"].map((b) => at(`idaci${b}`));
  const cPlaces = at("places"),
    cOcc = at("occupied"),
    cDaf = at("daf"),
    cStu = at("students"),
    cMonths = at("months");
  const ehcp: { col: number; band: string }[] = [];
  const senif: { col: number; band: string }[] = [];
  h.forEach((x, col) => {
    if (x.startsWith("ehcp") && x.length > 4) ehcp.push({ col, band: x.slice(4) });
    else if (x.startsWith("senif") && x.length > 5) senif.push({ col, band: x.slice(5) });
  });

  // Rates laid out per phase once, so the row loop only multiplies.
  const topup = SETTING.map((s) => ehcp.map(({ band }) => o.get(`topup.${s}.${band}`) ?? need(`topup.all.${band}`)));
  const ph = ["primary", "secondary"];
  const ns = {
    be: get("notional.be", 0),
    fsm: get("notional.fsm", 0),
    fsm6: get("notional.fsm6", 0),
    idaci: get("notional.idaci", 0),
    lpa: get("notional.lpa", 0),
    eal: get("notional.eal", 0),
    lump: get("notional.lumpsum", 0),
  };
  const unitv = ph.map((p) => ({
    fsm: need(`fsm.${p}`),
    fsm6: need(`fsm6.${p}`),
    lpa: need(`lpa.${p}`),
    eal: need(`eal.${p}`),
    lump: need(`lumpsum.${p}`),
    idaci: ["a", "b", "c", "d", "e", "f"].map((b) => need(`idaci.${p}.${b}`)),
  }));
  const bePri = need("be.primary"),
    beKs3 = need("be.ks3"),
    beKs4 = need("be.ks4");
  const eiSen = get("ei.sensupport", 0),
    eiPer = get("ei.perpupil", 0),
    eiThr = get("ei.highneeds.threshold", 0);
  const eiRate = get("ei.highneeds.rate", 0),
    eiGuar = get("ei.notional.guarantee", 0);
  const place = [NaN, 0, 0, need("place.special"), NaN, need("place.ap"), need("place.fe"), 0];
  const rbOcc = need("place.rb.occupied"),
    rbUnocc = need("place.rb.unoccupied");
  const daf = need("ey.daf"),
    weeks = get("ey.weeks", 38),
    senifRate = senif.map(({ band }) => need(`ey.senif.${band}`));
  const feRate = get("fe.rate", 0) * get("fe.weighting", 1) * get("fe.area", 1);

  const phaseOf = new Map<Cell, number | undefined>(); // raw phase cell -> code, so a row costs no string work
  const out: RefResult[] = [];
  let row: readonly Cell[] = [];
  const n = (c: number): number => {
    if (c < 0) return 0;
    const v = row[c];
    return typeof v === "number" ? v : blankCell(v) ? 0 : Number(String(v).replace(/[£,]/g, ""));
  };
  for (let r = 1; r < table.length; r++) {
    row = table[r];
    let blank = true;
    for (let i = 0; i < row.length; i++)
      if (!blankCell(row[i])) {
        blank = false;
        break;
      }
    if (blank) {
      out.push(null);
      continue;
    }
    const raw = row[cPhase];
    let phase = phaseOf.get(raw);
    if (phase === undefined && !phaseOf.has(raw)) phaseOf.set(raw, (phase = PHASES[norm(text(raw))]));
    if (phase === undefined) {
      out.push("#VALUE!");
      continue;
    }
    const m = cMonths < 0 || blankCell(row[cMonths]) ? 12 : n(cMonths);
    const scale = m / 12;
    let total = 0;
    let notionalAnnual = 0;
    if (phase === 1 || phase === 2) {
      const u = unitv[phase - 1];
      const pri = n(cPri),
        ks3 = n(cKs3),
        ks4 = n(cKs4),
        fsm = n(cFsm),
        fsm6 = n(cFsm6),
        lpa = n(cLpa),
        eal = n(cEal);
      let idaci = 0;
      for (let i = 0; i < 6; i++) {
        const c = n(cIdaci[i]);
        if (c) idaci += c * u.idaci[i];
      }
      let a = 0;
      if (ns.be) a += ((pri ? pri * bePri : 0) + (ks3 ? ks3 * beKs3 : 0) + (ks4 ? ks4 * beKs4 : 0)) * ns.be;
      if (ns.fsm && fsm) a += fsm * u.fsm * ns.fsm;
      if (ns.fsm6 && fsm6) a += fsm6 * u.fsm6 * ns.fsm6;
      if (ns.idaci) a += idaci * ns.idaci;
      if (ns.lpa && lpa) a += lpa * u.lpa * ns.lpa;
      if (ns.eal && eal) a += eal * u.eal * ns.eal;
      if (ns.lump) a += u.lump * ns.lump;
      notionalAnnual = a;
      total += round(a * scale);
    } else if (phase === 4) {
      const places = n(cPlaces);
      const occ = cOcc >= 0 && !blankCell(row[cOcc]) ? n(cOcc) : places;
      if (occ > places) {
        out.push("#NUM!");
        continue;
      }
      total += round(((occ ? occ * rbOcc : 0) + (places - occ ? (places - occ) * rbUnocc : 0)) * scale);
    } else if (phase === 3 || phase === 5 || phase === 6) {
      const places = n(cPlaces);
      if (places) total += round(places * place[phase] * scale);
    }
    const tu = topup[phase];
    let ehcps = 0,
      t = 0;
    for (let i = 0; i < ehcp.length; i++) {
      const c = n(ehcp[i].col);
      if (c) {
        ehcps += c;
        t += c * tu[i];
      }
    }
    total += round(t * scale);
    if (phase === 1 || phase === 2) {
      const pupils = n(cPri) + n(cKs3) + n(cKs4);
      const e =
        eiSen * n(cSen) +
        eiPer * pupils +
        eiRate * Math.max(0, ehcps - eiThr * pupils) +
        Math.max(0, eiGuar * ehcps - notionalAnnual);
      total += round(e * scale);
    } else if (phase === 0) {
      let e = 0;
      for (let i = 0; i < senif.length; i++) {
        const hrs = n(senif[i].col);
        if (hrs) e += hrs * senifRate[i] * weeks;
      }
      const d = n(cDaf);
      total += round(e * scale + (d ? d * daf : 0)); // DAF is paid once a year: not pro-rated
    } else if (phase === 6) {
      const s = n(cStu);
      if (s) total += round(s * feRate * scale);
    }
    out.push(Number.isNaN(total) ? "#N/A" : round(total));
  }
  return out;
}

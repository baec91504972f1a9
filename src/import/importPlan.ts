// An imported model as a plan of sheets: the New model layout (Rates seeded from a national option, a
// candidate option, Allocations for every option, Checks) over the imported Institutions table, plus the
// mapping sheet. The pane and the CLI both write this plan.
import { libraryRatesGrid } from "../engine/library";
import { bandsFromRates, type Bands } from "../model/institutions";
import { blockRange, widthOf } from "../util/a1";
import { planModel, type ModelPlan, type PlannedSheet } from "../model/model";
import { uniqueSheetName } from "../model/sheetNames";
import type { KeyRow } from "../model/rates";
import { normLabel } from "../engine/normalize";
import type { ImportResult } from "./apply";
import { MAPPING_SHEET, mappingSheetRows } from "./remember";

/** The EHCP and SENIF bands a national option's rates price (what the Institutions table offers). */
export function bandsFor(national: string): Bands {
  return bandsFromRates(libraryRatesGrid([national]));
}

export interface ImportPlanInput {
  /** sheet names the new sheets must not take */
  existing: readonly string[];
  national: string;
  candidate: string;
  result: ImportResult;
  /** the file's name, recorded on the mapping sheet */
  source: string;
  when?: Date;
  /** reuse this mapping sheet (a re-import over the model's own sheets) */
  mappingSheet?: string;
}

export interface ImportPlan extends ModelPlan {
  mapping: PlannedSheet;
}

/** Top-up setting by phase (contract section 3). */
const SETTING: Record<string, string> = {
  Primary: "mainstream",
  Secondary: "mainstream",
  "Resource Base": "rb",
  Special: "special",
  AP: "ap",
  FE: "fe",
  "Early Years": "ey",
  ISP: "isp",
};

/**
 * A top-up row for every band the file counts at every setting its phases use, so the officer has a
 * cell to type each rate in (blank ones inherit; with no rate at all the allocation shows #N/A naming the key).
 */
export function topupKeys(result: ImportResult): KeyRow[] {
  const phaseCol = result.header.indexOf("Phase");
  const settings = new Set(result.rows.map((r) => SETTING[String(r[phaseCol])]).filter(Boolean));
  const bands = result.header.flatMap((h, i) => {
    const m = /^EHCP (.+)$/i.exec(h);
    return m && result.rows.some((r) => typeof r[i] === "number" && r[i] !== 0) ? [m[1]] : [];
  });
  return [...settings].flatMap((setting) =>
    bands.map((band) => ({
      key: `topup.${setting}.${normLabel(band)}`,
      description: `Top-up per EHCP at ${band}, ${setting} setting`,
      unit: "£/pupil",
      section: "Top-up",
    })),
  );
}

export function planImport(input: ImportPlanInput, existingTables: readonly string[] = []): ImportPlan {
  const plan = planModel(
    {
      existing: input.existing,
      national: input.national,
      candidates: [{ name: input.candidate.trim(), inherits: input.national }],
      institutions: { header: input.result.header, rows: input.result.rows },
      keys: topupKeys(input.result),
    },
    existingTables,
  );
  const rows = mappingSheetRows(input.result.report.choices, input.source, input.when ?? new Date());
  const name =
    input.mappingSheet ?? uniqueSheetName([...input.existing, ...plan.sheets.map((s) => s.name)], MAPPING_SHEET);
  const mapping = {
    role: "mapping",
    name,
    rows,
    range: blockRange("A1", rows.length, widthOf(rows)),
    values: true,
  } as const;
  return { ...plan, sheets: [...plan.sheets, mapping], mapping };
}

// The national EHC plan history shipped with the add-in (src/data/ehcp), as the Demand screen offers it.
import {
  completeFromBundled,
  ENGLAND_CODE,
  HISTORY_SOURCE,
  historyTable,
  listAuthorities,
  type Authority,
} from "../../data/ehcp";
import { readReleaseFiles } from "../../data/ehcp/release";
import type { RawCell } from "../../model/types";

export type { Authority };

/** England first, then every local authority in the release's order. */
export function authorities(): Authority[] {
  return listAuthorities({ england: true });
}

export function authorityHistory(code: string): RawCell[][] | undefined {
  return historyTable(code);
}

/** How a sheet built from it is labelled: REAL published figures, with their source. */
export function nationalLabel(a: Authority): { title: string; source: string } {
  const what = a.code === ENGLAND_CODE ? "England" : `${a.name} (${a.code})`;
  return {
    title: `Demand: ${what}`,
    source: `REAL published history: ${HISTORY_SOURCE.replace(/;.*$/, "")}. EHC plans at each January census; New plans are those made in the calendar year before.`,
  };
}

/** The newest January census the add-in knows to be published (DfE release, reporting year 2025). */
export const LATEST_PUBLISHED_CENSUS = 2025;

/**
 * Which years of a forecast from `lastYear` are already published, as a sentence (empty when none): an officer
 * should read the release for those rather than forecast them.
 */
export function publishedNote(lastYear: number, horizon: number): string {
  if (!Number.isFinite(lastYear) || lastYear >= LATEST_PUBLISHED_CENSUS) return "";
  const to = Math.min(LATEST_PUBLISHED_CENSUS, lastYear + Math.max(1, horizon));
  const years = to === lastYear + 1 ? `${to} is` : `${lastYear + 1} to ${to} are`;
  return `Forecast years ${years} already published (DfE release, reporting year ${LATEST_PUBLISHED_CENSUS}): choose "A DfE release file" to forecast from the newest census.`;
}

/** A DfE release's caseload.csv read into areas (each with its history table), completed from the bundled years. */
export interface ReleaseRead {
  areas: { code: string; name: string; history: RawCell[][]; problem?: string }[];
  warnings: string[];
}

export function readReleaseText(caseloadText: string, fileName: string): ReleaseRead {
  const h = readReleaseFiles(caseloadText, undefined, { caseloadName: fileName });
  completeFromBundled(h.columns, h.areas);
  return {
    areas: h.areas.map((a) => ({
      code: a.code,
      name: a.name,
      history: [[...(a.columns ?? h.columns)], ...a.rows],
      ...(a.problem ? { problem: a.problem } : {}),
    })),
    warnings: h.warnings,
  };
}

// The national EHC plan history shipped with the add-in (src/data/ehcp), as the Demand screen offers it.
import { ENGLAND_CODE, HISTORY_SOURCE, historyTable, listAuthorities, type Authority } from "../../data/ehcp";
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

// The small model the browser preview starts with: the New model screen's own plan (synthetic sample
// data), plus a candidate option that differs from its parent in a few rates, so every screen has
// something to show.
import { DEFAULT_NATIONAL } from "../../engine/library";
import { planModel, SAMPLE_LOCAL_OPTION } from "../../model/model";
import { createModel } from "../actions/createModel";
import type { WorkbookPort } from "../ports/WorkbookPort";

export const PREVIEW_CANDIDATE = "Option A";
export const PREVIEW_INSTITUTIONS = 24;

export const PREVIEW_DIFFERENCES: Record<string, number> = {
  "topup.mainstream.band3": 5200,
  "ei.sensupport": 150,
  "notional.be": 0.04,
};

export async function buildPreviewModel(port: WorkbookPort, count = PREVIEW_INSTITUTIONS): Promise<void> {
  const national = DEFAULT_NATIONAL;
  const plan = planModel(
    {
      existing: await port.sheetNames(),
      national,
      candidates: [{ name: PREVIEW_CANDIDATE, inherits: SAMPLE_LOCAL_OPTION }],
      sample: { count },
      values: { [PREVIEW_CANDIDATE]: PREVIEW_DIFFERENCES },
    },
    await port.tableNames(),
  );
  await createModel(port, plan, async () => false);
  // a SEND cell selected, so Explain works straight away
  await port.selectRange(plan.names.allocations, "D2");
}

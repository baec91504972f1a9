// The component rules in SEND.BREAKDOWN order (contract section 4). Each is one small file.
import type { ComponentName } from "../types";
import type { ComponentRule } from "./context";
import { notionalSen } from "./notionalSen";
import { placeFunding } from "./placeFunding";
import { topUp } from "./topUp";
import { earlyIntervention } from "./earlyIntervention";
import { earlyYears } from "./earlyYears";
import { feElement1 } from "./feElement1";

export const RULES: Record<ComponentName, ComponentRule> = {
  "Notional SEN": notionalSen,
  "Place funding": placeFunding,
  "Top-up": topUp,
  "Early intervention": earlyIntervention,
  "Early years": earlyYears,
  "FE element 1": feElement1,
};

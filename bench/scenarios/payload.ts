// Scenario 9 (issue 22): what a full recalculation of the demo workbook sends to the custom functions. Every SEND
// formula's range arguments are measured as the JSON the functions receive (src/model/payload.ts); Excel caps one
// call at about 5 MB, and we aim at 5 MB for the whole recalculation.
import { computeDemo } from "../../src/demo";
import { workbookPayload, type BookPayload } from "../../src/model/payload";

export function payloadScenario(): BookPayload {
  return workbookPayload(computeDemo().workbook);
}

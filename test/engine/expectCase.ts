// Shared by the table-driven runners of test/cases/{fit,deficit,payback}.json.
import { isSendError } from "../../src/engine/errors";

export interface ExpectedError { error: string; message_contains: string }

/** The result must be a SendError of the expected kind whose message contains the expected fragment. */
export function expectCaseError(r: unknown, expected: ExpectedError): void {
  expect(isSendError(r)).toBe(true);
  if (!isSendError(r)) return;
  expect(r.kind).toBe(expected.error);
  expect(r.message).toContain(expected.message_contains);
}

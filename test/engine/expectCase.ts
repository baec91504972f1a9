// Shared by the table-driven runners of test/cases (engine and wrapper.invoke runners alike).
import { isSendError } from "../../src/engine/errors";

/** One fragment (fit/deficit/payback/appraise/forecast.json) or several, all required (project/check.json). */
export interface ExpectedError {
  error: string;
  message_contains?: string | string[];
}

/** The result must be a SendError of the expected kind whose message contains every expected fragment. */
export function expectCaseError(r: unknown, expected: ExpectedError): void {
  if (!isSendError(r)) throw new Error(`expected ${expected.error}, got ${JSON.stringify(r)}`);
  expect(r.kind).toBe(expected.error);
  const fragments = expected.message_contains ?? [];
  for (const s of typeof fragments === "string" ? [fragments] : fragments) expect(r.message).toContain(s);
}

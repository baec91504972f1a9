// How names meet: keys and option names case-insensitively and trimmed; headers and band labels also
// ignoring spaces, '_' and '-' (contract sections 1 and 3).

/** Option names: case-insensitive, trimmed. */
export function normOption(s: string): string {
  return s.trim().toLowerCase();
}

/** Headers and band labels: case-insensitive, ignoring spaces, '_' and '-'. */
export function normLabel(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * Keys: case-insensitive and trimmed. No valid key contains a space, '_' or '-', so removing them
 * everywhere also normalises band labels inside keys (`topup.special.Band 3` = `topup.special.band3`).
 */
export function normKey(s: string): string {
  return normLabel(s);
}

// TEMP STUB (add-in shell helper) - delete me
/**
 * Adds two numbers.
 * @customfunction ADD
 * @param a First number.
 * @param b Second number.
 * @returns The sum.
 */
export function add(a: number, b: number): number {
  return a + b;
}

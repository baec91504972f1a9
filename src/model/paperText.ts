// Sentences the Schools Forum paper uses wherever it is produced (the demo report, the pane's page).

/** How SEND.FIT works, for readers who never saw the formula. */
export function fitMethodText(baseline: string | null): string {
  const against = baseline ? `against ${baseline}` : "against last year";
  return (
    "How the fitting works: SEND.FIT multiplies every amount by one factor so that the total meets the budget. " +
    `With a floor or a cap, an institution whose change ${against} would be a larger loss than the floor is held at the floor (protected), ` +
    "and a gain above the cap is held at the cap; the factor is then worked out again over the other institutions, so the total still equals the budget. " +
    "When the budget cannot be met within the floor and the cap, nothing is fitted and the formula says which budgets are possible."
  );
}

/** The parts of a SEND.FIT formula the pane writes: =SEND.FIT(D2:D31,5000000,C2:C31,-0.005,0.05). */
export function parseFitFormula(
  f: string,
): { amounts: string; budget: number; baseline: string | null; floor: number | null; cap: number | null } | null {
  const m =
    /^=SEND\.FIT\(([A-Z]+\d+:[A-Z]+\d+),(-?[\d.eE+-]+)(?:,([A-Z]+\d+:[A-Z]+\d+))?(?:,(-?[\d.eE+-]*))?(?:,(-?[\d.eE+-]+))?\)$/i.exec(
      f.trim(),
    );
  if (!m) return null;
  const n = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));
  return {
    amounts: m[1].toUpperCase(),
    budget: Number(m[2]),
    baseline: m[3]?.toUpperCase() ?? null,
    floor: n(m[4]),
    cap: n(m[5]),
  };
}

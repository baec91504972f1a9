// An amount of money in running text or a table cell that never breaks: "-£150,000,000" stays on one line, so a
// deficit can't lose its minus sign to the line above. The style is inline so it survives into the saved paper.
import type { CellValue } from "../ports/WorkbookPort";
import { formatMoney } from "../numbers";

export function Money({ value, whole = true }: { value: CellValue | undefined; whole?: boolean }) {
  return (
    <span className="money" style={{ whiteSpace: "nowrap" }}>
      {formatMoney(value, { whole })}
    </span>
  );
}

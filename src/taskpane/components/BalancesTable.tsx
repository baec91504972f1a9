// Projected balances by year, one column per line (unmitigated, mitigated, risk-adjusted): the Forum paper's table
// and the Plan screen's, from the same read of the workbook (model/paperBalances.ts). Amounts never break.
import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ProjectedBalances } from "../../model/paperBalances";
import { Money } from "./Money";

const useStyles = makeStyles({
  table: { tableLayout: "auto", width: "100%" },
  // narrow padding: a year and three nine-figure deficits fit a 350 px pane
  cell: { paddingLeft: "4px", paddingRight: "4px" },
  n: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

export function BalancesTable({ balances, label }: { balances: ProjectedBalances; label: string }) {
  const styles = useStyles();
  const b = balances;
  return (
    <Table size="extra-small" className={styles.table} aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.cell}>Year</TableHeaderCell>
          {b.lines.map((l) => (
            <TableHeaderCell key={l.name} className={mergeClasses(styles.cell, styles.n)}>
              {l.name}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {b.years.map((y, i) => (
          <TableRow key={y}>
            <TableCell className={styles.cell} style={{ whiteSpace: "nowrap" }}>
              {y}
            </TableCell>
            {b.lines.map((l) => (
              <TableCell key={l.name} className={mergeClasses(styles.cell, styles.n)}>
                {l.values[i] === null || l.values[i] === undefined ? "no figure" : <Money value={l.values[i]} />}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

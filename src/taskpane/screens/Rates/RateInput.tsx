// One editable rate cell: shows the option's own value, or what it inherits (and from where) as a
// placeholder; checks the unit as the officer types and saves on Enter or leaving the cell.
import { useEffect, useState } from "react";
import { Input, makeStyles, tokens } from "@fluentui/react-components";
import { validateRate } from "../../workbook/validation";
import { formatInUnit } from "../../numbers";
import type { MatrixCell } from "../../workbook/matrix";

const useStyles = makeStyles({
  // narrow enough for three or four bands across a 350 px pane
  input: { width: "100%", minWidth: 0, maxWidth: "100%", "& input": { minWidth: 0, width: "100%" } },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, display: "block" },
});

/** The id of a rate's problem message (the matrix lists them below itself, where a sentence has room). */
export const rateErrorId = (key: string) => `rate-${key.replace(/[^A-Za-z0-9]/g, "-")}-error`;

const ownText = (c: MatrixCell) => (c.own === null || typeof c.own === "object" ? "" : String(c.own));

export function RateInput({
  cell,
  option,
  options,
  busy,
  onSave,
  onProblem,
}: {
  cell: MatrixCell;
  option: string;
  options: string[];
  busy: boolean;
  onSave: (key: string, input: string) => void;
  /** given: the problem is reported here (and shown by the caller under rateErrorId), not inside the cell */
  onProblem?: (key: string, label: string, message: string | null) => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? ownText(cell);
  const check = draft !== null && draft.trim() !== "" ? validateRate(cell.key, draft, options, option) : null;
  const error = check && !check.ok ? check.message : null;
  const inherited =
    cell.own === null && cell.effective
      ? `${formatInUnit(cell.effective.value, cell.unit)} from ${cell.effective.from}`
      : "";
  const { key, label } = cell;
  useEffect(() => {
    if (!onProblem || !error) return;
    onProblem(key, label, error);
    return () => onProblem(key, label, null);
  }, [onProblem, key, label, error]);
  const commit = () => {
    if (draft === null || error) return;
    if (draft.trim() !== ownText(cell)) onSave(cell.key, draft);
    setDraft(null);
  };
  const id = `rate-${cell.key.replace(/[^A-Za-z0-9]/g, "-")}`;
  return (
    <>
      <Input
        id={id}
        size="small"
        className={styles.input}
        value={value}
        disabled={busy}
        aria-label={`${cell.label} (${cell.unit}), ${option}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? rateErrorId(cell.key) : undefined}
        placeholder={inherited}
        title={`${cell.key}${inherited ? `: inherits ${inherited}` : ""}`}
        onChange={(_, d) => setDraft(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(null);
        }}
      />
      {error && !onProblem && (
        <span id={rateErrorId(cell.key)} role="alert" className={styles.error}>
          {error}
        </span>
      )}
    </>
  );
}

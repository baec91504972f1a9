// Rates: the option's rates as grids in words (top-up by setting and band, place funding, early years),
// each cell writing one key of the rates table through setRate (unit-checked, asking before it
// overwrites), and a search that turns words ("band 3 top up") into keys.
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { setRate } from "../../actions/options";
import { effectiveValue } from "../../workbook/discover";
import { allMatrices, headerOf, keyInWords, searchKeys, type Matrix, type MatrixCell } from "../../workbook/matrix";
import { formatInUnit } from "../../numbers";
import { findKeyInfo } from "../../../engine/keys";
import { RateInput, rateErrorId } from "./RateInput";
import { useChoice } from "../../components/useChoice";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "fixed", width: "100%" },
  rowHead: { width: "34%", overflowWrap: "anywhere" },
  head: { overflowWrap: "anywhere", hyphens: "auto" },
  problems: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    margin: "4px 0",
    paddingLeft: "16px",
    overflowWrap: "break-word",
  },
  suggestions: { listStyleType: "none", paddingLeft: 0, margin: "4px 0" },
});

/** At most this many inputs side by side: each keeps room for "£12,345.67" in a 350 px pane. */
const MAX_ACROSS = 3;

/**
 * How a matrix is laid out in a narrow pane: its columns across when they are few; for top-up, bands across
 * when there are few bands, else settings across when there are few settings, else one setting at a time.
 */
export function matrixLayout(m: Matrix): "as-is" | "bands-across" | "settings-across" | "one-setting" {
  if (m.id !== "topup") return "as-is";
  if (m.rows.length <= MAX_ACROSS) return "bands-across";
  if (m.columns.length <= MAX_ACROSS) return "settings-across";
  return "one-setting";
}

function MatrixTable({
  m,
  option,
  options,
  busy,
  save,
}: {
  m: Matrix;
  option: string;
  options: string[];
  busy: boolean;
  save: (key: string, input: string) => void;
}) {
  const styles = useStyles();
  const layout = matrixLayout(m);
  const [setting, setSetting] = useChoice(`rates.setting.${m.id}`, 0);
  const [problems, setProblems] = useState<Record<string, { label: string; message: string }>>({});
  const onProblem = useCallback(
    (key: string, label: string, message: string | null) =>
      setProblems((old) => {
        if ((old[key]?.message ?? null) === message) return old;
        const next = { ...old };
        if (message) next[key] = { label, message };
        else delete next[key];
        return next;
      }),
    [],
  );
  const s = Math.min(setting, Math.max(m.columns.length - 1, 0));
  // bands across: settings down the side; one setting: that setting's column with the bands down
  const heads =
    layout === "bands-across" ? m.rows.map((r) => r.label) : layout === "one-setting" ? [m.columns[s]] : m.columns;
  const body: { label: string; cells: MatrixCell[] }[] =
    layout === "bands-across"
      ? m.columns.map((label, c) => ({ label, cells: m.rows.map((r) => r.cells[c]) }))
      : layout === "one-setting"
        ? m.rows.map((r) => ({ label: r.label, cells: [r.cells[s]] }))
        : m.rows;
  const corner = layout === "bands-across" ? "Setting" : m.id === "topup" ? "Band" : "Rate";
  const listed = Object.entries(problems);
  return (
    <section aria-labelledby={`matrix-${m.id}`}>
      <Subtitle2 as="h3" block id={`matrix-${m.id}`}>
        {m.title}
      </Subtitle2>
      {layout === "one-setting" && (
        <Field label="Setting">
          <Select value={String(s)} onChange={(_, d) => setSetting(Number(d.value))}>
            {m.columns.map((c, i) => (
              <option key={c} value={i}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.scroll}>
        <Table size="extra-small" className={styles.table} aria-labelledby={`matrix-${m.id}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.rowHead}>{corner}</TableHeaderCell>
              {heads.map((h) => (
                <TableHeaderCell key={h} className={styles.head}>
                  {h}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {body.map((r) => (
              <TableRow key={r.label}>
                <TableCell className={styles.rowHead}>{r.label}</TableCell>
                {r.cells.map((c) => (
                  <TableCell key={c.key}>
                    <RateInput
                      cell={c}
                      option={option}
                      options={options}
                      busy={busy}
                      onSave={save}
                      onProblem={onProblem}
                    />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {listed.length > 0 && (
        <ul className={styles.problems} aria-label={`Problems in ${m.title}`}>
          {listed.map(([key, p]) => (
            <li key={key}>
              <span id={rateErrorId(key)} role="alert">
                {p.label}: {p.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Rates() {
  const styles = useStyles();
  const { port, model, refresh, confirm, navigate } = usePane();
  const rates = model?.rates;
  const names = useMemo(() => rates?.options.map((o) => o.name) ?? [], [rates]);
  const [option, setOption] = useState("");
  const [every, setEvery] = useState(false);
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const [value, setValue] = useState("");
  const task = useTask();

  useEffect(() => {
    // start on the newest option with allocations (the one being worked on), else the last option
    const allocated = (model?.allocations?.columns ?? []).map((c) => c.option).filter((o) => names.includes(o));
    if (!names.includes(option)) setOption(allocated[allocated.length - 1] ?? names[names.length - 1] ?? "");
  }, [names, option, model]);

  if (!rates)
    return (
      <Screen id="rates" title="Rates">
        <Missing what="rates table" onCreate={() => navigate("new")} />
      </Screen>
    );

  const save = (key: string, input: string) =>
    void task.run(async () => {
      const touched = await setRate(port, rates, { option, key, input }, confirm);
      await refresh();
      return touched.length
        ? `Saved ${keyInWords(key)} for ${option} (${key}, ${touched.join(", ")}).`
        : "Nothing to change.";
    });
  const matrices = option ? allMatrices(rates, option, { header: headerOf(model), everySetting: every }) : [];
  const found = query.trim() ? searchKeys(query, rates, 8, headerOf(model)) : [];
  const pickedInfo = picked ? findKeyInfo(picked) : undefined;
  const now = picked && option ? effectiveValue(rates, option, picked) : null;

  return (
    <Screen id="rates" title="Rates">
      <Text as="p" block>
        Type a rate into a cell and press Enter. A blank cell inherits its parent&apos;s value, shown in grey.
      </Text>
      <Field label="Option to edit">
        <Select value={option} onChange={(_, d) => setOption(d.value)}>
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </Select>
      </Field>

      <form
        role="search"
        aria-label="Rate search"
        onSubmit={(e) => {
          e.preventDefault();
          if (found[0]) setPicked(found[0].key);
        }}
      >
        <Field label="Find a rate" hint='In words, for example "band 3 top up" or "special place".'>
          <Input
            value={query}
            onChange={(_, d) => {
              setQuery(d.value);
              setPicked(null);
            }}
          />
        </Field>
      </form>
      {query.trim() !== "" && found.length === 0 && (
        <Text as="p" block>
          No rate matches those words.
        </Text>
      )}
      {found.length > 0 && !picked && (
        <ul className={styles.suggestions} aria-label="Matching rates">
          {found.map((s) => (
            <li key={s.key}>
              <Button
                size="small"
                appearance="subtle"
                onClick={() => {
                  setPicked(s.key);
                  setValue("");
                }}
              >
                {s.words}
              </Button>{" "}
              <Caption1>
                {s.key} ({s.unit})
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      {picked && pickedInfo && (
        <form
          aria-label={`Edit ${picked}`}
          onSubmit={(e) => {
            e.preventDefault();
            save(picked, value);
            setValue("");
          }}
        >
          <Text as="p" block>
            <b>{keyInWords(picked)}</b>{" "}
            <Caption1>
              ({picked}, {pickedInfo.unit})
            </Caption1>
          </Text>
          <Text as="p" block>
            {now
              ? `Now ${formatInUnit(now.value, pickedInfo.unit)}${now.from !== option ? ` (inherited from ${now.from})` : ""}`
              : "Not set yet."}
          </Text>
          <Field label={`New value for ${option}`}>
            <Input value={value} onChange={(_, d) => setValue(d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={task.busy}>
            Save rate
          </Button>{" "}
          <Button onClick={() => setPicked(null)}>Back to the list</Button>
        </form>
      )}

      <TaskStatus {...task} busyLabel="Saving…" />
      <Checkbox label="Show every setting" checked={every} onChange={(_, d) => setEvery(Boolean(d.checked))} />
      {matrices.map((m) => (
        <MatrixTable key={`${m.id}-${option}`} m={m} option={option} options={names} busy={task.busy} save={save} />
      ))}
    </Screen>
  );
}

// Rates: the option's rates as grids in words (top-up by setting and band, place funding, early years),
// each cell writing one key of the rates table through setRate (unit-checked, asking before it
// overwrites), and a search that turns words ("band 3 top up") into keys.
import { useEffect, useMemo, useState } from "react";
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
} from "@fluentui/react-components";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { setRate } from "../../actions/options";
import { effectiveValue } from "../../workbook/discover";
import { allMatrices, headerOf, keyInWords, searchKeys, type Matrix, type MatrixCell } from "../../workbook/matrix";
import { formatInUnit } from "../../numbers";
import { findKeyInfo } from "../../../engine/keys";
import { RateInput } from "./RateInput";

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "fixed", width: "100%" },
  rowHead: { width: "34%" },
  suggestions: { listStyleType: "none", paddingLeft: 0, margin: "4px 0" },
});

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
  // top-up reads best with settings down the side and bands across: three or four columns fit 350 px
  const transpose = m.id === "topup";
  const heads = transpose ? m.rows.map((r) => r.label) : m.columns;
  const body: { label: string; cells: MatrixCell[] }[] = transpose
    ? m.columns.map((label, c) => ({ label, cells: m.rows.map((r) => r.cells[c]) }))
    : m.rows;
  return (
    <section aria-labelledby={`matrix-${m.id}`}>
      <Subtitle2 as="h3" block id={`matrix-${m.id}`}>
        {m.title}
      </Subtitle2>
      <div className={styles.scroll}>
        <Table size="extra-small" className={styles.table} aria-labelledby={`matrix-${m.id}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.rowHead}>{transpose ? "Setting" : "Rate"}</TableHeaderCell>
              {heads.map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {body.map((r) => (
              <TableRow key={r.label}>
                <TableCell className={styles.rowHead}>{r.label}</TableCell>
                {r.cells.map((c) => (
                  <TableCell key={c.key}>
                    <RateInput cell={c} option={option} options={options} busy={busy} onSave={save} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
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
  const found = query.trim() ? searchKeys(query, rates) : [];
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

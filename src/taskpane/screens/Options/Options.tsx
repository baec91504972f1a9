// Options: the options of the rates table, their differences from their parents, adding an option
// that inherits, editing one rate with unit-aware validation, and SEND.CHECK with clickable problems.
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
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
import { findKeyInfo } from "../../../engine/keys";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { addOption, differences, setRate } from "../../actions/options";
import { runCheck, type CheckResult } from "../../actions/check";
import { effectiveValue } from "../../workbook/discover";
import { validateRate } from "../../workbook/validation";
import { formatCell } from "../../numbers";
import { breakable } from "../../components/breakable";

export function Options() {
  const { port, model, refresh, confirm, navigate } = usePane();
  const rates = model?.rates;
  const names = useMemo(() => rates?.options.map((o) => o.name) ?? [], [rates]);
  const [selected, setSelected] = useState("");
  const [newName, setNewName] = useState("");
  const [parent, setParent] = useState("");
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const [check, setCheck] = useState<CheckResult | null>(null);
  const task = useTask();

  useEffect(() => {
    // start on the newest option with allocations (a candidate), else the last option
    const allocated = (model?.allocations?.columns ?? []).map((c) => c.option).filter((o) => names.includes(o));
    if (!names.includes(selected)) setSelected(allocated[allocated.length - 1] ?? names[names.length - 1] ?? "");
    if (!names.includes(parent)) setParent(names[0] ?? "");
  }, [names, selected, parent, model]);

  if (!rates)
    return (
      <Screen id="options" title="Options">
        <Missing what="rates table" onCreate={() => navigate("new")} />
      </Screen>
    );

  const diffs = selected ? differences(rates, selected) : [];
  const option = rates.options.find((o) => o.name === selected);
  const info = key.trim() ? findKeyInfo(key.trim()) : undefined;
  const validation = info && value.trim() ? validateRate(key, value, names, selected) : null;
  const current = key.trim() && selected ? effectiveValue(rates, selected, key.trim()) : null;
  const keyCheck = key.trim() && !info ? validateRate(key, "", names) : null;
  const keyError = keyCheck && !keyCheck.ok ? keyCheck.message : undefined;

  const save = () =>
    task.run(async () => {
      const touched = await setRate(port, rates, { option: selected, key, input: value }, confirm);
      await refresh();
      return touched.length ? `Saved ${key.trim()} for ${selected} (${touched.join(", ")}).` : "Nothing to change.";
    });
  const add = () =>
    task.run(async () => {
      const touched = await addOption(port, rates, newName, parent, confirm, model);
      await refresh();
      setSelected(newName.trim());
      setNewName("");
      return `Added option ${newName.trim()} inheriting from ${parent} (${touched.join(", ")}).`;
    });
  const doCheck = () =>
    task.run(async () => {
      const m = model!;
      setCheck(await runCheck(port, m, confirm));
      if (!m.checks) await refresh();
    });

  return (
    <Screen id="options" title="Options">
      <Table size="small" aria-label="Options in the rates table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Option</TableHeaderCell>
            <TableHeaderCell>Inherits from</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rates.options.map((o) => (
            <TableRow key={o.name}>
              <TableCell>{o.name}</TableCell>
              <TableCell>{o.inherits ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {names.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>The rates table has no option columns yet. Add one below.</MessageBarBody>
        </MessageBar>
      )}

      {names.length > 0 && (
        <>
          <Field label="Option to work on">
            <Select value={selected} onChange={(_, d) => setSelected(d.value)}>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Subtitle2 as="h3" block>
            Differences from {option?.inherits ?? "its parent"}
          </Subtitle2>
          {!option?.inherits && <Text>{selected} inherits from no other option: every value it has is its own.</Text>}
          {option?.inherits && diffs.length === 0 && (
            <Text>
              {selected} has no values of its own yet: it is the same as {option.inherits}.
            </Text>
          )}
          {option?.inherits && diffs.length > 0 && (
            <Table size="small" aria-label={`Differences of ${selected}`} style={{ tableLayout: "auto" }}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Key</TableHeaderCell>
                  <TableHeaderCell>{selected}</TableHeaderCell>
                  <TableHeaderCell>Parent value</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {diffs.map((d) => (
                  <TableRow key={d.key}>
                    <TableCell>{breakable(d.key)}</TableCell>
                    <TableCell>{formatCell(d.value)}</TableCell>
                    <TableCell>
                      {d.parent === null ? "(none)" : `${formatCell(d.parent)} from ${d.parentFrom}`}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}

          <Subtitle2 as="h3" block>
            Edit a rate of {selected}
          </Subtitle2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!validation || validation.ok || value.trim() === "") void save();
            }}
          >
            <Field
              label="Key"
              hint={info ? `${info.description} (${info.unit})` : "For example topup.special.band1"}
              validationMessage={keyError}
              validationState={keyError ? "error" : "none"}
            >
              <Input value={key} onChange={(_, d) => setKey(d.value)} list="rate-keys" />
            </Field>
            <datalist id="rate-keys">
              {rates.keys.map((k) => (
                <option key={k.key} value={k.key} />
              ))}
            </datalist>
            {current && (
              <Caption1>
                Now: {formatCell(current.value)}
                {current.from !== selected ? ` (inherited from ${current.from})` : ""}
              </Caption1>
            )}
            <Field
              label={`Value${info ? ` in ${info.unit}` : ""}`}
              hint="Leave blank to clear the cell, so the option inherits the value."
              validationMessage={validation && !validation.ok ? validation.message : undefined}
              validationState={validation && !validation.ok ? "error" : "none"}
            >
              <Input value={value} onChange={(_, d) => setValue(d.value)} />
            </Field>
            <Button
              type="submit"
              appearance="primary"
              disabled={task.busy || !info || Boolean(validation && !validation.ok)}
            >
              Save rate
            </Button>
          </form>
        </>
      )}

      <Subtitle2 as="h3" block>
        Add an option
      </Subtitle2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Field label="New option name">
          <Input value={newName} onChange={(_, d) => setNewName(d.value)} />
        </Field>
        <Field label="Inherits from">
          <Select value={parent} onChange={(_, d) => setParent(d.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={task.busy || newName.trim() === "" || !parent}>
          Add option
        </Button>
      </form>

      <Subtitle2 as="h3" block>
        Check the rates
      </Subtitle2>
      <Button onClick={doCheck} disabled={task.busy}>
        Run SEND.CHECK
      </Button>
      {check?.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            SEND.CHECK on {check.sheet} returned {check.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {check?.ok && (
        <MessageBar intent="success">
          <MessageBarBody>No problems found ({check.sheet} says OK).</MessageBarBody>
        </MessageBar>
      )}
      {check && check.problems.length > 0 && (
        <ul aria-label="Problems found">
          {check.problems.map((p, i) => (
            <li key={i}>
              {p.cell ? (
                <Link
                  as="button"
                  onClick={() =>
                    task.run(async () => {
                      await port.selectRange(p.cell!.sheet, p.cell!.address);
                    })
                  }
                >
                  {p.option || "(table)"} · {p.key || "(no key)"}
                </Link>
              ) : (
                <Text weight="semibold">
                  {p.option || "(table)"} · {p.key || "(no key)"}
                </Text>
              )}
              : {p.problem}
              {p.cell ? ` (${p.cell.sheet}!${p.cell.address})` : ""}
            </li>
          ))}
        </ul>
      )}
      <TaskStatus {...task} />
    </Screen>
  );
}

// Publish for review: copies the chosen sheets as values only (no SEND formulas) with a summary sheet.
import { useEffect, useMemo, useState } from "react";
import { Button, Checkbox, Field, MessageBar, MessageBarBody, ProgressBar, Text } from "@fluentui/react-components";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { publishForReview, type PublishResult } from "../../actions/publish";
import { publishFile, type PublishFileResult } from "../../actions/publishFile";

export function Publish() {
  const { port, model, refresh, confirm, navigate } = usePane();
  const candidates = useMemo(() => (model?.sheets ?? []).filter((s) => !/^review /i.test(s)), [model]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ value: number; label: string } | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [file, setFile] = useState<PublishFileResult | null>(null);
  const task = useTask();

  useEffect(() => {
    if (!model) return;
    const modelSheets = [
      model.rates?.sheet,
      model.institutions?.sheet,
      model.allocations?.sheet,
      ...model.comparisons,
      ...model.projections,
    ].filter((s): s is string => Boolean(s));
    setChosen(modelSheets.length ? modelSheets : candidates);
  }, [model, candidates]);

  if (model && candidates.length === 0)
    return (
      <Screen id="publish" title="Publish for review">
        <Missing what="sheets to publish" onCreate={() => navigate("new")} />
      </Screen>
    );

  const toggle = (s: string, on: boolean) =>
    setChosen((c) => (on ? [...c.filter((x) => x !== s), s] : c.filter((x) => x !== s)));
  const publish = () =>
    task.run(async () => {
      setResult(null);
      setProgress({ value: 0, label: "Starting" });
      const order = candidates.filter((s) => chosen.includes(s));
      const r = await publishForReview(port, model!, order, confirm, (done, total, label) =>
        setProgress({ value: done / total, label }),
      );
      setResult(r);
      await port.selectRange(r.summary, "A1");
      await refresh();
    });

  const publishSeparate = () =>
    task.run(async () => {
      setFile(null);
      setProgress({ value: 0, label: "Starting" });
      const order = candidates.filter((s) => chosen.includes(s));
      setFile(
        await publishFile(port, model!, order, (done, total, label) => setProgress({ value: done / total, label })),
      );
    });

  return (
    <Screen id="publish" title="Publish for review">
      <Text as="p" block>
        Copies sheets with every formula replaced by its value, so reviewers see fixed numbers and no SEND functions.
        Text that looks like a formula stays text.
      </Text>
      <fieldset>
        <legend>Sheets to publish</legend>
        {candidates.map((s) => (
          <Checkbox key={s} label={s} checked={chosen.includes(s)} onChange={(_, d) => toggle(s, Boolean(d.checked))} />
        ))}
      </fieldset>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <Button appearance="primary" onClick={publish} disabled={task.busy || chosen.length === 0}>
          Publish values-only copy
        </Button>
        <Button onClick={publishSeparate} disabled={task.busy || chosen.length === 0}>
          Publish as a separate file
        </Button>
      </div>
      {progress && (
        <Field label="Progress" validationMessage={progress.label} validationState="none">
          <ProgressBar value={progress.value} max={1} aria-label="Publishing" />
        </Field>
      )}
      <TaskStatus {...task} busyLabel="Publishing…" />
      {file && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {port.kind === "excel" ? "Opened" : "Downloaded"} {file.fileName}: {file.sheets.join(", ")}, values only
            with a Total row per option. This workbook is unchanged.
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            Published {result.copies.map((c) => c.to).join(", ")} and {result.summary}.
          </MessageBarBody>
        </MessageBar>
      )}
    </Screen>
  );
}

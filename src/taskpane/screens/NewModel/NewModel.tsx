// New model: seeds Rates from a built-in national option, adds a blank candidate option that inherits,
// an Institutions table (optionally synthetic sample data), live Allocations and a Checks sheet.
// In a workbook that has no model, new sheets get unused names and nothing existing is touched. When
// there is a model, the default is to rewrite its own sheets (asking before any existing cell changes),
// so running New model again with the same inputs changes nothing; "new sheets" keeps it instead.
import { useState } from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { SAMPLE_LOCAL_OPTION } from "../../../model/model";
import { createModel, planNewModel } from "../../actions/createModel";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { WritingProgress, type Progress } from "../../components/WritingProgress";
import { candidateNameError, ModelTargetFields, useModelTarget } from "../../components/ModelTarget";
import { TaskStatus, useTask } from "../../components/useTask";

export function NewModel() {
  const { port, model, refresh, confirm, navigate } = usePane();
  const t = useModelTarget(model);
  const { replace, national, candidate } = t;
  const [sample, setSample] = useState(port.kind === "preview");
  const [count, setCount] = useState("24");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [created, setCreated] = useState<{ sheets: string[]; replaced: boolean } | null>(null);
  const task = useTask();

  const n = Number(count);
  const countError =
    !/^\d+$/.test(count.trim()) || n < 1 || n > 2000 ? "Enter a whole number from 1 to 2000." : undefined;
  const reserved = [national, ...(sample ? [SAMPLE_LOCAL_OPTION, "Unmitigated", "Mitigated"] : [])];
  const nameError = candidateNameError(candidate, reserved);

  const create = () =>
    task.run(async () => {
      setCreated(null);
      const plan = await planNewModel(port, model, { national, candidate, sample, count: n }, replace);
      setProgress({ value: 0, label: "Starting" });
      await createModel(port, plan, confirm, (done, total, label) => setProgress({ value: done / total, label }), {
        replace,
      });
      setCreated({ sheets: plan.sheets.map((s) => s.name), replaced: replace });
      await refresh();
      return undefined;
    });

  return (
    <Screen id="new" title="New model">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!nameError && !countError) void create();
        }}
      >
        <ModelTargetFields
          t={t}
          nameError={nameError}
          candidateHint="Starts blank: every blank rate is the same as its parent option."
        />
        <Checkbox
          checked={sample}
          onChange={(_, d) => setSample(Boolean(d.checked))}
          label="Include synthetic sample data (made-up institutions and illustrative local rates)"
        />
        <Field
          label={sample ? "Sample institutions" : "Blank institution rows"}
          validationMessage={countError}
          validationState={countError ? "error" : "none"}
        >
          <Input type="number" min={1} max={2000} value={count} onChange={(_, d) => setCount(d.value)} />
        </Field>
        <Button appearance="primary" type="submit" disabled={task.busy || Boolean(nameError || countError)}>
          Create model
        </Button>
      </form>
      <WritingProgress progress={progress} />
      <TaskStatus {...task} busyLabel="Writing the model…" />
      {created && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {created.replaced ? "Rewrote" : "Created"} {created.sheets.join(", ")}.{" "}
            <Button size="small" onClick={() => navigate("options")}>
              Go to options
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
    </Screen>
  );
}

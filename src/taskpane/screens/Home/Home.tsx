// Home: where the pane is connected, what model the workbook holds, and quick ways in.
import { useEffect, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { useTask, TaskStatus } from "../../components/useTask";
import { readChecks, type CheckResult } from "../../actions/check";

const SHOWN_PROBLEMS = 5;

/** What the model's Checks sheet says now: rates problems and institution-table problems alike. */
function ChecksSummary({ check, onOpen }: { check: CheckResult; onOpen: () => void }) {
  if (check.error)
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          SEND.CHECK on {check.sheet} returned {check.error}
        </MessageBarBody>
      </MessageBar>
    );
  if (check.ok)
    return (
      <MessageBar intent="success">
        <MessageBarBody>{check.sheet}: SEND.CHECK finds no problems.</MessageBarBody>
      </MessageBar>
    );
  const table = check.problems.filter((p) => p.option === "(table)").length;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>
          {check.problems.length} problem{check.problems.length === 1 ? "" : "s"} on {check.sheet}
          {table ? ` (${table} in the institutions table)` : ""}
        </MessageBarTitle>
        <ul>
          {check.problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
            <li key={i}>
              {p.option}
              {p.key ? `, ${p.key}` : ""}: {p.problem}
            </li>
          ))}
        </ul>
        <Button size="small" onClick={onOpen}>
          See every problem in Options
        </Button>
      </MessageBarBody>
    </MessageBar>
  );
}

export function Home() {
  const { port, model, modelError, refresh, navigate } = usePane();
  const task = useTask();
  const connection = port.kind === "excel" ? "Connected to Excel" : "Preview: an in-browser workbook (no Excel needed)";
  const hasModel = Boolean(model?.rates || model?.institutions || model?.allocations);
  const [check, setCheck] = useState<CheckResult | null>(null);
  useEffect(() => {
    let live = true;
    setCheck(null);
    if (model?.rates && model.checks)
      void readChecks(port, model.rates, model.checks).then(
        (c) => {
          if (live) setCheck(c);
        },
        () => {},
      );
    return () => {
      live = false;
    };
  }, [port, model]);
  return (
    <Screen id="home" title="SEND Funding Modeller">
      <div style={{ margin: "8px 0" }}>
        <Badge appearance="tint" color={port.kind === "excel" ? "success" : "informative"}>
          {connection}
        </Badge>
      </div>
      {modelError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>Could not read the workbook: {modelError}</MessageBarBody>
        </MessageBar>
      )}
      {!model && !modelError && <Text>Reading the workbook…</Text>}
      {model && !hasModel && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This workbook has no funding model yet. Create one to start: rates seeded from a national option, an
            institutions table and live allocations.
          </MessageBarBody>
        </MessageBar>
      )}
      {model && hasModel && (
        <dl aria-label="What is in this workbook">
          <dt>
            <Text weight="semibold">Rates table</Text>
          </dt>
          <dd>
            {model.rates ? (
              <>
                {model.rates.sheet}: {model.rates.options.length} option{model.rates.options.length === 1 ? "" : "s"} (
                {model.rates.options.map((o) => o.name).join(", ")}), {model.rates.keys.length} keys
              </>
            ) : (
              "none"
            )}
          </dd>
          <dt>
            <Text weight="semibold">Institutions</Text>
          </dt>
          <dd>{model.institutions ? `${model.institutions.sheet}: ${model.institutions.count} rows` : "none"}</dd>
          <dt>
            <Text weight="semibold">Allocations</Text>
          </dt>
          <dd>
            {model.allocations
              ? `${model.allocations.sheet}: ${model.allocations.columns.map((c) => c.option).join(", ") || "no option columns"}`
              : "none"}
          </dd>
          {model.checks && (
            <>
              <dt>
                <Text weight="semibold">Checks</Text>
              </dt>
              <dd>{model.checks}</dd>
            </>
          )}
          {model.comparisons.length > 0 && (
            <>
              <dt>
                <Text weight="semibold">Comparisons</Text>
              </dt>
              <dd>{model.comparisons.join(", ")}</dd>
            </>
          )}
          {model.projections.length > 0 && (
            <>
              <dt>
                <Text weight="semibold">Projections</Text>
              </dt>
              <dd>{model.projections.join(", ")}</dd>
            </>
          )}
        </dl>
      )}
      {check && <ChecksSummary check={check} onOpen={() => navigate("options")} />}
      <Subtitle2 as="h3" block>
        Quick actions
      </Subtitle2>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
        <Button appearance={hasModel ? "secondary" : "primary"} onClick={() => navigate("new")}>
          New model
        </Button>
        <Button onClick={() => navigate("import")}>Import institutions</Button>
        <Button disabled={!model?.rates} onClick={() => navigate("options")}>
          Edit options
        </Button>
        <Button disabled={!model?.rates || !model?.institutions} onClick={() => navigate("compare")}>
          Compare two options
        </Button>
        <Button disabled={!model?.rates} onClick={() => navigate("plan")}>
          Build the deficit plan
        </Button>
        <Button onClick={() => navigate("explain")}>Explain a cell</Button>
        <Button disabled={!hasModel} onClick={() => navigate("publish")}>
          Publish for review
        </Button>
        <Button
          appearance="subtle"
          onClick={() =>
            task.run(async () => {
              await refresh();
            })
          }
        >
          Refresh
        </Button>
      </div>
      <TaskStatus {...task} />
      {model && (
        <Caption1>
          {model.sheets.length} sheet{model.sheets.length === 1 ? "" : "s"} in this workbook.
        </Caption1>
      )}
    </Screen>
  );
}

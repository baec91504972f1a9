// Plan: the DSG deficit management plan's tabs (Cover, Financial summary, CYP summary, Mitigations, Narrative)
// written into this workbook as live formulas, as `send-model plan` writes them into a file (actions/plan.ts). The
// officer chooses the unmitigated and mitigated options; the screen says where the starting numbers will come from,
// which existing sheets would be rewritten (the pane asks before changing any cell), and afterwards shows the
// starting numbers with their sources and the balances carried forward, read back from the sheets.
import { useMemo, useState } from "react";
import {
  Button,
  Field,
  makeStyles,
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
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { useChoice } from "../../components/useChoice";
import { Money } from "../../components/Money";
import { BalancesTable } from "../../components/BalancesTable";
import { formatCell } from "../../numbers";
import { planChoices, writePlan, type PlanResult } from "../../actions/plan";
import { PLAN_SHEETS } from "../../../model/planWorkbook";
import { START_SHEET } from "../../../model/planStart";

const useStyles = makeStyles({
  // tables fit a 350 px pane: text wraps (a long source anywhere), amounts never break
  cell: { overflowWrap: "anywhere" },
  n: { textAlign: "right", whiteSpace: "nowrap" },
  right: { textAlign: "right" },
});

export function Plan() {
  const { port, model, refresh, confirm, navigate } = usePane();
  const choices = useMemo(() => (model ? planChoices(model) : null), [model]);
  const [unmitigatedChoice, setUnmitigated] = useChoice<string | null>("plan.unmitigated", null);
  const [mitigatedChoice, setMitigated] = useChoice<string | null>("plan.mitigated", null);
  const [result, setResult] = useState<PlanResult | null>(null);
  const task = useTask();

  if (!model?.rates || !choices)
    return (
      <Screen id="plan" title="Deficit management plan">
        <Missing what="rates table" onCreate={() => navigate("new")} />
      </Screen>
    );

  const plannable = choices.plannable;
  // a choice that is no longer plannable (renamed, or its proj.start cleared) falls back to send-model plan's
  const pick = (c: string | null, fallback: string | undefined) => (c && plannable.includes(c) ? c : (fallback ?? ""));
  const unmitigated = pick(unmitigatedChoice, choices.defaults?.unmitigated);
  const mitigated = pick(mitigatedChoice, choices.defaults?.mitigated);
  const planSheets = [...Object.values(PLAN_SHEETS), START_SHEET];
  const existing = model.sheets.filter((s) => planSheets.some((p) => p.toLowerCase() === s.toLowerCase()));
  const startFrom = model.blocks
    ? `your ${model.institutions?.sheet ?? "institutions"} sheet (EHCPs by setting) and ${model.blocks.sheet} sheet (High Needs allocations, cost per EHCP), where they have EHCPs in a setting; the proj.* keys of the unmitigated option elsewhere.`
    : model.institutions && model.institutions.count > 0
      ? `your ${model.institutions.sheet} sheet (EHCPs by setting) and the High Needs allocations of a Blocks sheet the plan adds (each institution's funding by DSG block, live SEND.ALLOCATEALL formulas), where they have EHCPs in a setting; the proj.* keys of the unmitigated option elsewhere.`
      : "the proj.* keys of the unmitigated option (this workbook has no institutions).";

  const build = () =>
    task.run(async () => {
      setResult(null);
      const r = await writePlan(port, model, { unmitigated, mitigated }, confirm);
      setResult(r);
      await port.selectRange(PLAN_SHEETS.summary, "A1");
      await refresh();
    });

  return (
    <Screen id="plan" title="Deficit management plan">
      <Text as="p" block>
        Writes the DSG deficit management plan into this workbook, shaped like the DfE template: {PLAN_SHEETS.cover},{" "}
        {PLAN_SHEETS.summary} (every DSG block, High Needs first), {PLAN_SHEETS.cyp}, {PLAN_SHEETS.mitigations} (one row
        per mitigation, risk-adjusted by confidence) and {PLAN_SHEETS.narrative}. Every figure is a live formula over
        the rates table, the same plan send-model plan makes.
      </Text>
      {plannable.length === 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            No option of the rates table has a projection (proj.start), so there is nothing to plan. Write the
            unmitigated and mitigated assumptions on the Projection screen first.{" "}
            <Button size="small" onClick={() => navigate("projection")}>
              Open Projection
            </Button>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void build();
          }}
        >
          <Field label="Option for the unmitigated plan" hint="What happens if nothing changes.">
            <Select value={unmitigated} onChange={(_, d) => setUnmitigated(d.value)}>
              {plannable.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </Select>
          </Field>
          <Field
            label="Option for the mitigated plan"
            hint="The option with the rates' own levers (early intervention, shifts)."
          >
            <Select value={mitigated} onChange={(_, d) => setMitigated(d.value)}>
              {plannable.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </Select>
          </Field>
          {choices.damaged.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                Options that cannot be read, so they cannot be planned:{" "}
                {choices.damaged.map((d) => `${d.name} (${d.message})`).join("; ")}
              </MessageBarBody>
            </MessageBar>
          )}
          <Text as="p" block>
            Starting numbers (first-year EHCPs and cost per EHCP by setting) from {startFrom}
          </Text>
          {existing.length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                This workbook already has {existing.join(", ")}: building the plan rewrites them. You will be asked
                before any existing cell changes.
              </MessageBarBody>
            </MessageBar>
          )}
          <Button type="submit" appearance="primary" disabled={task.busy}>
            Build the plan
          </Button>
        </form>
      )}
      <TaskStatus {...task} busyLabel="Building the plan…" />
      {result && <PlanResults result={result} />}
    </Screen>
  );
}

function PlanResults({ result }: { result: PlanResult }) {
  const { cell, n, right } = useStyles();
  const b = result.balances;
  return (
    <div aria-label="Plan results">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          Plan of {result.unmitigated} (unmitigated) and {result.mitigated} (mitigated) written to{" "}
          {result.sheets.join(", ")}
          {result.addedBlocks ? `, with a new ${result.addedBlocks} sheet for the starting allocations` : ""}.
        </MessageBarBody>
      </MessageBar>
      <Subtitle2 as="h3" block>
        Starting numbers
      </Subtitle2>
      <Table size="extra-small" aria-label="Starting numbers">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Setting</TableHeaderCell>
            <TableHeaderCell className={right}>EHCPs</TableHeaderCell>
            <TableHeaderCell className={right}>Cost per EHCP</TableHeaderCell>
            <TableHeaderCell>Source</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.starting.map((s) => (
            <TableRow key={s.setting}>
              <TableCell className={cell}>{s.setting}</TableCell>
              <TableCell className={n}>{formatCell(s.count)}</TableCell>
              <TableCell className={n}>
                <Money value={s.cost} />
              </TableCell>
              <TableCell className={cell}>{s.source}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {b && (
        <>
          <Subtitle2 as="h3" block>
            DSG balance carried forward
          </Subtitle2>
          <Text as="p" block>
            Every block together, a deficit negative, from {b.sheet}. Risk-adjusted weights each mitigation&apos;s
            savings by its confidence and counts its costs in full.
          </Text>
          <BalancesTable balances={b} label="Balances carried forward" />
        </>
      )}
    </div>
  );
}

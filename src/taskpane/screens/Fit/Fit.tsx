// Fit to budget: budget, floor and cap; writes a SEND.FIT column beside the allocations and reports
// how many institutions sit at the floor (protected) or at the cap.
import { useEffect, useMemo, useState } from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, Text } from "@fluentui/react-components";
import { usePane } from "../../PaneContext";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { writeFit, type FitResult } from "../../actions/fit";
import { parseAmount } from "../../workbook/validation";

const NONE = "(none)";

export function Fit() {
  const { port, model, refresh, confirm, navigate } = usePane();
  const options = useMemo(() => model?.allocations?.columns.map((c) => c.option) ?? [], [model]);
  const [option, setOption] = useState("");
  const [baseline, setBaseline] = useState(NONE);
  const [budget, setBudget] = useState("");
  const [floor, setFloor] = useState("");
  const [cap, setCap] = useState("");
  const [result, setResult] = useState<FitResult | null>(null);
  const task = useTask();

  useEffect(() => {
    if (!options.includes(option)) setOption(options[options.length - 1] ?? "");
    if (baseline !== NONE && !options.includes(baseline)) setBaseline(NONE);
  }, [options, option, baseline]);

  const heading = <Subtitle2 as="h2" block id="fit-title">Fit to budget</Subtitle2>;
  if (!model?.allocations) return <section aria-labelledby="fit-title">{heading}<Missing what="Allocations sheet" onCreate={() => navigate("new")} /></section>;
  if (options.length === 0) return <section aria-labelledby="fit-title">{heading}<MessageBar intent="warning"><MessageBarBody>{model.allocations.sheet} has no option columns to fit.</MessageBarBody></MessageBar></section>;

  const budgetV = budget.trim() ? parseAmount(budget, "Budget", { min: 0 }) : "Enter the budget in £.";
  const floorV = floor.trim() ? parseAmount(floor, "Floor", { min: -100, max: 100, percent: true }) : undefined;
  const capV = cap.trim() ? parseAmount(cap, "Cap", { min: -100, max: 1000, percent: true }) : undefined;
  const needsBaseline = (floorV !== undefined || capV !== undefined) && baseline === NONE;
  const errors = [budgetV, floorV, capV].filter((v): v is string => typeof v === "string");
  const invalid = errors.length > 0 || needsBaseline;

  const fit = () => task.run(async () => {
    setResult(null);
    const r = await writeFit(port, model, {
      option, budget: budgetV as number, baseline: baseline === NONE ? undefined : baseline,
      floor: floorV as number | undefined, cap: capV as number | undefined,
    }, confirm);
    setResult(r);
    await refresh();
  });

  const msg = (v: number | string | undefined) => (typeof v === "string" ? v : undefined);
  return (
    <section aria-labelledby="fit-title">
      {heading}
      <form onSubmit={(e) => { e.preventDefault(); if (!invalid) void fit(); }}>
        <Field label="Amounts to fit"><Select value={option} onChange={(_, d) => setOption(d.value)}>{options.map((o) => <option key={o}>{o}</option>)}</Select></Field>
        <Field label="Budget (£)" required validationMessage={budget.trim() ? msg(budgetV) : undefined} validationState={budget.trim() && typeof budgetV === "string" ? "error" : "none"}>
          <Input value={budget} onChange={(_, d) => setBudget(d.value)} inputMode="decimal" />
        </Field>
        <Field label="Baseline (last year's amounts)" hint="Needed for a floor or a cap." validationMessage={needsBaseline ? "Choose a baseline for the floor and cap." : undefined} validationState={needsBaseline ? "error" : "none"}>
          <Select value={baseline} onChange={(_, d) => setBaseline(d.value)}>
            <option>{NONE}</option>
            {options.map((o) => <option key={o}>{o}</option>)}
          </Select>
        </Field>
        <Field label="Floor (% change from baseline)" hint="-0.5 means no institution loses more than 0.5%." validationMessage={msg(floorV)} validationState={typeof floorV === "string" ? "error" : "none"}>
          <Input value={floor} onChange={(_, d) => setFloor(d.value)} inputMode="decimal" />
        </Field>
        <Field label="Cap (% change from baseline)" hint="5 means gains are capped at 5%." validationMessage={msg(capV)} validationState={typeof capV === "string" ? "error" : "none"}>
          <Input value={cap} onChange={(_, d) => setCap(d.value)} inputMode="decimal" />
        </Field>
        <Button type="submit" appearance="primary" disabled={task.busy || invalid}>Write SEND.FIT column</Button>
      </form>
      <TaskStatus {...task} busyLabel="Fitting…" />
      {result && (
        <div aria-label="Fit results">
          <Text as="p" block>Fitted amounts written to {result.sheet}!{result.range}.</Text>
          {result.error
            ? <MessageBar intent="error" layout="multiline"><MessageBarBody>SEND.FIT returned {result.error.error}{result.error.message ? `: ${result.error.message}` : ""}. Select a fitted cell and use Explain for the full message.</MessageBarBody></MessageBar>
            : <Text as="p" block>{result.protected} institution{result.protected === 1 ? " was" : "s were"} protected at the floor; {result.capped} {result.capped === 1 ? "was" : "were"} capped.</Text>}
        </div>
      )}
    </section>
  );
}

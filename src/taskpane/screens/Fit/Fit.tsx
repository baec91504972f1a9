// Fit to budget: the option's current total, then budget, floor and cap typed as an officer would
// ("£5m", "-0.5%"); writes a SEND.FIT column beside the allocations (a re-run replaces its own) and
// reports the fitted total, the factor and how many institutions sit at the floor or the cap. Rows of the amounts
// in error are named (row, name, cause) with the total of the rest, and a fit they stop says so, not "the budget".
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
} from "@fluentui/react-components";
import { errorRowsSentence, type ErrorRow } from "../../../model/errorRows";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { optionTotal, writeFit, type FitResult } from "../../actions/fit";
import { formatMoney, parseNumberInput } from "../../numbers";
import { useChoice } from "../../components/useChoice";

const NONE = "(none)";

export function Fit() {
  const { port, model, refresh, confirm, navigate } = usePane();
  const options = useMemo(() => model?.allocations?.columns.map((c) => c.option) ?? [], [model]);
  const [option, setOption] = useChoice("fit.option", "");
  const [baseline, setBaseline] = useChoice("fit.baseline", NONE);
  const [budget, setBudget] = useChoice("fit.budget", "");
  const [floor, setFloor] = useChoice("fit.floor", "");
  const [cap, setCap] = useChoice("fit.cap", "");
  const [result, setResult] = useState<FitResult | null>(null);
  const [current, setCurrent] = useState<Awaited<ReturnType<typeof optionTotal>> | undefined>(undefined);
  const task = useTask();
  // Excel computes SEND.FIT asynchronously; the port waits for it with no time limit and says when it is waiting.
  const [calculating, setCalculating] = useState(false);
  useEffect(() => port.onCalculating?.(setCalculating), [port]);

  useEffect(() => {
    let live = true;
    setCurrent(undefined);
    if (model && option)
      void optionTotal(port, model, option).then(
        (t) => {
          if (live) setCurrent(t);
        },
        () => {
          if (live) setCurrent(null);
        },
      );
    return () => {
      live = false;
    };
  }, [port, model, option]);

  useEffect(() => {
    if (!options.includes(option)) setOption(options[options.length - 1] ?? "");
    if (baseline !== NONE && !options.includes(baseline)) setBaseline(NONE);
  }, [options, option, baseline]);

  if (!model?.allocations)
    return (
      <Screen id="fit" title="Fit to budget">
        <Missing what="Allocations sheet" onCreate={() => navigate("new")} />
      </Screen>
    );
  if (options.length === 0)
    return (
      <Screen id="fit" title="Fit to budget">
        <MessageBar intent="warning">
          <MessageBarBody>{model.allocations.sheet} has no option columns to fit.</MessageBarBody>
        </MessageBar>
      </Screen>
    );

  const parsed = (text: string, o: Parameters<typeof parseNumberInput>[1]) => {
    const p = parseNumberInput(text, o);
    return p.ok ? p.value : p.message;
  };
  const budgetV = budget.trim() ? parsed(budget, { label: "Budget", min: 0 }) : "Enter the budget in £.";
  const floorV = floor.trim() ? parsed(floor, { label: "Floor", kind: "percent", min: -1, max: 1 }) : undefined;
  const capV = cap.trim() ? parsed(cap, { label: "Cap", kind: "percent", min: -1, max: 10 }) : undefined;
  const needsBaseline = (floorV !== undefined || capV !== undefined) && baseline === NONE;
  const errors = [budgetV, floorV, capV].filter((v): v is string => typeof v === "string");
  const invalid = errors.length > 0 || needsBaseline;

  const fit = () =>
    task.run(async () => {
      setResult(null);
      const r = await writeFit(
        port,
        model,
        {
          option,
          budget: budgetV as number,
          baseline: baseline === NONE ? undefined : baseline,
          floor: floorV as number | undefined,
          cap: capV as number | undefined,
        },
        confirm,
      );
      setResult(r);
      await refresh();
    });

  const badRows = Boolean(current?.errors.length);
  const fixRows = (errors: ErrorRow[]) =>
    `Correct ${errors.length === 1 ? `row ${errors[0].row}` : "those rows"} on ${model.institutions?.sheet ?? "the institutions table"} (Explain on the ${option} cell of ${model.allocations?.sheet} names the value), then fit again.`;
  const msg = (v: number | string | undefined) => (typeof v === "string" ? v : undefined);
  return (
    <Screen id="fit" title="Fit to budget">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) void fit();
        }}
      >
        <Field label="Amounts to fit">
          <Select value={option} onChange={(_, d) => setOption(d.value)}>
            {options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </Select>
        </Field>
        <div aria-live="polite">
          {current === undefined ? (
            <Text as="p" block>
              Adding up the current total…
            </Text>
          ) : current === null ? (
            <Text as="p" block>
              {option} has no amounts to add up.
            </Text>
          ) : (
            <Text as="p" block>
              Current total of {option}
              {badRows ? ` (the ${current.counted} rows that compute)` : ""}: <b>{formatMoney(current.total)}</b>
            </Text>
          )}
          {badRows && current && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{errorRowsSentence(current.errors)}.</MessageBarTitle> SEND.FIT cannot fit amounts that
                hold an error. {fixRows(current.errors)}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
        <Field
          label="Budget (£)"
          required
          hint="For example £5m, 5,000,000 or 5.2m."
          validationMessage={budget.trim() ? msg(budgetV) : undefined}
          validationState={budget.trim() && typeof budgetV === "string" ? "error" : "none"}
        >
          <Input value={budget} onChange={(_, d) => setBudget(d.value)} inputMode="decimal" />
        </Field>
        <Field
          label="Baseline (last year's amounts)"
          hint="Needed for a floor or a cap."
          validationMessage={needsBaseline ? "Choose a baseline for the floor and cap." : undefined}
          validationState={needsBaseline ? "error" : "none"}
        >
          <Select value={baseline} onChange={(_, d) => setBaseline(d.value)}>
            <option>{NONE}</option>
            {options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </Select>
        </Field>
        <Field
          label="Floor (% change from baseline)"
          hint="-0.5% means no institution loses more than 0.5%."
          validationMessage={msg(floorV)}
          validationState={typeof floorV === "string" ? "error" : "none"}
        >
          <Input value={floor} onChange={(_, d) => setFloor(d.value)} inputMode="decimal" />
        </Field>
        <Field
          label="Cap (% change from baseline)"
          hint="5% means gains are capped at 5%."
          validationMessage={msg(capV)}
          validationState={typeof capV === "string" ? "error" : "none"}
        >
          <Input value={cap} onChange={(_, d) => setCap(d.value)} inputMode="decimal" />
        </Field>
        <Button type="submit" appearance="primary" disabled={task.busy || invalid}>
          Write SEND.FIT column
        </Button>
      </form>
      <TaskStatus {...task} busyLabel={calculating ? "Still calculating in Excel…" : "Fitting…"} />
      {result && (
        <div aria-label="Fit results">
          {result.error ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                {badRows && current ? (
                  <>
                    {option} could not be fitted because of its rows in error, not the budget:{" "}
                    {errorRowsSentence(current.errors).replace(/^\d+ rows? in error, left out: /, "")}. Nothing was
                    written. {fixRows(current.errors)}
                  </>
                ) : (
                  <>
                    The budget cannot be met: SEND.FIT returned {result.error.error}
                    {result.error.message ? `: ${result.error.message}` : ""}. Nothing was written; change the budget,
                    the floor or the cap and try again.
                  </>
                )}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <>
              <Text as="p" block>
                Fitted amounts {result.replaced ? "replaced the earlier fit in" : "written to"} {result.sheet}!
                {result.range}.{" "}
                <Link
                  as="button"
                  onClick={() =>
                    void task.run(async () => {
                      await port.selectRange(result.sheet, result.range);
                    })
                  }
                >
                  Open the sheet
                </Link>
              </Text>
              <dl>
                <dt>Fitted total</dt>
                <dd>{formatMoney(result.fittedTotal)}</dd>
                <dt>Before fitting</dt>
                <dd>{formatMoney(result.before)}</dd>
                <dt>Factor</dt>
                <dd>{result.factor === null ? "—" : `× ${result.factor.toFixed(4)}`}</dd>
              </dl>
              <Text as="p" block>
                {result.protected} institution{result.protected === 1 ? " was" : "s were"} protected at the floor;{" "}
                {result.capped} {result.capped === 1 ? "was" : "were"} capped.
              </Text>
            </>
          )}
        </div>
      )}
    </Screen>
  );
}

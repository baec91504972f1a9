// Projection: the assumptions of an unmitigated and a mitigated plan (two options of the rates table),
// written into the rates table, then a SEND.PROJECT sheet with a line chart of the cumulative balance.
// Results come first; the assumptions sit below in collapsible groups, typed as an officer would
// ("3%", "£1.2m"). A group holding a problem opens itself.
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Field,
  Input,
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
  tokens,
} from "@fluentui/react-components";
import { PROJECTION_FIELDS, PROJECTION_GROUPS } from "../../../model/projection";
import { normOption } from "../../../engine/normalize";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import {
  currentAssumptions,
  projectionProblems,
  writeProjection,
  type ProjectionResult,
} from "../../actions/projection";
import { validateRate } from "../../workbook/validation";
import { formatCell, formatMoney } from "../../numbers";
import { findForecasts, forecastAt, lastProjectionForecast, type ForecastSpill } from "../../actions/demandLink";
import { useChoice } from "../../components/useChoice";

const PLANS = ["Unmitigated", "Mitigated"] as const;
const TYPED = "typed";

const useStyles = makeStyles({
  group: { margin: "6px 0", borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, padding: "4px 0" },
  table: { tableLayout: "fixed", width: "100%" },
  label: { width: "40%" },
});

/** A forecast by where its formula is: the choice survives the spill growing or shrinking. */
const forecastId = (f: ForecastSpill) => forecastAt(f.sheet, f.anchor);

const unitHint = (unit: string) => (/fraction/.test(unit) ? "%" : unit.startsWith("£") ? "£" : unit);

export function Projection() {
  const styles = useStyles();
  const { port, model, refresh, confirm, navigate } = usePane();
  const rates = model?.rates;
  const bases = useMemo(
    () => (rates?.options ?? []).map((o) => o.name).filter((n) => !PLANS.some((p) => normOption(p) === normOption(n))),
    [rates],
  );
  const [base, setBase] = useState("");
  const [values, setValues] = useState<Record<string, Record<string, string>>>({ Unmitigated: {}, Mitigated: {} });
  const [loadedFrom, setLoadedFrom] = useState<unknown>(null);
  const [result, setResult] = useState<ProjectionResult | null>(null);
  const [forecasts, setForecasts] = useState<ForecastSpill[] | null>(null);
  // which forecast (by its sheet and cell, which stay put when its spill grows), else TYPED; null = not chosen yet
  const [pupilsFrom, setPupilsFrom] = useChoice<string | null>("projection.pupilsFrom", null);
  const [lastUsed, setLastUsed] = useState<string | null | undefined>(undefined);
  const task = useTask();

  // until the officer chooses, "Pupils from" is what the latest projection sheet used
  useEffect(() => {
    let live = true;
    void lastProjectionForecast(port, model?.projections ?? []).then(
      (ref) => {
        if (live) setLastUsed(ref);
      },
      () => {
        if (live) setLastUsed(null);
      },
    );
    return () => {
      live = false;
    };
  }, [port, model]);

  // the demand forecasts in the workbook (a Demand sheet's SEND.FORECAST), found again whenever the model changes
  useEffect(() => {
    let live = true;
    findForecasts(port).then(
      (f) => {
        if (live) setForecasts(f);
      },
      () => {
        if (live) setForecasts([]);
      },
    );
    return () => {
      live = false;
    };
  }, [port, model]);
  const chosen = pupilsFrom ?? lastUsed ?? TYPED;
  const forecast = forecasts ? forecasts.find((f) => forecastId(f) === chosen) : undefined;
  const forecastGone = forecasts !== null && chosen !== TYPED && !forecast;

  useEffect(() => {
    if (!model || loadedFrom === model.rates) return;
    setLoadedFrom(model.rates);
    setValues({
      Unmitigated: currentAssumptions(model, "Unmitigated"),
      Mitigated: currentAssumptions(model, "Mitigated"),
    });
    const existing = model.rates?.options.find((o) => normOption(o.name) === "unmitigated")?.inherits;
    setBase(existing ?? bases[bases.length - 1] ?? "");
  }, [model, loadedFrom, bases]);

  if (!rates)
    return (
      <Screen id="projection" title="Projection">
        <Missing what="rates table" onCreate={() => navigate("new")} />
      </Screen>
    );

  const input = {
    forecast: forecast
      ? { ref: forecast.ref, years: forecast.years.length, history: forecast.history ?? undefined }
      : undefined,
    options: [
      { name: "Unmitigated", inherits: base, values: values.Unmitigated },
      { name: "Mitigated", inherits: "Unmitigated", values: values.Mitigated },
    ],
  };
  const problems = [
    ...(base
      ? projectionProblems(
          input,
          rates.options.map((o) => o.name),
        )
      : ["Choose the option the plans inherit from."]),
    ...(forecastGone
      ? [
          `Pupils from: the demand forecast chosen (${chosen}) is no longer in the workbook; choose where the pupils come from.`,
        ]
      : []),
  ];
  const set = (plan: string, key: string, v: string) =>
    setValues((old) => ({ ...old, [plan]: { ...old[plan], [key]: v } }));

  const write = () =>
    task.run(async () => {
      setResult(null);
      const r = await writeProjection(port, model!, input, confirm);
      setResult(r);
      await port.selectRange(r.sheet, "A1");
      await refresh();
    });

  return (
    <Screen id="projection" title="Projection">
      <TaskStatus {...task} busyLabel="Projecting…" />
      {result && (
        <div aria-label="Projection results">
          <Text as="p" block>
            Projection written to {result.sheet}, with a line chart of the cumulative balance (a deficit is negative).
          </Text>
          <Table size="small" aria-label="Cumulative balance">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Year</TableHeaderCell>
                {result.series.map((s) => (
                  <TableHeaderCell key={s.option}>{s.option}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.years.map((y, i) => (
                <TableRow key={i}>
                  <TableCell>{formatCell(y)}</TableCell>
                  {result.series.map((s) => (
                    <TableCell key={s.option}>{formatMoney(s.cumulative[i], { whole: true })}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Subtitle2 as="h3" block>
        Assumptions
      </Subtitle2>
      <Text as="p" block>
        Two options of the rates table: the unmitigated plan, and a mitigated plan that inherits it (leave a mitigated
        cell blank to keep the unmitigated value). Type money and shares as you would say them: £1.2m, 3%.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (problems.length === 0) void write();
        }}
      >
        <Field label="Both plans inherit their rates from">
          <Select value={base} onChange={(_, d) => setBase(d.value)}>
            {bases.map((b) => (
              <option key={b}>{b}</option>
            ))}
          </Select>
        </Field>
        <Field
          label="Pupils from"
          hint={
            forecast
              ? `The forecast's placements, ${forecast.years[0]} to ${forecast.years[forecast.years.length - 1]}; the counts and growth below are not used, and First financial year and Years only choose among the forecast's years (blank: all). Each financial year is interpolated between the January censuses around it (proj.census.weight, default 0.75), the first from the history the forecast read${forecast.history ? ` (${forecast.history})` : ": this forecast's history is not a range, so start a year later or set proj.census.weight to 1"}.`
              : undefined
          }
        >
          <Select value={forecastGone ? "" : (chosen ?? "")} onChange={(_, d) => setPupilsFrom(d.value)}>
            {forecastGone && <option value="">(choose again)</option>}
            <option value={TYPED}>The counts and growth below</option>
            {(forecasts ?? []).map((f) => (
              <option key={f.ref} value={forecastId(f)}>
                Demand forecast on {f.sheet}
              </option>
            ))}
          </Select>
        </Field>
        {PROJECTION_GROUPS.map((g) => {
          const fields = PROJECTION_FIELDS.filter((f) => g.keys.includes(f.key));
          const bad = (p: string, key: string) => {
            const v = values[p][key] ?? "";
            return v.trim() !== "" && !validateRate(key, v, []).ok;
          };
          const hasProblem = fields.some((f) => PLANS.some((p) => bad(p, f.key)));
          return (
            <details
              key={g.title}
              className={styles.group}
              open={hasProblem || g.title === PROJECTION_GROUPS[0].title || undefined}
            >
              <summary className={styles.summary}>
                {g.title}
                {hasProblem ? " (check)" : ""}
              </summary>
              <Table size="extra-small" aria-label={`${g.title} assumptions`} className={styles.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell className={styles.label}>Assumption</TableHeaderCell>
                    {PLANS.map((p) => (
                      <TableHeaderCell key={p}>{p}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {fields.map((f) => (
                    <TableRow key={f.key}>
                      <TableCell title={`${f.description} (${f.key})`} className={styles.label}>
                        {f.label} <Text size={200}>({unitHint(f.unit)})</Text>
                      </TableCell>
                      {PLANS.map((p) => (
                        <TableCell key={p}>
                          <Input
                            size="small"
                            aria-label={`${f.label}, ${p}`}
                            aria-invalid={bad(p, f.key) || undefined}
                            value={values[p][f.key] ?? ""}
                            onChange={(_, d) => set(p, f.key, d.value)}
                            style={{ width: "100%", minWidth: 0 }}
                          />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </details>
          );
        })}
        {problems.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <ul aria-label="Assumption problems">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        <Button type="submit" appearance="primary" disabled={task.busy || problems.length > 0}>
          Write assumptions and projection
        </Button>
      </form>
    </Screen>
  );
}

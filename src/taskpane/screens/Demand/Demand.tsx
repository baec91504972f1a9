// Demand: pick a local authority from the national history shipped with the add-in (or paste your own history),
// then write a Demand sheet: the history, a live SEND.FORECAST, a fan chart of the Total, capacity inputs and a live
// SEND.SUFFICIENCY. Always a new sheet, so none of the user's cells change. Links on to Projection.
import { useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { usePane } from "../../PaneContext";
import { useChoice } from "../../components/useChoice";
import { Screen } from "../../components/Screen";
import { TaskStatus, useTask } from "../../components/useTask";
import { formatCell, parseNumberInput, type ParseOptions } from "../../numbers";
import { historyProblems, parseHistoryText, writeDemand, type DemandResult } from "../../actions/demand";
import {
  authorities,
  authorityHistory,
  nationalLabel,
  publishedNote,
  readReleaseText,
  type ReleaseRead,
} from "../../actions/nationalHistory";
import type { RawCell } from "../../../model/types";
import type { CellValue } from "../../ports/WorkbookPort";

/** A typed number, or the message naming the field (the pane's one number parser). */
function parseField(input: string, opts: ParseOptions): number | string {
  const p = parseNumberInput(input, opts);
  return p.ok ? p.value : p.message;
}

/** A chosen file's text (FileReader: what every Office webview supports). */
function fileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsText(file);
  });
}

const DEFAULT_LA = "E10000016"; // Kent: a large county, for a first look

/** The last history value of a column, by header. */
function lastOf(history: RawCell[][], header: string): number | null {
  const j =
    history[0]?.findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === header.toLowerCase()) ?? -1;
  for (let i = history.length - 1; i > 0 && j > 0; i--)
    if (typeof history[i][j] === "number") return history[i][j] as number;
  return null;
}

/** Years as written (2023, not 2,023); counts rounded to whole plans. */
function show(v: CellValue, year: boolean): string {
  if (typeof v !== "number") return formatCell(v);
  return year ? String(v) : Math.round(v).toLocaleString("en-GB");
}

export function Demand() {
  const { port, confirm, navigate, refresh } = usePane();
  const las = useMemo(() => authorities(), []);
  const [mode, setMode] = useChoice<"national" | "release" | "paste">("demand.mode", "national");
  const [release, setRelease] = useState<(ReleaseRead & { file: string }) | null>(null);
  const [releaseError, setReleaseError] = useState("");
  const [releaseCode, setReleaseCode] = useChoice("demand.releaseCode", "");
  const [code, setCode] = useChoice(
    "demand.code",
    las.some((a) => a.code === DEFAULT_LA) ? DEFAULT_LA : (las[0]?.code ?? ""),
  );
  const [pasted, setPasted] = useChoice("demand.pasted", "");
  const [horizon, setHorizon] = useChoice("demand.horizon", "3");
  const [coverage, setCoverage] = useChoice("demand.coverage", "80");
  const [special, setSpecial] = useChoice<string | null>("demand.special", null);
  const [isp, setIsp] = useChoice("demand.isp", "");
  const [overflow, setOverflow] = useChoice("demand.overflow", false);
  const [result, setResult] = useState<DemandResult | null>(null);
  const task = useTask();

  const la = las.find((a) => a.code === code);
  const releaseArea = release?.areas.find((a) => a.code === releaseCode);
  const history = useMemo(
    () =>
      mode === "national"
        ? (authorityHistory(code) ?? [])
        : mode === "release"
          ? releaseArea && !releaseArea.problem
            ? releaseArea.history
            : []
          : parseHistoryText(pasted),
    [mode, code, pasted, releaseArea],
  );
  const readRelease = async (file: File | undefined) => {
    setRelease(null);
    setReleaseError("");
    if (!file) return;
    try {
      const r = readReleaseText(await fileText(file), file.name);
      setRelease({ ...r, file: file.name });
      const first = r.areas.find((a) => a.code === DEFAULT_LA) ?? r.areas[0];
      setReleaseCode(first?.code ?? "");
      setSpecial(null);
    } catch (e) {
      setReleaseError((e as Error).message);
    }
  };
  const problems = historyProblems(history);
  const lastYear = history.length > 1 ? Number(history[history.length - 1][0]) : NaN;
  const specialNow = lastOf(history, "Special");
  const specialText = special ?? (specialNow === null ? "" : String(specialNow));

  const horizonV = parseField(horizon, { label: "Horizon", kind: "number", min: 1, max: 15 });
  const coverageV = parseField(coverage, { label: "Coverage", kind: "percent", min: 0.01, max: 0.99 });
  const specialV = specialText.trim()
    ? parseField(specialText, { label: "Special places", kind: "number", min: 0 })
    : null;
  const ispV = isp.trim() ? parseField(isp, { label: "ISP places", kind: "number", min: 0 }) : null;
  const fieldErrors = [horizonV, coverageV, specialV, ispV].filter((v): v is string => typeof v === "string");
  if (typeof horizonV === "number" && !Number.isInteger(horizonV))
    fieldErrors.push("Horizon must be a whole number of years.");
  if (overflow && specialV === null) fieldErrors.push("Overflow to ISP needs the special places.");
  const invalid = problems.length > 0 || fieldErrors.length > 0;

  const write = () =>
    task.run(async () => {
      setResult(null);
      const label =
        mode === "national" && la
          ? nationalLabel(la)
          : mode === "release" && releaseArea && release
            ? {
                title: `Demand: ${releaseArea.name} (${releaseArea.code})`,
                source: `REAL published history: DfE release file ${release.file} (years before its first census from the bundled history). EHC plans at each January census.`,
              }
            : {
                title: "Demand: your own history",
                source: "Your own history, pasted into the pane (not checked against the published figures).",
              };
      const firstYear = lastYear + 1;
      const capacity = [
        ...(typeof specialV === "number" ? [{ breakdown: "Special", year: firstYear, places: specialV }] : []),
        ...(typeof ispV === "number" ? [{ breakdown: "ISP", year: firstYear, places: ispV }] : []),
      ];
      const r = await writeDemand(
        port,
        {
          ...label,
          history,
          horizon: horizonV as number,
          coverage: coverageV as number,
          overflow,
          capacity,
        },
        confirm,
      );
      setResult(r);
      await port.selectRange(r.sheet, "A1");
      await refresh();
    });

  const totals = result?.forecast.filter((r) => typeof r[1] === "string" && r[1].toLowerCase() === "total") ?? [];
  const forecastError =
    result && result.forecast.length === 1 && typeof result.forecast[0][0] === "object" ? result.forecast[0][0] : null;

  return (
    <Screen id="demand" title="Demand">
      <Text as="p" block>
        Forecast EHC plans from a history, then check the places planned against the forecast. The sheet is written new,
        with live formulas.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) void write();
        }}
      >
        <Field label="History">
          <RadioGroup value={mode} onChange={(_, d) => setMode(d.value as "national" | "release" | "paste")}>
            <Radio value="national" label="The national published history (DfE, 2010 to 2022)" />
            <Radio value="release" label="A DfE release file (caseload.csv, as downloaded)" />
            <Radio value="paste" label="Paste your own history" />
          </RadioGroup>
        </Field>
        {mode === "national" ? (
          <Field label="Local authority">
            <Select
              value={code}
              onChange={(_, d) => {
                setCode(d.value);
                setSpecial(null);
              }}
            >
              {las.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Field>
        ) : mode === "release" ? (
          <>
            <Field
              label="Release file"
              hint="caseload.csv from the DfE 'Education, health and care plans' release (explore-education-statistics)."
              validationMessage={releaseError || undefined}
            >
              <input
                type="file"
                aria-label="Release file"
                accept=".csv,text/csv"
                onChange={(e) => void readRelease(e.target.files?.[0])}
              />
            </Field>
            {release && (
              <Field label="Local authority (release)">
                <Select
                  value={releaseCode}
                  onChange={(_, d) => {
                    setReleaseCode(d.value);
                    setSpecial(null);
                  }}
                >
                  {release.areas.map((a) => (
                    <option key={a.code} value={a.code}>
                      {a.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {releaseArea?.problem && (
              <Text as="p" block>
                {releaseArea.problem}
              </Text>
            )}
            {release?.warnings.map((w) => (
              <Text as="p" block size={200} key={w}>
                {w}
              </Text>
            ))}
          </>
        ) : (
          <Field
            label="Your history"
            hint="Paste from a sheet: a header row (Year, Total, Mainstream, Special, ISP, …, New plans), then one row per January census."
          >
            <Textarea
              value={pasted}
              onChange={(_, d) => {
                setPasted(d.value);
                setSpecial(null);
              }}
              resize="vertical"
              rows={6}
              style={{ fontFamily: "monospace" }}
            />
          </Field>
        )}
        {history.length > 1 && problems.length === 0 && (
          <Text as="p" block size={200}>
            {history.length - 1} years ({String(history[1][0])} to {lastYear}), {history[0].length - 1} columns.{" "}
            {publishedNote(lastYear, typeof horizonV === "number" ? horizonV : 3)}
          </Text>
        )}
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          <Field label="Horizon (years)" style={{ flex: "1 1 120px" }}>
            <Input value={horizon} onChange={(_, d) => setHorizon(d.value)} inputMode="numeric" />
          </Field>
          <Field label="Interval (%)" style={{ flex: "1 1 120px" }}>
            <Input value={coverage} onChange={(_, d) => setCoverage(d.value)} inputMode="decimal" />
          </Field>
        </div>
        <Subtitle2 as="h3" block>
          Sufficiency
        </Subtitle2>
        <Text as="p" block size={200}>
          Places from {Number.isFinite(lastYear) ? lastYear + 1 : "the first forecast year"}; add later openings on the
          sheet.
        </Text>
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          <Field label="Special places" style={{ flex: "1 1 120px" }}>
            <Input value={specialText} onChange={(_, d) => setSpecial(d.value)} inputMode="numeric" />
          </Field>
          <Field label="ISP places (optional)" style={{ flex: "1 1 120px" }}>
            <Input value={isp} onChange={(_, d) => setIsp(d.value)} inputMode="numeric" />
          </Field>
        </div>
        <Checkbox
          checked={overflow}
          onChange={(_, d) => setOverflow(d.checked === true)}
          label="Special demand above the places goes to ISP"
        />
        {(problems.length > 0 || fieldErrors.length > 0) &&
          (mode === "national" || pasted.trim() !== "" || fieldErrors.length > 0) && (
            <ul aria-label="Demand problems" style={{ color: "#A4262C", paddingLeft: 18 }}>
              {[...problems, ...fieldErrors].map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        <Button type="submit" appearance="primary" disabled={task.busy || invalid}>
          Write Demand sheet
        </Button>
      </form>
      <TaskStatus {...task} busyLabel="Forecasting…" />
      {result && (
        <div aria-label="Demand results">
          <Text as="p" block>
            Demand sheet {result.sheet} written: history, live SEND.FORECAST and SEND.SUFFICIENCY, and a fan chart.
          </Text>
          {forecastError ? (
            <Text as="p" block>
              SEND.FORECAST returned {formatCell(forecastError)}
              {typeof forecastError === "object" && forecastError.message ? `: ${forecastError.message}` : ""}.
            </Text>
          ) : (
            <Table size="extra-small" aria-label="Total plans forecast">
              <TableHeader>
                <TableRow>
                  {["Year", "Low", "Central", "High"].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {totals.map((r, i) => (
                  <TableRow key={i}>
                    {[r[0], r[2], r[3], r[4]].map((v, j) => (
                      <TableCell key={j}>{show(v, j === 0)}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {result.sufficiency.length > 1 && (
            <Table size="extra-small" aria-label="Sufficiency">
              <TableHeader>
                <TableRow>
                  {["Year", "Breakdown", "Demand", "Places", "Gap"].map((h) => (
                    <TableHeaderCell key={h}>{h}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.sufficiency.slice(1).map((r, i) => (
                  <TableRow key={i}>
                    {r.map((v, j) => (
                      <TableCell key={j}>{show(v, j === 0)}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Button appearance="secondary" onClick={() => navigate("projection")}>
            Next: a projection from this forecast
          </Button>
        </div>
      )}
    </Screen>
  );
}

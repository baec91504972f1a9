// Import: the officer's own school list (CSV or xlsx) as the model's Institutions. The file is read in
// the pane; each column gets a proposed field (remembered from the last import, else the synonym list)
// that the officer can change or mark "keep as is"; the report below updates as they do, naming every
// kept column, every bad cell and every count the formula will not use. Import writes the model like
// New model does (asking before any existing cell changes) and remembers the mapping in the workbook.
import { useEffect, useMemo, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
} from "@fluentui/react-components";
import { applyMapping, findHeaderRow } from "../../../import/apply";
import { KEEP, KEEP_LABEL, proposeMapping, targetList, type ColumnChoice } from "../../../import/mapping";
import { bandsFor } from "../../../import/importPlan";
import { cellList } from "../../../import/reportText";
import { readSource, type SourceFile } from "../../../import/source";
import { createModel } from "../../actions/createModel";
import {
  institutionsOnlyBlocker,
  planInstitutionsOnly,
  planPaneImport,
  rememberedMapping,
} from "../../actions/importInstitutions";
import { errorText, TaskStatus, useTask } from "../../components/useTask";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { WritingProgress, type Progress } from "../../components/WritingProgress";
import { candidateNameError, ModelTargetFields, useModelTarget } from "../../components/ModelTarget";

const MAX_LISTED = 40;

function confidenceBadge(c: ColumnChoice) {
  if (c.target === KEEP)
    return (
      <Badge appearance="tint" color="warning">
        kept
      </Badge>
    );
  if (c.confidence >= 1)
    return (
      <Badge appearance="tint" color="success">
        sure
      </Badge>
    );
  return (
    <Badge appearance="tint" color="informative">
      {Math.round(c.confidence * 100)}% sure
    </Badge>
  );
}

export function Import() {
  const { port, model, refresh, confirm, navigate } = usePane();
  const t = useModelTarget(model, !institutionsOnlyBlocker(model));
  const { replace, national, candidate, institutionsOnly } = t;
  const [file, setFile] = useState<{ name: string; source: SourceFile } | null>(null);
  const [sheetName, setSheetName] = useState("");
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const reading = useTask();
  const task = useTask();

  const sheet = file?.source.sheets.find((s) => s.name === sheetName) ?? null;
  const bands = useMemo(() => bandsFor(national), [national]);
  const headerRow = sheet ? findHeaderRow(sheet.rows) : 0;

  // propose a mapping whenever the sheet changes (remembered choices first)
  useEffect(() => {
    if (!sheet) return;
    let live = true;
    void (async () => {
      const remembered = await rememberedMapping(port).catch(() => null);
      const header = (sheet.rows[headerRow] ?? []).map((c) => (c === null || c === undefined ? "" : String(c)));
      if (live) setChoices(proposeMapping(header, remembered?.mapping ?? {}));
    })();
    return () => {
      live = false;
    };
  }, [sheet, headerRow, port]);

  const result = useMemo(
    () => (sheet && choices.length ? applyMapping(sheet.rows, choices, bands) : null),
    [sheet, choices, bands],
  );
  const targets = useMemo(
    () =>
      targetList(
        bands,
        choices.map((c) => c.target),
      ),
    [bands, choices],
  );
  const nameError = institutionsOnly ? undefined : candidateNameError(candidate, [national]);

  const onFile = (f: File | undefined) =>
    reading.run(async () => {
      setFile(null);
      setChoices([]);
      setDone(null);
      if (!f) return;
      try {
        const source = await readSource(f.name, new Uint8Array(await f.arrayBuffer()));
        setFile({ name: f.name, source });
        setSheetName((source.sheets.find((s) => s.rows.length > 1) ?? source.sheets[0]).name);
      } catch (e) {
        throw new Error(`${f.name}: ${errorText(e)}`);
      }
    });

  const setTargetOf = (col: number, value: string) =>
    setChoices((cs) =>
      cs.map((c) => (c.col === col ? { ...c, target: value, confidence: 1, why: "chosen by you" } : c)),
    );

  const runImport = () =>
    task.run(async () => {
      if (!result || !file) return;
      setDone(null);
      const only = institutionsOnly ? await planInstitutionsOnly(port, model, { result, source: file.name }) : null;
      const plan =
        only?.plan ?? (await planPaneImport(port, model, { national, candidate, result, source: file.name }, replace));
      setProgress({ value: 0, label: "Starting" });
      await createModel(port, plan, confirm, (d, t, label) => setProgress({ value: d / t, label }), { replace });
      const kept = only ? ` ${plan.names.rates} and its options were kept as they were.` : "";
      const missing = only?.missingKeys.length
        ? ` ${plan.names.rates} has no row yet for ${only.missingKeys.join(", ")}: allocations needing them show #N/A until you add the rates on the Rates screen.`
        : "";
      const stale =
        only && (model?.comparisons.length || model?.projections.length)
          ? ` Comparison and projection sheets still read the old rows: run Compare or Projection again.`
          : "";
      setDone(
        `Imported ${result.report.institutions} institutions into ${plan.names.institutions}; Allocations for ${plan.allocationOptions.join(", ")}; mapping saved on ${plan.mapping.name}.${kept}${missing}${stale}`,
      );
      await refresh();
    });

  const report = result?.report;
  return (
    <Screen id="import" title="Import institutions">
      <Text as="p" block size={200}>
        Your own school list: a census extract, the APT&apos;s school list or your own sheet, as CSV or xlsx. Nothing is
        written until you press Import.
      </Text>
      <div style={{ display: "flex", flexDirection: "column", gap: 4, margin: "8px 0" }}>
        <label htmlFor="import-file">
          <Text weight="semibold">School list (CSV or xlsx)</Text>
        </label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv"
          aria-describedby="import-file-hint"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <Caption1 id="import-file-hint">Read in the pane; the file is not uploaded anywhere.</Caption1>
      </div>
      <TaskStatus {...reading} busyLabel="Reading the file…" />
      {file && file.source.errors.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{file.source.errors.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      {file && file.source.sheets.length > 1 && (
        <Field label="Sheet">
          <Select value={sheetName} onChange={(_, d) => setSheetName(d.value)}>
            {file.source.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {choices.length > 0 && (
        <fieldset style={{ border: "none", padding: 0, margin: "8px 0" }}>
          <legend>
            <Subtitle2 as="h3">Columns (header on row {headerRow + 1})</Subtitle2>
          </legend>
          {choices.map((c) => (
            <Field
              key={c.col}
              label={
                <>
                  {c.letter}: {c.header} {confidenceBadge(c)}
                </>
              }
              hint={c.why}
            >
              <Select value={c.target} onChange={(_, d) => setTargetOf(c.col, d.value)}>
                <option value={KEEP}>{KEEP_LABEL}</option>
                {targets.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>
      )}
      {report && (
        <div aria-live="polite">
          {report.errors.length > 0 ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Cannot import yet</MessageBarTitle>
                <ul>
                  {report.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{report.institutions} institutions to import.</MessageBarBody>
            </MessageBar>
          )}
          {report.kept.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Not used by the formula ({report.kept.length})</MessageBarTitle>
                Kept unchanged in the Institutions table:{" "}
                {report.kept
                  .map((k) => `${k.letter} '${k.header || "(no header)"}'${k.as !== k.header ? ` as '${k.as}'` : ""}`)
                  .join(", ")}
                .
              </MessageBarBody>
            </MessageBar>
          )}
          {report.problems.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Cells with a problem ({report.problems.length})</MessageBarTitle>
                <ul>
                  {report.problems.slice(0, MAX_LISTED).map((p) => (
                    <li key={p.cell + p.message}>
                      {p.cell}: {p.message}
                    </li>
                  ))}
                </ul>
                {report.problems.length > MAX_LISTED && (
                  <Caption1>and {report.problems.length - MAX_LISTED} more</Caption1>
                )}
              </MessageBarBody>
            </MessageBar>
          )}
          {report.unused.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Counts the formula will not use</MessageBarTitle>
                <ul>
                  {report.unused.map((u) => (
                    <li key={u.field + u.phase}>
                      {u.field} at {u.phase} ({u.cells.length}): {cellList(u.cells)}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {(report.notes.length > 0 || report.skipped.length > 0) && (
            <ul>
              {report.skipped.map((s) => (
                <li key={`row${s.row}`}>
                  Row {s.row} left out: {s.why}
                </li>
              ))}
              {report.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!nameError && !report?.errors.length) void runImport();
          }}
        >
          <ModelTargetFields t={t} nameError={nameError} />
          <Button
            appearance="primary"
            type="submit"
            disabled={task.busy || Boolean(nameError) || Boolean(report?.errors.length)}
          >
            Import
          </Button>
        </form>
      )}
      <WritingProgress progress={progress} />
      <TaskStatus {...task} busyLabel="Writing the model…" />
      {done && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {done}{" "}
            <Button size="small" onClick={() => navigate("options")}>
              Go to options
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
    </Screen>
  );
}

// Publish for review: copies the chosen sheets as values only (no SEND formulas) with a summary sheet, then shows
// what the summary says: totals by DSG block (High Needs first, the others memo lines) and the one total across
// blocks, labelled as such.
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
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
import { publishForReview, type PublishResult } from "../../actions/publish";
import { publishFile, type PublishFileResult } from "../../actions/publishFile";
import { ALL_BLOCKS_HEADER, BLOCKS_HEADING, blockTotalsTable, type BlockTotal } from "../../../model/publish";
import type { OptionTotal } from "../../../model/publishBook";
import { Money } from "../../components/Money";

const useStyles = makeStyles({
  // three columns at most, so the tables fit a 350 px pane; amounts never break, words do
  cell: { overflowWrap: "anywhere" },
  n: { textAlign: "right", whiteSpace: "nowrap" },
});

const amount = (v: unknown) => (typeof v === "number" ? <Money value={v} whole={false} /> : String(v ?? ""));

/** The published summary's totals: by DSG block (High Needs first, one row per option and block, as the summary
 * sheet's block table reads across), then every block together, said so. */
function PublishedTotals({ blocks, totals }: { blocks: BlockTotal[]; totals: OptionTotal[] }) {
  const styles = useStyles();
  const table = blockTotalsTable(blocks);
  return (
    <div aria-label="Published totals">
      {table ? (
        <>
          <Subtitle2 as="h3" block>
            {BLOCKS_HEADING}
          </Subtitle2>
          <Table size="extra-small" aria-label="Totals by DSG block">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Option</TableHeaderCell>
                <TableHeaderCell>Block</TableHeaderCell>
                <TableHeaderCell>Total</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {table.rows.flatMap(([option, ...cells]) =>
                table.header.map((block, i) => (
                  <TableRow key={`${String(option)}\u0000${block}`}>
                    <TableCell className={styles.cell}>{String(option)}</TableCell>
                    <TableCell className={styles.cell}>{block}</TableCell>
                    <TableCell className={styles.n}>{amount(cells[i])}</TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
        </>
      ) : (
        <Text as="p" block>
          This workbook has no Blocks sheet, so the totals cannot be split by DSG block (the Plan screen adds one).
        </Text>
      )}
      {totals.length > 0 && (
        <Table size="extra-small" aria-label="Total allocated, all blocks together">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Option</TableHeaderCell>
              <TableHeaderCell>{ALL_BLOCKS_HEADER}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {totals.map((t) => (
              <TableRow key={t.option}>
                <TableCell className={styles.cell}>{t.option}</TableCell>
                <TableCell className={styles.n}>
                  {amount(t.total ?? `${t.errors} cell${t.errors === 1 ? "" : "s"} with errors`)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

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
      model.blocks?.sheet,
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
      {file && <PublishedTotals blocks={file.blocks} totals={file.totals} />}
      {result && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            Published {result.copies.map((c) => c.to).join(", ")} and {result.summary}.
          </MessageBarBody>
        </MessageBar>
      )}
      {result && <PublishedTotals blocks={result.blocks} totals={result.totals} />}
    </Screen>
  );
}

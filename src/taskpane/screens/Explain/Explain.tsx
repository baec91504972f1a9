// Explain: the trace of the SEND function in the selected cell (each rate read, the option it came
// from, counts and amounts in £) and any error message in full. Shares sit inside the lines they
// multiply; steps that add £0 are folded under a disclosure.
import { useState } from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
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
import { TaskStatus, useTask } from "../../components/useTask";
import type { Explanation, Selection } from "../../ports/WorkbookPort";
import { formatCell, formatMoney } from "../../numbers";
import { presentTrace, type TraceRow } from "../../workbook/trace";
import { breakable } from "../../components/breakable";

const useStyles = makeStyles({
  formula: { wordBreak: "break-all", margin: "4px 0" },
  // the step column takes what the money columns leave; money never wraps, so every penny shows at 350 px
  trace: { tableLayout: "auto", width: "100%" },
  step: { overflowWrap: "anywhere" },
  money: { whiteSpace: "nowrap", textAlign: "right", width: "1%" },
  // shown as "from Local (sample)" and "× 4"; the words stay out of the text content
  from: { "::before": { content: '"from "' } },
  count: { "::before": { content: '"× "' } },
});

const holdsSend = (f: Selection["formula"]) => typeof f === "string" && /^=.*\bSEND\.[A-Z]+\s*\(/i.test(f);

function TraceTable({ rows, label }: { rows: TraceRow[]; label: string }) {
  const styles = useStyles();
  // three columns fit a narrow pane: the step in words with its key and the option it came from (wrapping),
  // then the rate over the count and the amount, which never wrap
  return (
    <Table size="small" aria-label={label} className={styles.trace}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Step, key and option</TableHeaderCell>
          <TableHeaderCell className={styles.money}>Rate × count</TableHeaderCell>
          <TableHeaderCell className={styles.money}>Amount</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((l, i) => (
          <TableRow key={i}>
            <TableCell className={styles.step}>
              <Caption1 block>{l.component}</Caption1>
              <Text block>{breakable(l.label)}</Text>
              <Caption1 block>{breakable(l.key)}</Caption1>
              {l.from && (
                <Caption1 block className={styles.from}>
                  {l.from}
                </Caption1>
              )}
            </TableCell>
            <TableCell className={styles.money}>
              {l.rate}
              {l.count && (
                <Caption1 block className={styles.count}>
                  {l.count}
                </Caption1>
              )}
            </TableCell>
            <TableCell className={styles.money}>{l.amount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function Explain() {
  const styles = useStyles();
  const { port } = usePane();
  const [selection, setSelection] = useState<Selection | null>(null);
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [empty, setEmpty] = useState<string | null>(null);
  const task = useTask();

  const explain = () =>
    task.run(async () => {
      setExplanation(null);
      setEmpty(null);
      const sel = await port.getSelection();
      setSelection(sel);
      if (!sel) {
        setEmpty("Select a cell in the workbook first.");
        return;
      }
      if (!holdsSend(sel.formula)) {
        setEmpty(`${sel.sheet}!${sel.address} holds no SEND function. Select a cell whose formula starts with =SEND.`);
        return;
      }
      setExplanation(await port.explain(sel.sheet, sel.address));
    });

  return (
    <Screen id="explain" title="Explain a result">
      <Text as="p" block>
        Select a cell holding a SEND function, then explain it.
      </Text>
      <Button appearance="primary" onClick={explain} disabled={task.busy}>
        Explain selected cell
      </Button>
      <TaskStatus {...task} busyLabel="Tracing…" />
      {empty && (
        <MessageBar intent="info">
          <MessageBarBody>{empty}</MessageBarBody>
        </MessageBar>
      )}
      {explanation && selection && (
        <div aria-label="Explanation">
          <Text as="p" block>
            <b>
              {selection.sheet}!{selection.address}
            </b>
            : SEND.{explanation.fn.replace(/^SEND\./i, "")}
          </Text>
          <Caption1 as="p" block className={styles.formula}>
            {String(selection.formula)}
          </Caption1>
          {explanation.error ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{explanation.error.kind}</MessageBarTitle>
                <span style={{ whiteSpace: "pre-wrap" }}>{explanation.error.message}</span>
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Text as="p" block>
              Result:{" "}
              <b>
                {typeof explanation.value === "number"
                  ? /ALLOCATE|TOPUP|FIT|BREAKDOWN/i.test(explanation.fn)
                    ? formatMoney(explanation.value)
                    : formatCell(explanation.value)
                  : typeof explanation.value === "string"
                    ? formatCell(explanation.value)
                    : explanation.value === undefined
                      ? formatCell(selection.value)
                      : "(a spilled range)"}
              </b>
            </Text>
          )}
          {explanation.lines.length === 0 ? (
            <Text as="p" block>
              No trace lines for this function.
            </Text>
          ) : (
            (() => {
              const { shown, zero } = presentTrace(explanation.lines);
              return (
                <>
                  <TraceTable rows={shown} label="Trace" />
                  {zero.length > 0 && (
                    <details>
                      <summary>
                        {zero.length} step{zero.length === 1 ? "" : "s"} adding £0
                      </summary>
                      <TraceTable rows={zero} label="Steps adding £0" />
                    </details>
                  )}
                </>
              );
            })()
          )}
        </div>
      )}
    </Screen>
  );
}

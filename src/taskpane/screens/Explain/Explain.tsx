// Explain: the trace of the SEND function in the selected cell (each rate read, the option it came
// from, counts and amounts) and any error message in full.
import { useState } from "react";
import {
  Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Table, TableBody, TableCell, TableHeader,
  TableHeaderCell, TableRow, Text,
} from "@fluentui/react-components";
import { usePane } from "../../PaneContext";
import { TaskStatus, useTask } from "../../components/useTask";
import type { Explanation, Selection } from "../../ports/WorkbookPort";
import { formatCell } from "../../components/format";

const holdsSend = (f: Selection["formula"]) => typeof f === "string" && /^=.*\bSEND\.[A-Z]+\s*\(/i.test(f);

export function Explain() {
  const { port } = usePane();
  const [selection, setSelection] = useState<Selection | null>(null);
  const [explanation, setExplanation] = useState<Explanation | null>(null);
  const [empty, setEmpty] = useState<string | null>(null);
  const task = useTask();

  const explain = () => task.run(async () => {
    setExplanation(null);
    setEmpty(null);
    const sel = await port.getSelection();
    setSelection(sel);
    if (!sel) { setEmpty("Select a cell in the workbook first."); return; }
    if (!holdsSend(sel.formula)) { setEmpty(`${sel.sheet}!${sel.address} holds no SEND function. Select a cell whose formula starts with =SEND.`); return; }
    setExplanation(await port.explain(sel.sheet, sel.address));
  });

  return (
    <section aria-labelledby="explain-title">
      <Subtitle2 as="h2" block id="explain-title">Explain a result</Subtitle2>
      <Text as="p">Select a cell holding a SEND function, then explain it.</Text>
      <Button appearance="primary" onClick={explain} disabled={task.busy}>Explain selected cell</Button>
      <TaskStatus {...task} busyLabel="Tracing…" />
      {empty && <MessageBar intent="info"><MessageBarBody>{empty}</MessageBarBody></MessageBar>}
      {explanation && selection && (
        <div aria-label="Explanation">
          <Text as="p"><b>{selection.sheet}!{selection.address}</b>: SEND.{explanation.fn.replace(/^SEND\./i, "")}</Text>
          <Caption1 as="p" style={{ wordBreak: "break-all" }}>{String(selection.formula)}</Caption1>
          {explanation.error ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody><MessageBarTitle>{explanation.error.kind}</MessageBarTitle><span style={{ whiteSpace: "pre-wrap" }}>{explanation.error.message}</span></MessageBarBody>
            </MessageBar>
          ) : (
            <Text as="p">Result: <b>{typeof explanation.value === "number" || typeof explanation.value === "string" ? formatCell(explanation.value) : explanation.value === undefined ? formatCell(selection.value) : "(a spilled range)"}</b></Text>
          )}
          {explanation.lines.length === 0 ? <Text as="p">No trace lines for this function.</Text> : (
            <Table size="small" aria-label="Trace">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Component</TableHeaderCell><TableHeaderCell>Step</TableHeaderCell><TableHeaderCell>Key</TableHeaderCell>
                  <TableHeaderCell>From option</TableHeaderCell><TableHeaderCell>Rate</TableHeaderCell><TableHeaderCell>Count</TableHeaderCell><TableHeaderCell>Amount</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {explanation.lines.map((l, i) => (
                  <TableRow key={i}>
                    <TableCell>{l.component}</TableCell><TableCell>{l.label}</TableCell><TableCell>{l.key ?? ""}</TableCell>
                    <TableCell>{l.from ?? ""}</TableCell><TableCell>{l.rate ?? ""}</TableCell><TableCell>{l.count ?? ""}</TableCell><TableCell>{l.amount}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      )}
    </section>
  );
}

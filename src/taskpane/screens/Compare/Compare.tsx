// Compare: pick two options, write a SEND.COMPARE sheet (formats + chart), then show totals, gainers
// and losers, a bar chart with axes and the largest changes, all read back from that sheet. The table
// has two columns so it fits a 350 px pane: each institution over its two amounts, then the change. A row in
// error is named with its row and cause and left out of the totals shown (the contract keeps it in the sheet's
// Total row, so the pane explains that and how to fix it).
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  type TableColumnDefinition,
} from "@fluentui/react-components";
import { BarChart } from "../../components/BarChart";
import { useChoice } from "../../components/useChoice";
import { errorRowsSentence } from "../../../model/errorRows";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { writeComparison, type CompareRow, type ComparisonSummary } from "../../actions/compare";
import { formatMoney, formatPercent } from "../../numbers";

const num = (v: CompareRow["difference"]) => (typeof v === "number" ? v : -Infinity);

function columns(a: string, b: string): TableColumnDefinition<CompareRow>[] {
  return [
    createTableColumn<CompareRow>({
      columnId: "name",
      compare: (x, y) => x.name.localeCompare(y.name),
      renderHeaderCell: () => `Institution: ${a} → ${b}`,
      renderCell: (r) => (
        <div>
          <Text block>{r.name}</Text>
          <Caption1 block>
            {formatMoney(r.a)} → {formatMoney(r.b)}
          </Caption1>
        </div>
      ),
    }),
    createTableColumn<CompareRow>({
      columnId: "difference",
      compare: (x, y) => num(x.difference) - num(y.difference),
      renderHeaderCell: () => "Change",
      renderCell: (r) => (
        <div style={{ textAlign: "right", width: "100%" }}>
          <Text block>{formatMoney(r.difference)}</Text>
          <Caption1 block>{formatPercent(r.change)}</Caption1>
        </div>
      ),
    }),
  ];
}

export function Compare() {
  const { port, model, refresh, confirm, navigate } = usePane();
  const names = useMemo(() => model?.rates?.options.map((o) => o.name) ?? [], [model]);
  const [a, setA] = useChoice("compare.a", "");
  const [b, setB] = useChoice("compare.b", "");
  const [result, setResult] = useState<{ sheet: string; summary: ComparisonSummary } | null>(null);
  const task = useTask();

  // start with the first and last options that have allocations (the national seed has no local rates)
  const allocated = useMemo(
    () => (model?.allocations?.columns ?? []).map((c) => c.option).filter((o) => names.includes(o)),
    [model, names],
  );
  useEffect(() => {
    const pool = allocated.length >= 2 ? allocated : names;
    if (!names.includes(a)) setA(pool[0] ?? "");
    if (!names.includes(b)) setB(pool[pool.length - 1] ?? "");
  }, [names, allocated, a, b]);

  if (!model?.rates || !model.institutions)
    return (
      <Screen id="compare" title="Compare two options">
        <Missing what={model?.rates ? "institutions table" : "rates table"} onCreate={() => navigate("new")} />
      </Screen>
    );
  if (names.length < 2)
    return (
      <Screen id="compare" title="Compare two options">
        <MessageBar intent="warning">
          <MessageBarBody>
            The rates table needs at least two options to compare. Add one on the Options screen.
          </MessageBarBody>
        </MessageBar>
      </Screen>
    );

  const same = a !== "" && a === b;
  const compare = () =>
    task.run(async () => {
      setResult(null);
      const r = await writeComparison(port, model, a, b, confirm);
      setResult(r);
      await port.selectRange(r.sheet, "A1");
      await refresh();
    });
  const s = result?.summary;
  const leftOut = Boolean(s?.leftOut.length);
  return (
    <Screen id="compare" title="Compare two options">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!same) void compare();
        }}
      >
        <Field label="Option A (from)">
          <Select value={a} onChange={(_, d) => setA(d.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Field
          label="Option B (to)"
          validationMessage={same ? "Pick two different options." : undefined}
          validationState={same ? "error" : "none"}
        >
          <Select value={b} onChange={(_, d) => setB(d.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary" disabled={task.busy || same}>
          Write comparison sheet
        </Button>
      </form>
      <TaskStatus {...task} busyLabel="Comparing…" />
      {s && result && (
        <div aria-label="Comparison results">
          <Text as="p" block>
            Sheet <b>{result.sheet}</b> written with a chart of the change per institution.
          </Text>
          {s.leftOut.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{errorRowsSentence(s.leftOut)}.</MessageBarTitle> The totals below are of the other{" "}
                {s.computed.rows} institution{s.computed.rows === 1 ? "" : "s"}. On {result.sheet} the Total row shows
                the error too (SEND.COMPARE never gives a total that is quietly short). To fix it, correct the
                institution&apos;s cell on row {s.leftOut[0].row} of {model.institutions.sheet} (Explain on its cell on{" "}
                {result.sheet} names the value), then compare again.
              </MessageBarBody>
            </MessageBar>
          )}
          {s.total && (
            <dl>
              <dt>Total {s.a}</dt>
              <dd>{formatMoney(leftOut ? s.computed.a : s.total.a)}</dd>
              <dt>Total {s.b}</dt>
              <dd>{formatMoney(leftOut ? s.computed.b : s.total.b)}</dd>
              <dt>Difference</dt>
              <dd>
                {leftOut
                  ? `${formatMoney(s.computed.difference)} (${formatPercent(s.computed.a === 0 ? null : s.computed.difference / s.computed.a)})`
                  : `${formatMoney(s.total.difference)} (${formatPercent(s.total.change)})`}
              </dd>
            </dl>
          )}
          <Text as="p" block>
            {s.gaining} institution{s.gaining === 1 ? "" : "s"} gain, {s.losing} lose, {s.unchanged} unchanged.
          </Text>
          <Subtitle2 as="h3" block>
            Largest changes
          </Subtitle2>
          {s.largest.length > 0 && (
            <BarChart
              title={`Largest changes per institution, ${s.b} minus ${s.a}`}
              valueTitle="Change (£ a year)"
              items={s.largest.map((r) => ({ label: r.name, value: r.difference as number }))}
            />
          )}
          {s.largest.length === 0 ? (
            <Text>No institution has a computed difference.</Text>
          ) : (
            <DataGrid
              items={s.largest}
              columns={columns(s.a, s.b)}
              sortable
              getRowId={(r: CompareRow) => r.name}
              aria-label="Largest changes"
              columnSizingOptions={{ difference: { idealWidth: 110, minWidth: 96 } }}
            >
              <DataGridHeader>
                <DataGridRow>
                  {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
                </DataGridRow>
              </DataGridHeader>
              <DataGridBody<CompareRow>>
                {({ item, rowId }) => (
                  <DataGridRow<CompareRow> key={rowId}>
                    {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                  </DataGridRow>
                )}
              </DataGridBody>
            </DataGrid>
          )}
        </div>
      )}
    </Screen>
  );
}

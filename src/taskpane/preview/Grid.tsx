// The preview's workbook view: sheet tabs, a formula bar and a grid of the selected sheet's values.
// Click a cell (or move with the arrow keys) to select it, as in Excel, so Explain can trace it.
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { Caption1, Tab, TabList, Text } from "@fluentui/react-components";
import { cellA1, colLetters, parseCellOrThrow, parseRangeOrThrow } from "../../util/a1";
import type { PreviewPort } from "../ports/PreviewPort";
import { cellStyle, displayValue } from "./cellStyle";
import { PreviewChart } from "./Chart";

const MAX_ROWS = 200;
const MAX_COLS = 40;

function useVersion(port: PreviewPort): number {
  const version = useRef(0);
  const subscribe = (cb: () => void) =>
    port.subscribe(() => {
      version.current++;
      cb();
    });
  return useSyncExternalStore(subscribe, () => version.current);
}

export function Grid({ port }: { port: PreviewPort }) {
  useVersion(port);
  const sheets = port.book.sheetNames();
  const selection = port.currentSelection();
  const [sheet, setSheet] = useState<string>(sheets[0] ?? "");
  const active = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");
  const cellRefs = useRef(new Map<string, HTMLTableCellElement>());

  // follow the pane: when it selects a cell on another sheet (a clicked problem), show that sheet
  const selectedSheet = selection?.sheet;
  const selectedAddress = selection?.address;
  useEffect(() => {
    if (selectedSheet) setSheet(selectedSheet);
  }, [selectedSheet, selectedAddress]);

  if (!active) return <Text>This workbook has no sheets yet.</Text>;
  const used = port.book.usedRange(active);
  const r = used ? parseRangeOrThrow(used) : { top: 1, left: 1, bottom: 1, right: 1 };
  const bottom = Math.min(Math.max(r.bottom, 1), MAX_ROWS);
  const right = Math.min(Math.max(r.right, 1), MAX_COLS);
  const values = port.book.getValues(active, `A1:${colLetters(right)}${bottom}`);
  const selected = selection?.sheet === active ? selection.address.split(":")[0] : null;
  const focus = selected ?? "A1";
  const formula = selected ? port.book.getFormulas(active, selected)[0]?.[0] : null;
  const tables = port.meta.tables.filter((t) => t.sheet === active);
  const charts = port.meta.charts.filter((c) => c.sheet === active);

  const select = (address: string) => {
    void port.selectRange(active, address);
  };
  const onKey = (e: KeyboardEvent) => {
    const p = parseCellOrThrow(focus);
    const move: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const d = move[e.key];
    if (!d) return;
    e.preventDefault();
    const next = cellA1(Math.min(Math.max(p.row + d[0], 1), bottom), Math.min(Math.max(p.col + d[1], 1), right));
    select(next);
    requestAnimationFrame(() => cellRefs.current.get(next)?.focus());
  };

  return (
    <section aria-label="Preview workbook" style={{ display: "flex", flexDirection: "column", gap: 6, minWidth: 0 }}>
      <TabList
        size="small"
        selectedValue={active}
        onTabSelect={(_, d) => setSheet(String(d.value))}
        aria-label="Sheets"
        style={{ flexWrap: "wrap" }}
      >
        {sheets.map((s) => (
          <Tab key={s} value={s}>
            {s}
          </Tab>
        ))}
      </TabList>
      <div
        aria-label="Formula bar"
        style={{
          fontFamily: "monospace",
          fontSize: 12,
          border: "1px solid #ccc",
          padding: "2px 6px",
          minHeight: 18,
          overflowWrap: "anywhere",
        }}
      >
        {selected
          ? `${active}!${selected}: ${formula === null || formula === undefined ? "" : String(formula)}`
          : "Select a cell"}
      </div>
      {tables.map((t) => (
        <Caption1 key={t.name}>
          Table {t.name} on {t.range}
        </Caption1>
      ))}
      <div style={{ overflow: "auto", maxHeight: "60vh", border: "1px solid #ddd" }}>
        <table
          role="grid"
          aria-label={`Sheet ${active}`}
          onKeyDown={onKey}
          style={{ borderCollapse: "collapse", fontSize: 12 }}
        >
          <thead>
            <tr>
              <th scope="col" style={{ background: "#f3f3f3" }}>
                <span style={{ position: "absolute", left: -9999 }}>Row</span>
              </th>
              {Array.from({ length: right }, (_, c) => (
                <th key={c} scope="col" style={{ background: "#f3f3f3", padding: "0 6px" }}>
                  {colLetters(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {values.map((row, i) => (
              <tr key={i}>
                <th scope="row" style={{ background: "#f3f3f3", padding: "0 4px" }}>
                  {i + 1}
                </th>
                {row.map((v, j) => {
                  const a = cellA1(i + 1, j + 1);
                  const st = cellStyle(port.meta, active, a, v);
                  const isSel = a === selected;
                  return (
                    <td
                      key={j}
                      role="gridcell"
                      aria-selected={isSel}
                      tabIndex={a === focus ? 0 : -1}
                      ref={(el) => {
                        if (el) cellRefs.current.set(a, el);
                        else cellRefs.current.delete(a);
                      }}
                      onClick={() => select(a)}
                      onFocus={() => {
                        if (!isSel) select(a);
                      }}
                      style={{
                        border: isSel ? "2px solid #0F6CBD" : "1px solid #e0e0e0",
                        padding: "0 6px",
                        whiteSpace: "nowrap",
                        maxWidth: 220,
                        overflow: "hidden",
                        textOverflow: "ellipsis",
                        textAlign: typeof v === "number" ? "right" : "left",
                        color: st.color ?? (v !== null && typeof v === "object" ? "#A4262C" : undefined),
                        background: st.background,
                      }}
                      title={v !== null && typeof v === "object" ? v.message : undefined}
                    >
                      {displayValue(v, st.format)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {(r.bottom > MAX_ROWS || r.right > MAX_COLS) && (
        <Caption1>
          Showing the first {MAX_ROWS} rows and {MAX_COLS} columns.
        </Caption1>
      )}
      {charts.map((c, k) => (
        <PreviewChart key={k} spec={c} read={(range) => port.book.getValues(active, range)} />
      ))}
    </section>
  );
}

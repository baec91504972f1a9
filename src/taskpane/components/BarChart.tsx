// A horizontal bar chart with both axes for the pane: categories up the side, a value axis along the
// bottom with £ ticks and a title, a zero line; it scales to the pane's width (viewBox) and never clips.
import { formatMoney } from "../numbers";
import { ChartFrame } from "./ChartFrame";

const W = 330;
const LABEL = 110;
const BAR = 16;
const TOP = 8;
const AXIS = 40;

/** "£12k", "-£1.2m": short tick labels. */
export function shortMoney(v: number): string {
  const a = Math.abs(v);
  const s = a >= 1e6 ? `${+(a / 1e6).toFixed(1)}m` : a >= 1e3 ? `${+(a / 1e3).toFixed(1)}k` : `${Math.round(a)}`;
  return `${v < 0 ? "-" : ""}£${s}`;
}

/** Up to five round ticks covering [lo, hi] (always including 0). */
export function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.floor(lo / step) * step; t <= hi + step / 2; t += step) out.push(Math.round(t * 100) / 100);
  return out;
}

export function BarChart({
  title,
  valueTitle,
  items,
}: {
  title: string;
  valueTitle: string;
  items: { label: string; value: number }[];
}) {
  const lo = Math.min(0, ...items.map((i) => i.value));
  const hi = Math.max(0, ...items.map((i) => i.value));
  const t = ticks(lo, hi);
  const min = Math.min(lo, t[0]);
  const max = Math.max(hi, t[t.length - 1]);
  const x = (v: number) => LABEL + ((v - min) / (max - min || 1)) * (W - LABEL - 12);
  const H = TOP + items.length * (BAR + 4) + AXIS;
  const base = TOP + items.length * (BAR + 4);
  const summary = items.map((i) => `${i.label}: ${formatMoney(i.value)}`).join("; ");
  return (
    <ChartFrame width={W} height={H} title={title} summary={summary}>
      {t.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={TOP} y2={base} stroke="#e0e0e0" />
          <text x={x(v)} y={base + 14} fontSize={10} textAnchor="middle" fill="#242424">
            {shortMoney(v)}
          </text>
        </g>
      ))}
      {items.map((it, i) => {
        const y = TOP + i * (BAR + 4);
        const label = it.label.length > 18 ? `${it.label.slice(0, 17)}…` : it.label;
        return (
          <g key={`${it.label}-${i}`}>
            <text x={LABEL - 4} y={y + BAR - 4} fontSize={10} textAnchor="end" fill="#242424">
              {label}
            </text>
            <rect
              x={Math.min(x(0), x(it.value))}
              y={y}
              width={Math.max(1, Math.abs(x(it.value) - x(0)))}
              height={BAR}
              fill={it.value < 0 ? "#C4314B" : "#107C10"}
            />
          </g>
        );
      })}
      <line x1={LABEL} x2={W - 12} y1={base} y2={base} stroke="#616161" />
      <line x1={x(0)} x2={x(0)} y1={TOP} y2={base} stroke="#616161" />
      <text x={LABEL + (W - LABEL - 12) / 2} y={base + 32} fontSize={11} textAnchor="middle" fill="#242424">
        {valueTitle}
      </text>
    </ChartFrame>
  );
}

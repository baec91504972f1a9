// A line chart for the pane and the saved paper: categories (years) along the bottom, a £ axis up the side with a
// zero line, one line per series told apart by colour, dash and marker (not colour alone), a legend, and every
// value in the accessible name. It scales to the pane's width (viewBox).
import { formatMoney } from "../numbers";
import { shortMoney, ticks } from "./BarChart";
import { ChartFrame } from "./ChartFrame";

const W = 330;
const H = 190;
const LEFT = 48;
const RIGHT = 10;
const TOP = 8;
const PLOT = 120;
const STYLES = [
  { colour: "#C4314B", dash: undefined, marker: "circle" },
  { colour: "#0F6CBD", dash: "6 3", marker: "square" },
  { colour: "#8A5A00", dash: "2 3", marker: "diamond" },
] as const;

export interface LineSeries {
  name: string;
  values: (number | null)[];
}

export function LineChart({
  title,
  valueTitle,
  categories,
  series,
}: {
  title: string;
  valueTitle: string;
  categories: string[];
  series: LineSeries[];
}) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const t = ticks(Math.min(0, ...all), Math.max(0, ...all));
  const min = Math.min(0, ...all, t[0]);
  const max = Math.max(0, ...all, t[t.length - 1]);
  const y = (v: number) => TOP + ((max - v) / (max - min || 1)) * PLOT;
  const step = categories.length > 1 ? (W - LEFT - RIGHT) / (categories.length - 1) : 0;
  const x = (i: number) => LEFT + (categories.length > 1 ? i * step : (W - LEFT - RIGHT) / 2);
  const summary = series
    .map(
      (s) =>
        `${s.name}: ${s.values.map((v, i) => `${categories[i]} ${v === null ? "no figure" : formatMoney(v, { whole: true })}`).join(", ")}`,
    )
    .join("; ");
  const legendY = TOP + PLOT + 36;
  return (
    <ChartFrame width={W} height={H} title={title} summary={summary}>
      {t.map((v) => (
        <g key={v}>
          <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} stroke={v === 0 ? "#616161" : "#e0e0e0"} />
          <text x={LEFT - 4} y={y(v) + 3} fontSize={9} textAnchor="end" fill="#242424">
            {shortMoney(v)}
          </text>
        </g>
      ))}
      {categories.map((c, i) =>
        // past six years every other label, so "2025-26" labels never overlap; the accessible name has them all
        categories.length > 6 && i % 2 === 1 ? null : (
          <text key={c} x={x(i)} y={TOP + PLOT + 14} fontSize={9} textAnchor="middle" fill="#242424">
            {c}
          </text>
        ),
      )}
      <text x={LEFT + (W - LEFT - RIGHT) / 2} y={TOP + PLOT + 26} fontSize={10} textAnchor="middle" fill="#242424">
        {valueTitle}
      </text>
      {series.map((s, k) => {
        const st = STYLES[k % STYLES.length];
        const points = s.values.flatMap((v, i) => (v === null ? [] : [[x(i), y(v)] as const]));
        return (
          <g key={s.name}>
            <polyline
              points={points.map(([px, py]) => `${px},${py}`).join(" ")}
              fill="none"
              stroke={st.colour}
              strokeWidth={2}
              strokeDasharray={st.dash}
            />
            {points.map(([px, py], i) => (
              <Marker key={i} kind={st.marker} x={px} y={py} colour={st.colour} />
            ))}
            <g transform={`translate(${LEFT + (k % 2) * 140}, ${legendY + Math.floor(k / 2) * 14})`}>
              <line x1={0} x2={18} y1={0} y2={0} stroke={st.colour} strokeWidth={2} strokeDasharray={st.dash} />
              <Marker kind={st.marker} x={9} y={0} colour={st.colour} />
              <text x={24} y={3} fontSize={10} fill="#242424">
                {s.name}
              </text>
            </g>
          </g>
        );
      })}
    </ChartFrame>
  );
}

function Marker({ kind, x, y, colour }: { kind: string; x: number; y: number; colour: string }) {
  if (kind === "square") return <rect x={x - 3} y={y - 3} width={6} height={6} fill={colour} />;
  if (kind === "diamond")
    return <polygon points={`${x},${y - 4} ${x + 4},${y} ${x},${y + 4} ${x - 4},${y}`} fill={colour} />;
  return <circle cx={x} cy={y} r={3} fill={colour} />;
}

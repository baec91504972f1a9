// A recorded chart drawn as a small SVG (the preview has no Excel charts): lines or bars per series.
import type { ChartSpec, CellValue } from "../ports/WorkbookPort";

const COLORS = ["#0F6CBD", "#C4314B", "#107C10", "#8764B8"];
const W = 320;
const H = 160;
const PAD = 28;

export function PreviewChart({ spec, read }: { spec: ChartSpec; read: (range: string) => CellValue[][] }) {
  const labels = read(spec.categories).map((r) =>
    r[0] === null ? "" : typeof r[0] === "object" ? r[0].error : String(r[0]),
  );
  const series = spec.series.map((s) => ({
    name: s.name,
    values: read(s.values).map((r) => (typeof r[0] === "number" ? r[0] : null)),
  }));
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = Math.min(0, ...all);
  const hi = Math.max(0, ...all);
  const span = hi - lo || 1;
  const n = Math.max(labels.length, ...series.map((s) => s.values.length), 1);
  const x = (i: number) => PAD + (i + 0.5) * ((W - 2 * PAD) / n);
  const y = (v: number) => H - PAD - ((v - lo) / span) * (H - 2 * PAD);
  const summary = series
    .map(
      (s) =>
        `${s.name}: ${s.values.map((v) => (v === null ? "blank" : Math.round(v).toLocaleString("en-GB"))).join(", ")}`,
    )
    .join("; ");
  return (
    <figure style={{ margin: "8px 0" }}>
      <svg width={W} height={H} role="img" aria-label={`${spec.title}. ${summary}`}>
        <line x1={PAD} x2={W - PAD} y1={y(0)} y2={y(0)} stroke="#888" />
        {series.map((s, k) =>
          spec.type === "line" ? (
            <polyline
              key={s.name}
              fill="none"
              stroke={COLORS[k % COLORS.length]}
              strokeWidth={2}
              points={s.values
                .map((v, i) => (v === null ? "" : `${x(i)},${y(v)}`))
                .filter(Boolean)
                .join(" ")}
            />
          ) : (
            s.values.map((v, i) =>
              v === null ? null : (
                <rect
                  key={`${s.name}-${i}`}
                  x={x(i) - 4 + k * 4}
                  width={4}
                  y={Math.min(y(v), y(0))}
                  height={Math.abs(y(v) - y(0))}
                  fill={COLORS[k % COLORS.length]}
                />
              ),
            )
          ),
        )}
      </svg>
      <figcaption>
        {spec.title} ({spec.sheet}!{spec.anchor})
        {series.length > 1
          ? `: ${series.map((s, k) => `${s.name} (${["blue", "red", "green", "purple"][k % 4]})`).join(", ")}`
          : ""}
      </figcaption>
    </figure>
  );
}

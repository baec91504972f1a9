// The frame every pane chart shares: a figure holding an SVG that scales to the pane's width (viewBox), is one image
// to assistive technology with its title and every value in its name, and a caption.
import type { ReactNode } from "react";

export function ChartFrame({
  width,
  height,
  title,
  summary,
  children,
}: {
  width: number;
  height: number;
  title: string;
  /** every value the chart shows, in words */
  summary: string;
  children: ReactNode;
}) {
  return (
    <figure style={{ margin: "8px 0", maxWidth: "100%" }}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}. ${summary}`}
        style={{ overflow: "visible", display: "block" }}
      >
        {children}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

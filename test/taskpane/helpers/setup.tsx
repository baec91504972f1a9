// Rendering helpers for screen tests: an App over a PreviewPort on a MemoryBook.
import { act, configure, fireEvent, render, screen } from "@testing-library/react";
import axe from "axe-core";
import { App } from "../../../src/taskpane/App";
import type { ScreenId } from "../../../src/taskpane/PaneContext";
import { PreviewPort } from "../../../src/taskpane/ports/PreviewPort";
import type { ExplainFn } from "../../../src/taskpane/ports/WorkbookPort";
import { planModel } from "../../../src/model/model";
import { createModel } from "../../../src/taskpane/actions/createModel";
import { LIBRARY } from "../../../src/engine/library";
import { MemoryBook, type Calc, echoCalc } from "./memoryBook";

// A screen's work (a headless recalculation, a file read) can take seconds on a loaded 2-core machine: findBy and
// waitFor wait up to 10 s for what the test expects instead of testing-library's 1 s. Nothing is asserted on time.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no ResizeObserver; Fluent's single-line MessageBar measures itself with one.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export const NATIONAL = LIBRARY.find((o) => o.name.includes("2024-25"))!.name;

export const noExplain: ExplainFn = async () => {
  throw new Error("explain not expected in this test");
};

export function previewPort(book = new MemoryBook(), explain: ExplainFn = noExplain): PreviewPort {
  return new PreviewPort(book, explain);
}

/** A workbook holding a model built by the real builders (sample data, 6 institutions). */
export async function modelPort(
  calc: Calc = echoCalc,
  explain: ExplainFn = noExplain,
  count = 6,
): Promise<{ port: PreviewPort; book: MemoryBook }> {
  const book = new MemoryBook({}, calc);
  const port = new PreviewPort(book, explain);
  const plan = planModel({
    existing: [],
    national: NATIONAL,
    candidates: [{ name: "Option A", inherits: "Local (sample)" }],
    sample: { count },
  });
  await createModel(port, plan, async () => {
    throw new Error("no confirmation expected");
  });
  return { port, book };
}

export async function renderScreen(
  port: PreviewPort | import("../../../src/taskpane/ports/WorkbookPort").WorkbookPort,
  screenId: ScreenId,
) {
  const utils = render(<App port={port} initialScreen={screenId} />);
  // the model is read once on mount (a few awaits on the in-memory book)
  await act(() => new Promise((r) => setTimeout(r, 0)));
  await act(() => new Promise((r) => setTimeout(r, 0)));
  return utils;
}

/** axe-core on the rendered pane: no serious or critical violations (colour contrast needs real layout). */
export async function expectAccessible(container: HTMLElement) {
  const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`)).toEqual([]);
}

/** React warnings (bad nesting, missing keys, act) fail the test that caused them. */
export function failOnConsoleError() {
  let spy: jest.SpyInstance;
  beforeEach(() => {
    spy = jest.spyOn(console, "error");
  });
  afterEach(() => {
    const calls = spy.mock.calls.map((c) => String(c[0]).slice(0, 200));
    spy.mockRestore();
    expect(calls).toEqual([]);
  });
}

/** Chooses a CSV for the Import screen's file input, as the browser would hand it over. */
export function uploadCsv(text: string, name = "schools.csv") {
  const file = new File([text], name, { type: "text/csv" });
  // jsdom's File has no arrayBuffer(): give it the bytes the browser would
  const bytes = Buffer.from(text, "utf8");
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  });
  fireEvent.change(screen.getByLabelText("School list (CSV or xlsx)"), { target: { files: [file] } });
}

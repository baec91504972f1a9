// Entry point of the browser preview: the same pane over an in-browser workbook (HyperFormula with the
// SEND functions) seeded with a small demo model, with a grid view of that workbook beside it.
// preview.html?workbook=empty starts from an empty workbook instead (New model from scratch; e2e tests).
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { PreviewPort } from "./ports/PreviewPort";
import { Grid } from "./preview/Grid";
import { buildPreviewModel } from "./preview/demoModel";
import { HeadlessWorkbook, type RawCell } from "../headless/workbook";
import { explainFormula } from "../functions/explain";

declare global {
  interface Window {
    sendPreview?: { sheets(): Record<string, RawCell[][]> };
  }
}

export function PreviewShell({ port }: { port: PreviewPort }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <div style={{ display: "flex", gap: 16, alignItems: "flex-start", padding: 8 }}>
        <div style={{ width: 350, flex: "none", border: "1px solid #ddd" }} aria-label="Task pane">
          <App port={port} />
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Grid port={port} />
        </div>
      </div>
    </FluentProvider>
  );
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label="Building the demo workbook…" />
    </FluentProvider>,
  );
  const book = HeadlessWorkbook.create();
  const port = new PreviewPort(book, explainFormula);
  // read-only, for the browser console and the e2e tests: each sheet's own contents (formulas as text)
  window.sendPreview = { sheets: () => book.toSheets() };
  const empty = new URLSearchParams(window.location.search).get("workbook") === "empty";
  try {
    if (empty) await port.addSheet("Sheet1");
    else await buildPreviewModel(port);
  } catch (e) {
    // shown in full: the preview is useless without its workbook, and the reason matters
    root.render(
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            Could not build the demo workbook: {e instanceof Error ? e.message : String(e)}
          </MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    throw e;
  }
  root.render(<PreviewShell port={port} />);
}

void main();

// Entry point of the browser preview: the same pane over an in-browser workbook (HyperFormula with the
// SEND functions) seeded with a small demo model, with a grid view of that workbook beside it.
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, Spinner, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { PreviewPort } from "./ports/PreviewPort";
import { Grid } from "./preview/Grid";
import { buildPreviewModel } from "./preview/demoModel";
import { HeadlessWorkbook } from "../headless/workbook";
import { explainFormula } from "../functions/explain";

export function PreviewShell({ port }: { port: PreviewPort }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <div style={{ display: "flex", gap: 16, alignItems: "flex-start", padding: 8 }}>
        <div style={{ width: 380, flex: "none", border: "1px solid #ddd" }} aria-label="Task pane">
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
  root.render(<FluentProvider theme={webLightTheme}><Spinner label="Building the demo workbook…" /></FluentProvider>);
  const port = new PreviewPort(HeadlessWorkbook.create(), explainFormula);
  try {
    await buildPreviewModel(port);
  } catch (e) {
    // shown in full: the preview is useless without its workbook, and the reason matters
    root.render(<FluentProvider theme={webLightTheme}><MessageBar intent="error" layout="multiline"><MessageBarBody>Could not build the demo workbook: {e instanceof Error ? e.message : String(e)}</MessageBarBody></MessageBar></FluentProvider>);
    throw e;
  }
  root.render(<PreviewShell port={port} />);
}

void main();

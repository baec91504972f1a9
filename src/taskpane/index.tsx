// Entry point inside Excel: wait for Office, then render the pane over the Excel workbook.
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { ExcelPort } from "./ports/ExcelPort";
import { explainFormula } from "../functions/explain";

Office.onReady((info) => {
  const root = createRoot(document.getElementById("root")!);
  if (info.host === Office.HostType.Excel) {
    root.render(<App port={new ExcelPort({ explain: explainFormula })} />);
  } else {
    root.render(
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            This task pane runs inside Excel. To try it in a browser, open preview.html (npm run preview).
          </MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
  }
});

// TEMP STUB (add-in shell helper) - delete me
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Button } from "@fluentui/react-components";
Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}><Button appearance="primary">Taskpane</Button></FluentProvider>,
  );
});

// TEMP STUB (add-in shell helper) - delete me
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Button, Input, Dialog, DialogTrigger, DialogSurface, DialogBody, DialogTitle, Tooltip } from "@fluentui/react-components";
import { HyperFormula } from "hyperformula";
import ExcelJS from "exceljs";
const hf = HyperFormula.buildFromArray([[1, 2, "=A1+B1"]], { licenseKey: "gpl-v3" });
const wb = new ExcelJS.Workbook();
wb.addWorksheet("S");
Office.onReady((info) => {
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      <Tooltip content="tip" relationship="label"><Button id="b" appearance="primary">Sum {String(hf.getCellValue({ sheet: 0, col: 2, row: 0 }))} {String(info.host)} {wb.worksheets.length}</Button></Tooltip>
      <Input id="i" />
      <Dialog><DialogTrigger disableButtonEnhancement><Button id="open">open</Button></DialogTrigger>
        <DialogSurface><DialogBody><DialogTitle>Hi</DialogTitle></DialogBody></DialogSurface></Dialog>
    </FluentProvider>,
  );
});

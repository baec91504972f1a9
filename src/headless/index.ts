// The headless host: HyperFormula with the SEND plugin, for the task pane's Preview port, the CLI and tests.
export { HeadlessWorkbook, type RawCell, type CellResult, type FormulaCell } from "./workbook";
export { SendPlugin, registerSendPlugin, takeResizes, SEND_FUNCTION_IDS } from "./plugin";

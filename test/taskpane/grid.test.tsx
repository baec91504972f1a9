/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Grid } from "../../src/taskpane/preview/Grid";
import { PreviewPort } from "../../src/taskpane/ports/PreviewPort";
import { displayValue } from "../../src/taskpane/preview/cellStyle";
import { MemoryBook } from "./helpers/memoryBook";
import { expectAccessible, failOnConsoleError } from "./helpers/setup";

function setup() {
  const book = new MemoryBook({
    Data: [
      ["Name", "Amount", "Change"],
      ["A", 1234.5, -0.05],
      ["B", -20, 0.1],
    ],
    Other: [["x"]],
  });
  const port = new PreviewPort(book, async () => ({ fn: "", lines: [] }));
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <Grid port={port} />
    </FluentProvider>,
  );
  return { port, book, ...utils };
}

describe("preview Grid", () => {
  failOnConsoleError();

  it("shows the first sheet's values, formats and conditional colours, and selects a clicked cell", async () => {
    const { port, container } = setup();
    await act(async () => {
      await port.setNumberFormat("Data", "B2:B3", "#,##0.00");
      await port.setNumberFormat("Data", "C2:C3", "0.0%");
      await port.addConditionalFormat({
        sheet: "Data",
        range: "B2:C3",
        rules: [{ operator: "lessThan", value: 0, fontColor: "#9C0006" }],
      });
    });
    const grid = screen.getByRole("grid", { name: "Sheet Data" });
    expect(within(grid).getByText("1,234.50")).toBeTruthy();
    expect(within(grid).getByText("-5.0%").style.color).toBe("rgb(156, 0, 6)");
    expect(within(grid).getByText("10.0%").style.color).toBe("");
    fireEvent.click(within(grid).getByRole("gridcell", { name: "B" }));
    expect(port.currentSelection()).toEqual({ sheet: "Data", address: "A3" });
    expect(screen.getByLabelText("Formula bar").textContent).toBe("Data!A3: B");
    fireEvent.keyDown(grid, { key: "ArrowRight" });
    expect(port.currentSelection()).toEqual({ sheet: "Data", address: "B3" });
    await expectAccessible(container);
  });

  it("switches sheets, follows the pane's selection and draws recorded charts", async () => {
    const { port } = setup();
    fireEvent.click(screen.getByRole("tab", { name: "Other" }));
    expect(screen.getByRole("grid", { name: "Sheet Other" })).toBeTruthy();
    await act(async () => {
      await port.selectRange("Data", "C2");
      await port.addChart({
        sheet: "Data",
        type: "line",
        title: "Amounts",
        categories: "A2:A3",
        series: [{ name: "Amount", values: "B2:B3" }],
        anchor: "E2:J10",
      });
    });
    expect(screen.getByRole("grid", { name: "Sheet Data" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "Amounts. Amount: 1,235, -20" })).toBeTruthy();
  });

  it("formats numbers the way the recorded formats say", () => {
    expect(displayValue(-1234.567, "£#,##0.00")).toBe("-£1,234.57");
    expect(displayValue(0.1234, "0.0%")).toBe("12.3%");
    expect(displayValue({ error: "#N/A" }, undefined)).toBe("#N/A");
    expect(displayValue(true, undefined)).toBe("TRUE");
  });
});

/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { expectAccessible, failOnConsoleError, modelPort, renderScreen } from "./helpers/setup";
import type { ExplainFn } from "../../src/taskpane/ports/WorkbookPort";
import { allocateAll, echoCalc, type Calc } from "./helpers/memoryBook";
import { presentTrace } from "../../src/taskpane/workbook/trace";

const calc: Calc = (f, at, book) =>
  allocateAll(f, () => ({ error: "#N/A", message: "short" })) ?? echoCalc(f, at, book);

describe("Explain screen", () => {
  failOnConsoleError();

  it("asks for a selection first", async () => {
    const { port } = await modelPort(calc);
    await renderScreen(port, "explain");
    fireEvent.click(screen.getByRole("button", { name: "Explain selected cell" }));
    expect(await screen.findByText("Select a cell in the workbook first.")).toBeTruthy();
  });

  it("says when the selected cell holds no SEND function", async () => {
    const { port } = await modelPort(calc);
    await port.selectRange("Institutions", "A2");
    await renderScreen(port, "explain");
    fireEvent.click(screen.getByRole("button", { name: "Explain selected cell" }));
    expect(await screen.findByText(/Institutions!A2 holds no SEND function/)).toBeTruthy();
  });

  it("shows the trace of the selected cell and its error message in full, reading ranges through the port", async () => {
    const refs: string[] = [];
    const offsets: unknown[] = [];
    const explain: ExplainFn = async (formula, read, sheet, at) => {
      // the selected cell is a spilled row: the port hands over the spill's formula and the row's offset in it
      const m = /^=SEND\.ALLOCATEALL\(([^,]+),"([^"]+)",([^,]+)\)$/.exec(formula)!;
      const rates = await read(m[1]);
      const table = await read(m[3]);
      const [fields, values] = [table[0], table[at!.row + 1]];
      refs.push(sheet, m[1], m[3], String(values[0]));
      offsets.push(at);
      return {
        fn: "SEND.ALLOCATEALL",
        error: {
          kind: "#N/A",
          message: `topup.mainstream.band2 is missing from option '${m[2]}' (and the options it inherits from: Local (sample), ${rates[0][4]}). Needed because EHCP Band 2 is ${values[fields.indexOf("EHCP Band 2")] ?? 0}.`,
        },
        lines: [
          {
            component: "Notional SEN",
            label: "Primary Pupils × be.primary × notional.be",
            key: "be.primary",
            from: "National 2024-25",
            rate: "3562",
            count: "200",
            amount: "35620.00",
          },
          { component: "Total", label: "sum of the rounded components", amount: "35620.00" },
        ],
      };
    };
    const { port } = await modelPort(calc, explain);
    await port.selectRange("Allocations", "D3");
    const { container } = await renderScreen(port, "explain");
    fireEvent.click(screen.getByRole("button", { name: "Explain selected cell" }));
    const box = await screen.findByLabelText("Explanation");
    expect(box.textContent).toContain("Allocations!D3: SEND.ALLOCATEALL");
    expect(offsets).toEqual([{ row: 1, col: 0 }]);
    expect(refs[3]).toBe((await port.readValues("Allocations", "A3"))[0][0]);
    expect(within(box).getByText("#N/A")).toBeTruthy();
    expect(box.textContent).toContain(
      "topup.mainstream.band2 is missing from option 'Option A' (and the options it inherits from: Local (sample), National 2024-25). Needed because EHCP Band 2 is",
    );
    const rows = within(within(box).getByRole("table", { name: "Trace" })).getAllByRole("row");
    expect(rows[1].textContent).toBe(
      "Notional SENPrimary Pupils × be.primary × notional.bebe.primaryNational 2024-25£3,562.00200£35,620.00",
    );
    expect(refs[0]).toBe("Allocations");
    expect(refs[1]).toMatch(/^Rates!\$A\$1:\$Z\$\d+$/);
    await expectAccessible(container);
  });

  it("shows a failure to explain", async () => {
    const { port } = await modelPort(calc, async () => {
      throw new Error("Explain does not know SEND.FIT yet.");
    });
    await port.selectRange("Allocations", "C3");
    await renderScreen(port, "explain");
    fireEvent.click(screen.getByRole("button", { name: "Explain selected cell" }));
    expect(await screen.findByText("Explain does not know SEND.FIT yet.")).toBeTruthy();
  });
});

describe("presentTrace", () => {
  it("puts the share inside the lines it multiplies, formats £ and folds away £0 steps", () => {
    const { shown, zero } = presentTrace([
      {
        component: "Notional SEN",
        label: "share of be counted as notional SEN",
        key: "notional.be",
        from: "Local",
        rate: "0.05",
        amount: "0",
      },
      {
        component: "Notional SEN",
        label: "Primary Pupils × be.primary × notional.be",
        key: "be.primary",
        from: "National",
        rate: "3562.5",
        count: "1200",
        amount: "213750",
      },
      {
        component: "Early intervention",
        label: "SEN Support × ei.sensupport",
        key: "ei.sensupport",
        from: "default",
        rate: "0",
        count: "14",
        amount: "0",
      },
      { component: "Total", label: "sum of the rounded components", amount: "213750.00" },
    ]);
    expect(shown).toEqual([
      {
        component: "Notional SEN",
        label: "Primary Pupils × be.primary × notional.be (5%)",
        key: "be.primary",
        from: "National",
        rate: "£3,562.50",
        count: "1,200",
        amount: "£213,750.00",
      },
      {
        component: "Total",
        label: "sum of the rounded components",
        key: "",
        from: "",
        rate: "",
        count: "",
        amount: "£213,750.00",
      },
    ]);
    expect(zero.map((z) => [z.label, z.amount])).toEqual([["SEN Support × ei.sensupport", "£0.00"]]);
  });
});

import { formatInUnit, formatMoney, formatPercent, parseNumberInput } from "../../src/taskpane/numbers";

const ok = (value: number) => ({ ok: true, value });

describe("parseNumberInput (the pane's one parser)", () => {
  it("reads budgets as officers type them", () => {
    expect(parseNumberInput("£5m", { label: "Budget" })).toEqual(ok(5_000_000));
    expect(parseNumberInput("5,000,000", { label: "Budget" })).toEqual(ok(5_000_000));
    expect(parseNumberInput("5.2m", { label: "Budget" })).toEqual(ok(5_200_000));
    expect(parseNumberInput("£1.234m", { label: "Budget" })).toEqual(ok(1_234_000));
    expect(parseNumberInput("0.07m", { label: "Budget" })).toEqual(ok(70_000));
    expect(parseNumberInput(" £ 750k ", { label: "Budget" })).toEqual(ok(750_000));
    expect(parseNumberInput("£1.2bn", { label: "Budget" })).toEqual(ok(1_200_000_000));
    expect(parseNumberInput("-£4,000,000", { label: "Opening balance" })).toEqual(ok(-4_000_000));
    expect(parseNumberInput("£-4m", { label: "Opening balance" })).toEqual(ok(-4_000_000));
    expect(parseNumberInput("(1,234.50)", { label: "Opening balance" })).toEqual(ok(-1234.5));
  });

  it("reads percentages in both the points and the fraction style", () => {
    expect(parseNumberInput("3%", { label: "Growth", kind: "percent" })).toEqual(ok(0.03));
    expect(parseNumberInput("3", { label: "Growth", kind: "percent" })).toEqual(ok(0.03));
    expect(parseNumberInput("-0.5%", { label: "Floor", kind: "percent" })).toEqual(ok(-0.005));
    expect(parseNumberInput("3%", { label: "Growth", kind: "fraction" })).toEqual(ok(0.03));
    expect(parseNumberInput("0.03", { label: "Growth", kind: "fraction" })).toEqual(ok(0.03));
  });

  it("refuses bad input with a message naming the field and showing what it accepts", () => {
    expect(parseNumberInput("lots", { label: "Budget" })).toEqual({
      ok: false,
      message: "Budget: 'lots' is not a number (for example £5m, 5,000,000 or 5.2m).",
    });
    expect(parseNumberInput("5%", { label: "Budget" })).toEqual({
      ok: false,
      message: "Budget: '5%' is a percentage, not an amount (for example £5m, 5,000,000 or 5.2m).",
    });
    expect(parseNumberInput("", { label: "Budget" })).toEqual({
      ok: false,
      message: "Budget: enter a value (for example £5m, 5,000,000 or 5.2m).",
    });
    expect(parseNumberInput("5m", { label: "Pupils", kind: "number" })).toMatchObject({ ok: false });
    expect(parseNumberInput("1,2,3", { label: "Budget" })).toMatchObject({ ok: false });
    expect(parseNumberInput("-1", { label: "Budget", min: 0 })).toEqual({
      ok: false,
      message: "Budget must be at least £0.",
    });
    expect(parseNumberInput("200%", { label: "Floor", kind: "percent", max: 1 })).toEqual({
      ok: false,
      message: "Floor must be at most 100%.",
    });
  });
});

describe("money and share display", () => {
  it("puts £ and thousands separators on every amount", () => {
    expect(formatMoney(1234567.5)).toBe("£1,234,567.50");
    expect(formatMoney(-5)).toBe("-£5.00");
    expect(formatMoney(5_000_000, { whole: true })).toBe("£5,000,000");
    expect(formatMoney({ error: "#NUM!" })).toBe("#NUM!");
    expect(formatPercent(0.031)).toBe("3.1%");
  });
  it("shows a rate in its unit", () => {
    expect(formatInUnit(19500, "£/pupil/year")).toBe("£19,500.00");
    expect(formatInUnit(0.05, "fraction 0-1")).toBe("5%");
    expect(formatInUnit(0.125, "fraction/year")).toBe("12.5%");
    expect(formatInUnit(38, "weeks")).toBe("38");
  });
});

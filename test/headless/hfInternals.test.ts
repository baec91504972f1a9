// HyperFormula internals the SEND plugin relies on (src/headless/hfInternals.ts), checked against the pinned version.
// An upgrade that moves or renames one of them fails here, naming it, before anything subtler breaks.
import { readFileSync } from "fs";
import { join } from "path";
import {
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import {
  AST,
  arrayCorners,
  evaluateArg,
  formulaRoot,
  graphOf,
  HF_VERSION,
  rangeVertexOf,
  sizedGraphOf,
  spillAt,
  storageKind,
  storeAs,
  type ProcedureAst,
  type State,
} from "../../src/headless/hfInternals";
import { HeadlessWorkbook } from "../../src/headless";

interface Seen {
  types: string[];
  values: unknown[];
  isRoot: boolean;
  hasVertex: boolean;
  graph: object;
  address: unknown;
  size: [number, number];
  b1: unknown;
}
const seen: Seen[] = [];

class ProbePlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    PROBE: {
      method: "probe",
      parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }],
      repeatLastArgs: 1,
    },
  };

  probe(ast: ProcedureAst, state: State): number {
    const values = ast.args.map((a) => evaluateArg(this, a, state));
    const range = values.find((v): v is SimpleRangeValue => v instanceof SimpleRangeValue);
    seen.push({
      types: ast.args.map((a) => a.type),
      values,
      isRoot: formulaRoot(ast, state).isRoot,
      hasVertex: range !== undefined && rangeVertexOf(this, range)?.getFunctionValue !== undefined,
      graph: graphOf(this),
      address: state.formulaAddress,
      size: [sizedGraphOf(this).getSheetHeight(0), sizedGraphOf(this).getSheetWidth(0)],
      b1: sizedGraphOf(this).getCellValue({ sheet: 0, row: 0, col: 1 }),
    });
    return 1;
  }
}

let probeEngine: HyperFormula | undefined;

test(`HyperFormula is the pinned ${HF_VERSION} (package.json pins it exactly)`, () => {
  expect(HyperFormula.version).toBe(HF_VERSION);
  const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  expect(pkg.dependencies.hyperformula).toBe(HF_VERSION);
});

test("internals: evaluateAst, AST node types, the formula vertex, range vertices, the graph", () => {
  HyperFormula.registerFunctionPlugin(ProbePlugin, { enGB: { PROBE: "PROBE" } });
  try {
    probeEngine = HyperFormula.buildFromArray([[1, 2, '=PROBE(A1:B1,A1,"s",)', "=1+PROBE(A:A)"]], {
      licenseKey: "gpl-v3",
    });
    const [top, inner] = seen;
    expect({ internal: "AST node types", types: top?.types }).toEqual({
      internal: "AST node types",
      types: [AST.cellRange, AST.cell, AST.string, AST.empty],
    });
    expect(inner?.types).toEqual([AST.columnRange]);
    expect({
      internal: "FunctionPlugin#evaluateAst",
      a1: top?.values[1],
      range: top?.values[0] instanceof SimpleRangeValue,
    }).toEqual({ internal: "FunctionPlugin#evaluateAst", a1: 1, range: true });
    expect({
      internal: "state.formulaVertex.formula (the AST root)",
      root: top?.isRoot,
      nested: inner?.isRoot,
    }).toEqual({ internal: "state.formulaVertex.formula (the AST root)", root: true, nested: false });
    expect({ internal: "state.formulaAddress", at: top?.address }).toEqual({
      internal: "state.formulaAddress",
      at: { sheet: 0, row: 0, col: 2 },
    });
    expect({ internal: "dependencyGraph.getRange → RangeVertex", ok: top?.hasVertex }).toEqual({
      internal: "dependencyGraph.getRange → RangeVertex",
      ok: true,
    });
    expect({
      internal: "dependencyGraph.getSheetHeight/getSheetWidth/getCellValue",
      size: top?.size,
      b1: top?.b1,
    }).toEqual({ internal: "dependencyGraph.getSheetHeight/getSheetWidth/getCellValue", size: [1, 4], b1: 2 });
    expect({ internal: "plugin.dependencyGraph is the engine's", ok: top?.graph === graphOf(probeEngine) }).toEqual({
      internal: "plugin.dependencyGraph is the engine's",
      ok: true,
    });
  } finally {
    probeEngine?.destroy();
    HyperFormula.unregisterFunctionPlugin(ProbePlugin);
  }
});

test("internals: arrayMapping (spill sizes and corners)", () => {
  const wb = HeadlessWorkbook.create({ Calc: [[null]] });
  wb.setCells("Calc", "A1", [["=SEND.DEFICIT(0,{1;2},{3;4})"]]);
  const hf = (wb as unknown as { hyperformula: HyperFormula }).hyperformula;
  expect({ internal: "arrayMapping.getArrayByCorner", spill: spillAt(hf, { sheet: 0, row: 0, col: 0 }) }).toEqual({
    internal: "arrayMapping.getArrayByCorner",
    spill: { width: 2, height: 2 },
  });
  expect({ internal: "arrayMapping.arrayMapping", corners: arrayCorners(hf) }).toEqual({
    internal: "arrayMapping.arrayMapping",
    corners: [{ sheet: 0, row: 0, col: 0 }],
  });
});

test("internals: addressMapping (a sheet's storage, chosen by the engine's policy)", () => {
  const wb = HeadlessWorkbook.create(); // its policy: an empty sheet dense, one filled under 1% sparse
  const hf = wb.hyperformula;
  const id = hf.getSheetId(hf.addSheet("2024"))!;
  expect({ internal: "addressMapping.getStrategyForSheetOrThrow", kind: storageKind(hf, id) }).toEqual({
    internal: "addressMapping.getStrategyForSheetOrThrow",
    kind: "dense",
  });
  storeAs(hf, id, 0.0001);
  hf.setCellContents({ sheet: id, row: 1_000_000, col: 16_000 }, [[5]]);
  expect({ internal: "addressMapping.addSheetOrChangeStrategy", kind: storageKind(hf, id) }).toEqual({
    internal: "addressMapping.addSheetOrChangeStrategy",
    kind: "sparse",
  });
  expect(hf.getCellValue({ sheet: id, row: 1_000_000, col: 16_000 })).toBe(5);
});

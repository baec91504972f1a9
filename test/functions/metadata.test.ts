// functions.json (what Excel reads) generated from src/functions/functions.ts: agrees with the registry, describes
// everything, and changes only together with the manifest Version (Excel caches metadata per add-in version).
import { readFileSync } from "fs";
import { resolve } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { REGISTRY, helpUrl } from "../../src/functions/registry";

// The build's finishing step (top-level options the generator cannot emit): the golden records what ships.
const { shippedMetadata } = require("../../scripts/addin/functions-json.js") as {
  shippedMetadata(generated: unknown): Metadata;
};

const ROOT = resolve(__dirname, "../..");
const GOLDEN_PATH = "test/golden/functions.json";

interface MetaParam {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface MetaFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetaParam[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: MetaFunction[];
}

const manifestVersion = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(
  readFileSync(resolve(ROOT, "manifest.xml"), "utf8"),
)![1];
const golden = JSON.parse(readFileSync(resolve(ROOT, GOLDEN_PATH), "utf8")) as {
  manifestVersion: string;
  metadata: Metadata;
};

let metadata: Metadata;
let errors: string[];

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([resolve(ROOT, "src/functions/functions.ts")], false);
  errors = r.errors;
  metadata = errors.length === 0 ? shippedMetadata(JSON.parse(r.metadataJson)) : { functions: [] };
});

test("functions.ts generates metadata without errors", () => {
  expect(errors).toEqual([]);
  expect(metadata.functions.map((f) => f.id)).toEqual(REGISTRY.map((s) => s.name));
});

test("the metadata matches the golden, and the golden records the manifest Version", () => {
  const advice =
    `The custom-functions metadata differs from ${GOLDEN_PATH}. Excel caches function metadata per add-in version: ` +
    `bump <Version> in manifest.xml (now ${manifestVersion}), then run \`node scripts/update-functions-golden.js\`.`;
  if (JSON.stringify(metadata) !== JSON.stringify(golden.metadata)) throw new Error(advice);
  if (golden.manifestVersion !== manifestVersion) {
    throw new Error(
      `${GOLDEN_PATH} records manifest Version ${golden.manifestVersion} but manifest.xml says ${manifestVersion}: ` +
        "run `node scripts/update-functions-golden.js` to record it.",
    );
  }
  expect(golden.metadata).toEqual(metadata);
});

describe.each(REGISTRY.map((s) => [s.name, s] as const))("%s", (name, spec) => {
  const meta = () => metadata.functions.find((f) => f.id === name)!;

  test("has the registry's name, description and help URL", () => {
    expect(meta().name).toBe(spec.name);
    expect(meta().description).toBe(spec.description);
    expect(meta().description!.trim().length).toBeGreaterThan(10);
    expect(meta().helpUrl).toBe(helpUrl(spec));
  });

  test("has the registry's parameters: names, descriptions, optional, dimensionality", () => {
    const params = meta().parameters ?? [];
    expect(params.map((p) => p.name)).toEqual(spec.parameters.map((p) => p.name));
    spec.parameters.forEach((p, i) => {
      expect(params[i].description).toBe(p.description);
      expect(params[i].description!.trim().length).toBeGreaterThan(5);
      expect(params[i].optional === true).toBe(p.optional === true);
      expect(params[i].dimensionality === "matrix").toBe(p.type === "range");
    });
  });

  test("returns a matrix exactly when the registry says so", () => {
    expect(meta().result.dimensionality === "matrix").toBe(spec.result === "matrix");
  });
});

test("error cells reach every function (allowErrorForDataTypeAny, any-typed parameters); data types do not", () => {
  expect(metadata.allowErrorForDataTypeAny).toBe(true);
  expect(metadata).not.toHaveProperty("allowCustomDataForDataTypeAny");
  // Excel applies allowErrorForDataTypeAny only to parameters typed any or any[][]
  const typed = metadata.functions.flatMap((f) =>
    f.parameters.filter((p) => p.type !== "any").map((p) => `${f.id}.${p.name}`),
  );
  expect(typed).toEqual([]);
});

test("no description contains an at-sign tag (it would be cut there)", () => {
  for (const s of REGISTRY) {
    for (const text of [s.description, s.help, ...s.parameters.map((p) => p.description)])
      expect(text).not.toMatch(/@\w/);
  }
});

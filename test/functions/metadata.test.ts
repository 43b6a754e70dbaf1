/**
 * The custom-function metadata as built: dist/functions.json (generated from the JSDoc tags)
 * and dist/functions.zh-CN.json (the same with Chinese descriptions). jest builds dist/ first
 * when it is missing or stale (scripts/testSequencer.js).
 *
 * @needs dist
 */
import * as fs from "fs";
import * as path from "path";

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { dimensionality?: string; type?: string };
}

const DIST = path.join(__dirname, "../../dist");

function load(file: string): FunctionMeta[] {
  const at = path.join(DIST, file);
  if (!fs.existsSync(at)) {
    throw new Error(`${at} does not exist: build first (npm run build, or npx webpack --mode production)`);
  }
  return (JSON.parse(fs.readFileSync(at, "utf8")) as { functions: FunctionMeta[] }).functions;
}

const en = load("functions.json");
const zh = load("functions.zh-CN.json");
const byId = new Map(en.map((f) => [f.id, f]));

/** Leading arguments as they must be declared; `[name]` is optional. */
const SIGNATURES: Record<string, string[]> = {
  DRG_WEIGHT: [
    "groups",
    "costs",
    "[lookup]",
    "[trim]",
    "[trim_k]",
    "[min_cases]",
    "[counts]",
    "[years]",
    "[year_weights]",
  ],
  DRG_WEIGHT_STD: ["groups", "category_costs", "[shares]", "[lookup]"],
  CMI: ["groups", "weight_table", "[by]", "[counts]"],
  TOTAL_WEIGHT: ["groups", "weight_table", "[by]", "[counts]"],
  // by design: without a weight table every group counts
  GROUP_COUNT: ["groups", "[weight_table]", "[by]", "[counts]"],
  COST_INDEX: ["groups", "costs", "[by]", "[benchmark_table]", "[counts]"],
  TIME_INDEX: ["groups", "los", "[by]", "[benchmark_table]", "[counts]"],
  MARGIN_CONTRIB: ["revenue", "cost", "[by]", "[result]", "[counts]"],
  CMI_COST_INDEX: ["groups", "costs", "weight_table", "rate"],
  CMI_ADJUSTED: ["values", "groups", "weight_table", "[by]", "[kind]", "[counts]", "[missing]"],
  LOS_TARGET: ["groups", "los", "weight_table", "by", "[benchmark]", "[percentile]", "[counts]", "[missing]"],
  COST_TARGET: ["groups", "costs", "weight_table", "by", "[benchmark]", "[percentile]", "[counts]", "[missing]"],
  PREPAYMENT: ["cmi", "cases", "x", "y", "[model]", "[log_y]"],
  CMI_COMPARE: ["groups_a", "weight_table_a", "groups_b", "weight_table_b", "[by]", "[counts]", "[missing]"],
  DRUG_INDEX: ["groups", "drug_costs", "[by]", "[benchmark_table]", "[counts]"],
  MATERIAL_INDEX: ["groups", "material_costs", "[by]", "[benchmark_table]", "[counts]"],
  CMI_TARGET: ["groups", "weight_table", "periods", "by", "[benchmark_table]", "[share]", "[counts]", "[missing]"],
};

/** Parameters that take ranges: `any` matrices, so text cells arrive and can be checked. */
const RANGE_PARAMETERS = new Set([
  "groups",
  "costs",
  "lookup",
  "counts",
  "years",
  "year_weights",
  "category_costs",
  "shares",
  "weight_table",
  "by",
  "benchmark_table",
  "los",
  "revenue",
  "cost",
  "values",
  "cmi",
  "cases",
  "x",
  "y",
  "groups_a",
  "groups_b",
  "weight_table_a",
  "weight_table_b",
  "drug_costs",
  "material_costs",
  "periods",
]);

const CJK = /[\u4e00-\u9fff]/;

describe("dist/functions.json", () => {
  it("allows data-type cells in any arguments, in both languages (read as their basic values)", () => {
    // src/engine/cellValue.ts reads them; test/functions/dataTypes.test.ts pins the values.
    for (const file of ["functions.json", "functions.zh-CN.json"]) {
      const raw = JSON.parse(fs.readFileSync(path.join(DIST, file), "utf8")) as {
        allowCustomDataForDataTypeAny?: unknown;
      };
      expect({ file, allow: raw.allowCustomDataForDataTypeAny }).toEqual({ file, allow: true });
    }
  });

  it("declares each function once, with name = id in upper case", () => {
    expect(new Set(en.map((f) => f.id)).size).toBe(en.length);
    for (const f of en) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(f.name).toBe(f.id);
    }
  });

  it.each(Object.entries(SIGNATURES))("declares %s with exactly its leading arguments", (id, signature) => {
    const f = byId.get(id);
    expect(f).toBeDefined();
    const declared = f!.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
    expect(declared.slice(0, signature.length)).toEqual(signature);
  });

  it("types range parameters as any matrices and returns matrices", () => {
    for (const id of Object.keys(SIGNATURES)) {
      const f = byId.get(id)!;
      for (const p of f.parameters) {
        if (RANGE_PARAMETERS.has(p.name)) {
          expect({ id, name: p.name, type: p.type, dimensionality: p.dimensionality }).toEqual({
            id,
            name: p.name,
            type: "any",
            dimensionality: "matrix",
          });
        } else {
          // options are single values
          expect({ id, name: p.name, dimensionality: p.dimensionality ?? "scalar" }).toEqual({
            id,
            name: p.name,
            dimensionality: "scalar",
          });
        }
      }
      expect(f.result?.dimensionality).toBe("matrix");
    }
  });

  it("has a description for every function and parameter, and no required parameter after an optional one", () => {
    for (const f of en) {
      expect({ id: f.id, described: (f.description ?? "").length > 10 }).toEqual({ id: f.id, described: true });
      let optionalSeen = false;
      for (const p of f.parameters) {
        expect({ id: f.id, name: p.name, described: (p.description ?? "").length > 0 }).toEqual({
          id: f.id,
          name: p.name,
          described: true,
        });
        if (p.optional) optionalSeen = true;
        else
          expect({ id: f.id, name: p.name, requiredAfterOptional: optionalSeen }).toEqual({
            id: f.id,
            name: p.name,
            requiredAfterOptional: false,
          });
      }
    }
  });
});

describe("dist/functions.zh-CN.json", () => {
  it("lists the same functions with the same parameters, types and flags", () => {
    const strip = (fs: FunctionMeta[]) =>
      fs.map((f) => ({
        id: f.id,
        name: f.name,
        result: f.result,
        parameters: f.parameters.map((p) => ({
          name: p.name,
          type: p.type,
          dimensionality: p.dimensionality,
          optional: p.optional,
        })),
      }));
    expect(strip(zh)).toEqual(strip(en));
  });

  // Generic: every function present, whichever module registered it (audit, quality, payment, trends...).
  it.each(en.map((f) => [f.id]))("%s has a Chinese description and Chinese help for every parameter", (id) => {
    const e = byId.get(id)!;
    const z = zh.find((f) => f.id === id);
    expect(z).toBeDefined();
    expect(z!.description).toMatch(CJK);
    expect(z!.description).not.toBe(e.description);
    e.parameters.forEach((p, i) => {
      const zp = z!.parameters[i];
      expect({ name: p.name, zh: CJK.test(zp.description ?? "") }).toEqual({ name: p.name, zh: true });
      expect({ name: p.name, differs: zp.description !== p.description }).toEqual({ name: p.name, differs: true });
    });
  });

  it("is what the manifest gives Excel for the zh-CN locale", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
    expect(manifest).toMatch(/<bt:Override\s+Locale="zh-CN"\s+Value="[^"]*functions\.zh-CN\.json"\s*\/>/);
  });
});

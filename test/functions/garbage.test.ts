/**
 * Random garbage into every custom function: whatever Excel could hand over (strings, numbers,
 * NaN, Infinity, booleans, null, nested arrays, error values, ranges of mismatched shapes), the
 * result is a rectangular array of finite numbers, text, booleans and Excel errors, or a thrown
 * Excel error ({code: "#...", message?}) that the engine raised on purpose: never a crash of
 * the code itself (which the guard would report as "calculation failed").
 */
import * as fc from "fast-check";
import * as fs from "fs";
import * as path from "path";
import { cmi, groupCount, totalWeight } from "../../src/functions/caseMix";
import { costIndex, timeIndex } from "../../src/functions/efficiency";
import { currentLanguage, isExcelError, setLanguage } from "../../src/functions/excel";
import { cmiCostIndexFunction, marginContrib } from "../../src/functions/margins";
import { drgWeight, drgWeightStd } from "../../src/functions/weights";

type Fn = (...args: any[]) => unknown;

const EXCEL_CODES = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#REF!", "#NAME?", "#BUSY!"]);

function checkCell(cell: unknown): void {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new Error(`a result cell is ${cell}`);
  } else if (typeof cell === "object" && cell !== null) {
    if (!isExcelError(cell) || !EXCEL_CODES.has(cell.code)) throw new Error(`a result cell is ${JSON.stringify(cell)}`);
  } else if (typeof cell !== "string" && typeof cell !== "boolean") {
    throw new Error(`a result cell is ${String(cell)} (${typeof cell})`);
  }
}

/**
 * Runs one call and checks its outcome; returns "ok" or "error" for the statistics. With
 * `shape`, a result must also be a non-empty rectangular array (what Excel can spill).
 */
function outcome(fn: Fn, args: unknown[], shape = true): "ok" | "error" {
  let out: unknown;
  try {
    out = fn(...args);
  } catch (e) {
    if (!isExcelError(e) || !EXCEL_CODES.has(e.code)) throw new Error(`threw a non-Excel error: ${String(e)}`);
    const message = String(e.message ?? "");
    if (/^(calculation failed|计算失败)/.test(message)) throw new Error(`crashed inside: ${message}`);
    if (currentLanguage() === "zh" && message !== "" && !/[\u4e00-\u9fff]/.test(message)) {
      throw new Error(`a message in English while the language is Chinese: ${message}`);
    }
    return "error";
  }
  if (!shape) {
    const visit = (x: unknown): void => (Array.isArray(x) ? x.forEach(visit) : checkCell(x));
    visit(out);
    return "ok";
  }
  if (!Array.isArray(out) || out.length === 0) throw new Error(`result is not a non-empty array: ${String(out)}`);
  const width = Array.isArray(out[0]) ? out[0].length : -1;
  for (const row of out) {
    if (!Array.isArray(row) || row.length !== width || width === 0) throw new Error("result is not rectangular");
    row.forEach(checkCell);
  }
  return "ok";
}

// ---- arbitraries ------------------------------------------------------------------------

const words = fc.constantFrom(
  "GB11", "gb11", " ＧＢ１３ ", "ES21", "A", "B", "", " ", "n/a", "#N/A", "#DIV/0!", "1,200", "１２", "1e400",
  "-3", "0", "TRUE", "病例数", "DRG编码", "住院总费用", "none", "iqr", "sd", "logsd", "percentile",
  "exclude", "error", "rate", "amount", "contribution", "cost", "1,2,7", "0.2,0.2,0.2,0.2,0.2", "内科",
);
const oddValues = fc.constantFrom<unknown>(
  null, undefined, NaN, Infinity, -Infinity, -0, 0, 1e308, -1, true, false, new Error("#REF!"),
  { code: "#N/A" }, { code: "#VALUE!", message: "x" }, {}, [], [[]], [[1]], [["GB11", 2]],
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: words },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: oddValues },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(words, fc.integer()), { maxLength: 3 }) },
);

/** A rectangular range of `rows` x `cols` cells. */
const range = (rows: number, cols: number, of: fc.Arbitrary<unknown> = cell) =>
  fc.array(fc.array(of, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** Pure garbage: a scalar, a range of any shape, a ragged array, an empty array. */
const garbageArg: fc.Arbitrary<unknown> = fc.oneof(
  cell,
  fc.integer({ min: 1, max: 6 }).chain((r) => fc.integer({ min: 1, max: 3 }).chain((c) => range(r, c))),
  fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 5 }),
  fc.constantFrom<unknown>([], [[]], null, undefined),
);

/**
 * Plausible arguments with noise: every range argument has the same number of rows n, mostly
 * codes and numbers, sometimes a wrong cell, sometimes a wrong size, so the calls reach deep
 * into the engine rather than stopping at the first check.
 */
type Kind = "code" | "num" | "table" | "opt" | "multi" | "rate";
const codes = fc.constantFrom<unknown>("GB11", "gb13", "ES21", "ＦＲ２３", "", null, 0);
const num = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(fc.integer({ min: 0, max: 50000 }), fc.double({ min: 0, max: 1e6, noNaN: true })) },
  { weight: 1, arbitrary: cell },
);
const table = fc.oneof(
  // every code of `codes` weighed, sometimes with a bad weight
  fc.tuple(num, num, num, num).map((w) => [["DRG", "RW"], ["GB11", w[0]], ["GB13", w[1]], ["ES21", w[2]], ["FR23", w[3]]]),
  fc.array(fc.tuple(codes, num), { maxLength: 5 }).map((rows) => rows.map((r) => [...r])),
);
const plausibleArg = (n: number, kind: Kind): fc.Arbitrary<unknown> => {
  const m = fc.oneof({ weight: 9, arbitrary: fc.constant(n) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: n + 2 }) });
  switch (kind) {
    case "code":
      return m.chain((k) => range(k, 1, codes));
    case "num":
      return m.chain((k) => range(k, 1, num));
    case "multi":
      return fc.integer({ min: 1, max: 5 }).chain((c) => m.chain((k) => range(k, c, num)));
    case "table":
      return fc.oneof(table, garbageArg);
    case "opt":
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: words },
        { weight: 1, arbitrary: num },
        { weight: 1, arbitrary: garbageArg },
      );
    case "rate":
      return fc.oneof({ weight: 8, arbitrary: fc.double({ min: 1, max: 1e5, noNaN: true }) }, { weight: 1, arbitrary: cell });
  }
};
const FUNCTIONS: { name: string; required: number; fn: Fn; kinds: Kind[] }[] = [
  { name: "DRG_WEIGHT", required: 2, fn: drgWeight, kinds: ["code", "num", "opt", "opt", "opt", "opt", "num", "code", "opt", "opt", "opt"] },
  { name: "DRG_WEIGHT_STD", required: 2, fn: drgWeightStd, kinds: ["code", "multi", "opt", "opt", "opt", "num", "opt"] },
  { name: "CMI", required: 2, fn: cmi, kinds: ["code", "table", "code", "num", "opt"] },
  { name: "TOTAL_WEIGHT", required: 2, fn: totalWeight, kinds: ["code", "table", "code", "num", "opt"] },
  { name: "GROUP_COUNT", required: 1, fn: groupCount, kinds: ["code", "opt", "code", "num", "opt"] },
  { name: "COST_INDEX", required: 2, fn: costIndex, kinds: ["code", "num", "code", "table", "num"] },
  { name: "TIME_INDEX", required: 2, fn: timeIndex, kinds: ["code", "num", "code", "table", "num"] },
  { name: "MARGIN_CONTRIB", required: 2, fn: marginContrib, kinds: ["multi", "multi", "code", "opt", "num"] },
  { name: "CMI_COST_INDEX", required: 4, fn: cmiCostIndexFunction, kinds: ["code", "multi", "table", "rate", "code", "opt", "num", "opt"] },
];

/** Plausible argument lists: the required ones present, each optional one present or left out. */
const plausibleArgs = (kinds: Kind[], required: number) =>
  fc.integer({ min: 0, max: 8 }).chain((n) =>
    fc.tuple(
      ...kinds.map((kind, i) =>
        i < required ? plausibleArg(n, kind) : fc.oneof(fc.constant(undefined), fc.constant(null), plausibleArg(n, kind)),
      ),
    ),
  );

beforeAll(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

describe.each(FUNCTIONS)("$name never crashes and never shows NaN or Infinity", ({ fn, kinds, required }) => {
  it("on pure garbage", () => {
    fc.assert(
      fc.property(fc.array(garbageArg, { minLength: 0, maxLength: kinds.length }), (args) => {
        outcome(fn, args);
      }),
      { numRuns: 300 },
    );
  });

  it("on plausible arguments with noise (and some of them compute a result)", () => {
    let ok = 0;
    fc.assert(
      fc.property(plausibleArgs(kinds, required), (args) => {
        if (outcome(fn, args) === "ok") ok++;
      }),
      { numRuns: 400 },
    );
    // the generator must reach the computation, or the property proves little
    expect(ok).toBeGreaterThan(20);
  });

  it("in Chinese too", () => {
    setLanguage("zh");
    try {
      fc.assert(fc.property(plausibleArgs(kinds, required), (args) => void outcome(fn, args)), { numRuns: 100 });
    } finally {
      setLanguage("en");
    }
  });
});

describe("every other registered custom function", () => {
  // Functions other modules register (audit, quality, payment, trends...): found by their
  // @customfunction tag, so new ones are covered without editing this file. Checked for the
  // rule every function shares (no crash, no NaN or Infinity); their shapes are their own.
  const dir = path.join(__dirname, "../../src/functions");
  const mine = new Set(FUNCTIONS.map((f) => f.fn));
  const others: { name: string; file: string; exportName: string }[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    const re = /@customfunction\s+([A-Z0-9_.]+)[\s\S]*?\*\/\s*export\s+(?:async\s+)?function\s+(\w+)/g;
    for (let m = re.exec(source); m; m = re.exec(source)) others.push({ name: m[1], file, exportName: m[2] });
  }

  it("finds the functions of this module by their tags", () => {
    const names = others.map((o) => o.name);
    for (const f of FUNCTIONS) expect(names).toContain(f.name);
  });

  const rest = others.filter((o) => !["caseMix.ts", "efficiency.ts", "margins.ts", "weights.ts"].includes(o.file));
  if (rest.length === 0) return;
  it.each(rest)("$name ($file) on garbage", ({ file, exportName }) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fn = require(path.join(dir, file))[exportName] as Fn;
    expect(typeof fn).toBe("function");
    if (mine.has(fn)) return;
    fc.assert(
      fc.property(fc.array(garbageArg, { minLength: 0, maxLength: 8 }), fc.boolean(), (args, zh) => {
        setLanguage(zh ? "zh" : "en");
        try {
          outcome(fn, args, false);
        } finally {
          setLanguage("en");
        }
      }),
      { numRuns: 200 },
    );
  });
});

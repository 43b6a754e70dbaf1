/**
 * Arbitraries and checks shared by the fuzz tests of the custom functions (garbage.test.ts,
 * contract.test.ts): cells of every kind Excel hands over (numbers, text, blanks, booleans,
 * error objects, "#N/A" text, huge and tiny numbers), ranges of any shape, and plausible
 * argument lists with noise; `outcome` runs one call and checks the functions' contract.
 */
import * as fc from "fast-check";
import { currentLanguage, isExcelError } from "../../src/functions/excel";

export type Fn = (...args: any[]) => unknown;

export const EXCEL_CODES = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#REF!", "#NAME?", "#BUSY!"]);

export function checkCell(cell: unknown): void {
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
export function outcome(fn: Fn, args: unknown[], shape = true): "ok" | "error" {
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

export const words = fc.constantFrom(
  "GB11",
  "gb11",
  " ＧＢ１３ ",
  "ES21",
  "A",
  "B",
  "",
  " ",
  "n/a",
  "#N/A",
  "#DIV/0!",
  "1,200",
  "１２",
  "1e400",
  "-3",
  "0",
  "TRUE",
  "病例数",
  "DRG编码",
  "住院总费用",
  "none",
  "iqr",
  "sd",
  "logsd",
  "percentile",
  "exclude",
  "error",
  "rate",
  "amount",
  "contribution",
  "cost",
  "1,2,7",
  "0.2,0.2,0.2,0.2,0.2",
  "内科",
);
const oddValues = fc.constantFrom<unknown>(
  null,
  undefined,
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1e308,
  -1e308,
  5e-324,
  1e-300,
  -1,
  true,
  false,
  new Error("#REF!"),
  { code: "#N/A" },
  { code: "#VALUE!", message: "x" },
  {},
  [],
  [[]],
  [[1]],
  [["GB11", 2]],
  // Excel data-type cells (allowCustomDataForDataTypeAny): read as their basic values.
  { type: "Double", basicValue: 2, numberFormat: "0.00" },
  { type: "FormattedNumber", basicValue: 1e308, numberFormat: "0" },
  { type: "String", basicValue: "GB11" },
  { type: "String", basicValue: "#N/A" },
  { type: "Boolean", basicValue: true },
  { type: "Empty", basicValue: "" },
  { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" },
  { type: "Entity", text: "GB11", properties: {}, basicType: "Error", basicValue: "#VALUE!" },
  { type: "WebImage", address: "https://example.invalid/x.png" },
);
export const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: words },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: oddValues },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(words, fc.integer()), { maxLength: 3 }) },
);

/** A rectangular range of `rows` x `cols` cells. */
export const range = (rows: number, cols: number, of: fc.Arbitrary<unknown> = cell) =>
  fc.array(fc.array(of, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** Pure garbage: a scalar, a range of any shape, a ragged array, an empty array. */
export const garbageArg: fc.Arbitrary<unknown> = fc.oneof(
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
export type Kind = "code" | "num" | "table" | "opt" | "multi" | "rate" | "key" | "died" | "period" | "pair";
export const codes = fc.constantFrom<unknown>("GB11", "gb13", "ES21", "ＦＲ２３", "", null, 0);
export const keys = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<unknown>("内科", "外科", "A", "b", "", null) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({ code: "#N/A" }, "#N/A", 0) },
);
export const died = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom<unknown>(0, 1, "是", "否", true, false, "", null) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(2, 5, 9, "死亡", "#N/A", { code: "#N/A" }) },
  { weight: 1, arbitrary: cell },
);
export const num = fc.oneof(
  { weight: 8, arbitrary: fc.oneof(fc.integer({ min: 0, max: 50000 }), fc.double({ min: 0, max: 1e6, noNaN: true })) },
  { weight: 1, arbitrary: cell },
);
export const table = fc.oneof(
  // every code of `codes` weighed, sometimes with a bad weight
  fc.tuple(num, num, num, num).map((w) => [
    ["DRG", "RW"],
    ["GB11", w[0]],
    ["GB13", w[1]],
    ["ES21", w[2]],
    ["FR23", w[3]],
  ]),
  fc.array(fc.tuple(codes, num), { maxLength: 5 }).map((rows) => rows.map((r) => [...r])),
);
export const plausibleArg = (n: number, kind: Kind): fc.Arbitrary<unknown> => {
  const m = fc.oneof(
    { weight: 9, arbitrary: fc.constant(n) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: n + 2 }) },
  );
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
      return fc.oneof(
        { weight: 8, arbitrary: fc.double({ min: 1, max: 1e5, noNaN: true }) },
        { weight: 1, arbitrary: cell },
      );
    case "key":
      return m.chain((k) => range(k, 1, keys));
    case "died":
      return m.chain((k) => range(k, 1, died));
    case "period":
      // one column of groups, or group and unit
      return fc
        .integer({ min: 1, max: 2 })
        .chain((c) => m.chain((k) => range(k, c, c === 1 ? codes : fc.oneof(codes, keys))));
    case "pair":
      // group code and case count
      return m.chain((k) =>
        fc.array(fc.tuple(codes, num), { minLength: k, maxLength: k }).map((r) => r.map((x) => [...x])),
      );
  }
};
/** Plausible argument lists: the required ones present, each optional one present or left out. */
export const plausibleArgs = (kinds: Kind[], required: number) =>
  fc
    .integer({ min: 0, max: 8 })
    .chain((n) =>
      fc.tuple(
        ...kinds.map((kind, i) =>
          i < required
            ? plausibleArg(n, kind)
            : fc.oneof(fc.constant(undefined), fc.constant(null), plausibleArg(n, kind)),
        ),
      ),
    );

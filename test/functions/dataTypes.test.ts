/**
 * Excel data-type cells through the custom functions (issue 9 item 5). With
 * `allowCustomDataForDataTypeAny` in the metadata, a cell holding a data type arrives as its
 * JSON (`{ type: "Double", basicValue: 100 }`); every function reads it as its basic value,
 * and an error-typed one as that Excel error (src/engine/cellValue.ts).
 */
import * as fc from "fast-check";
import { cmi, groupCount, totalWeight } from "../../src/functions/caseMix";
import { setLanguage } from "../../src/functions/excel";
import { riskLevel } from "../../src/functions/quality";
import { marginContrib } from "../../src/functions/margins";
import { drgWeight } from "../../src/functions/weights";

const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);
const dbl = (basicValue: number) => ({ type: "Double", basicValue, numberFormat: "0.00" });
const fmt = (basicValue: number) => ({ type: "FormattedNumber", basicValue, numberFormat: "¥#,##0.00" });
const str = (basicValue: string) => ({ type: "String", basicValue });
const bool = (basicValue: boolean) => ({ type: "Boolean", basicValue });
const EMPTY = { type: "Empty", basicValue: "" };
const DIV0 = { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" };
const ENTITY = { type: "Entity", text: "GB11", properties: {}, basicType: "Error", basicValue: "#VALUE!" };

function excelErr(f: () => unknown): { code: string; message?: string } {
  try {
    f();
  } catch (e) {
    return e as { code: string; message?: string };
  }
  throw new Error("expected an Excel error");
}

beforeEach(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

describe("data-type cells are read as their basic values", () => {
  // Plain table: GB11 2, GB13 1.5, ES21 0.5; cases GB11, GB13, ES21, GB11 ->
  // TW = 2 + 1.5 + 0.5 + 2 = 6, N = 4, CMI = 1.5, 3 groups.
  const plainTable = [
    ["DRG编码", "权重"],
    ["GB11", 2],
    ["GB13", 1.5],
    ["ES21", 0.5],
  ];
  const plainGroups = col("DRG编码", "GB11", "GB13", "ES21", "GB11");

  it("a range mixing plain and data-type cells gives the plain range's results", () => {
    const table = [
      [str("DRG编码"), "权重"],
      [str("GB11"), dbl(2)],
      ["GB13", fmt(1.5)],
      [str("ES21"), "0.5"],
    ];
    const groups = col(str("DRG编码"), "GB11", str("gb13"), str("ES21"), "GB11");
    expect(cmi(groups, table)[0][0]).toBeCloseTo(1.5, 12);
    expect(cmi(groups, table)).toEqual(cmi(plainGroups, plainTable));
    expect(totalWeight(groups, table)[0][0]).toBeCloseTo(6, 12);
    expect(groupCount(groups, table)).toEqual([[3]]);
  });

  it("data-type keys group like their text, and an Empty data type is a blank row", () => {
    // 内科: GB11 2 + GB13 1.5 = 3.5 over 2 cases = 1.75; 外科: ES21 0.5 + GB11 2 = 2.5 / 2 = 1.25
    const by = col("科室", str("内科"), "内科", str("外科"), { type: "String", basicValue: " 外科 " });
    const rows = cmi(plainGroups, plainTable, by);
    expect(rows[0][0]).toBe("内科");
    expect(rows[0][1]).toBeCloseTo(1.75, 12);
    expect(rows[1][0]).toBe("外科");
    expect(rows[1][1]).toBeCloseTo(1.25, 12);
    // An Empty data-type cell is a blank cell: a blank group beside a cost is an empty group
    // counted in the note (cases GB11 at 100 and GB11 at 300: weight 1, 1 row skipped).
    const withEmpty = drgWeight(col("DRG", "GB11", EMPTY, "GB11"), col("费用", 100, 200, 300), undefined, "none");
    expect(withEmpty[0].slice(0, 3)).toEqual(["GB11", 1, 2]);
    expect(String(withEmpty[1][0])).toBe("(skipped: 1 with an empty group)");
  });

  it("numbers formatted as data types are costs and revenue", () => {
    // revenue 10000 + 11000 = 21000, cost 8000 + 8000 = 16000: contribution 5000.
    const revenue = col("收入", dbl(10000), 11000);
    const cost = col("成本", fmt(8000), { type: "Double", basicValue: 8000 });
    expect(marginContrib(revenue, cost)).toEqual([[5000]]);
    expect(marginContrib(revenue, cost, undefined, str("rate") as never)[0][0]).toBeCloseTo(5000 / 21000, 12);
  });

  it("option arguments may be data types too (text, number, boolean)", () => {
    // Costs 100 and 300 in GB11, 200 in GB13: overall mean 200; GB11 mean 200 -> weight 1,
    // GB13 200 -> 1; with scale 100 each is 100. No trimming.
    const groups = col("DRG", "GB11", "GB11", "GB13");
    const costs = col("费用", dbl(100), 300, fmt(200));
    const out = drgWeight(
      groups,
      costs,
      undefined,
      str("none") as never,
      undefined,
      dbl(1) as never,
      undefined,
      undefined,
      undefined,
      dbl(100) as never,
      bool(true) as never,
    );
    expect(out.map((r) => [r[0], r[1]])).toEqual([
      ["GB11", 100],
      ["GB13", 100],
    ]);
  });
});

describe("error-typed data types are that Excel error", () => {
  it("an Error data type in a number column is an error value naming the row", () => {
    const e = excelErr(() => marginContrib(col("收入", 100, DIV0), col("成本", 50, 50)));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('revenue row 3: "#DIV/0!" is an error value, not a number');
  });

  it("an Error data type in a code column is an error value, as a plain #N/A is", () => {
    const na = { type: "Error", errorType: "NotAvailable" };
    const e = excelErr(() => groupCount(col("DRG编码", "GB11", na)));
    expect(e.message).toBe('groups row 3: "#N/A" is an error value');
  });

  it("an entity, whose basic value is #VALUE!, is not taken as its card text", () => {
    const e = excelErr(() => groupCount(col("DRG编码", ENTITY)));
    expect(e.message).toBe('groups row 2: "#VALUE!" is an error value');
  });

  it("messages are in the user's language", () => {
    setLanguage("zh");
    const e = excelErr(() => marginContrib(col("收入", 100, DIV0), col("成本", 50, 50)));
    expect(e.message).toBe('revenue 第 3 行："#DIV/0!" 是错误值，不是数字');
  });
});

/** A cell as the data type Excel would hand over for it (numbers, text, booleans, blanks). */
function asDataType(cell: unknown): unknown {
  if (typeof cell === "number") return { type: "Double", basicValue: cell };
  if (typeof cell === "string") return { type: "String", basicValue: cell };
  if (typeof cell === "boolean") return { type: "Boolean", basicValue: cell };
  return { type: "Empty", basicValue: "" };
}

/** The result of a call, or the Excel error it throws, for comparing two calls. */
function outcomeOf(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return e;
  }
}

describe("property: data-type cells change nothing", () => {
  const code = fc.constantFrom("GB11", "gb11", "ES21", " ES21 ", "", null, "#N/A", 0);
  const cost = fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constantFrom("1,200", "", null, "n/a", -3, true));
  const rows = fc.array(fc.tuple(code, cost, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 25 });

  it("DRG_WEIGHT and MARGIN_CONTRIB give the plain range's result when any cells are data types", () => {
    fc.assert(
      fc.property(rows, (rs) => {
        const groups = col("DRG", ...rs.map((r) => r[0]));
        const costs = col("费用", ...rs.map((r) => r[1]));
        const typedGroups = col("DRG", ...rs.map((r) => (r[2] ? asDataType(r[0]) : r[0])));
        const typedCosts = col("费用", ...rs.map((r) => (r[3] ? asDataType(r[1]) : r[1])));
        expect(outcomeOf(() => drgWeight(typedGroups, typedCosts))).toEqual(outcomeOf(() => drgWeight(groups, costs)));
        expect(outcomeOf(() => marginContrib(typedCosts, costs))).toEqual(outcomeOf(() => marginContrib(costs, costs)));
      }),
      { numRuns: 200 },
    );
  });

  // Found by the property above: a data type of 0 beside an empty group is padding, as a plain 0 is.
  it("a row of an empty group and a data-type 0 is padding, as with a plain 0", () => {
    const groups = col("DRG", null, "GB11");
    const plain = drgWeight(groups, col("费用", 0, "1,200"));
    expect(plain).toEqual([["GB11", 1, 1, 1, 1200, false]]);
    expect(drgWeight(groups, col("费用", dbl(0), "1,200"))).toEqual(plain);
  });

  // The aligned path (several ranges read by row) hands basic values over already: this holds
  // there too, whichever reading a function takes.
  it("so is a data-type 0 in the died column beside an empty group (RISK_LEVEL)", () => {
    const groups = col("DRG", "A", "", "A", null);
    const plain = riskLevel(groups, col("死亡", 1, 1, 0, 0));
    expect(plain).toHaveLength(2); // A, then the one skipped row (row 3); row 5 is padding
    expect(riskLevel(groups, col("死亡", 1, 1, 0, dbl(0)))).toEqual(plain);
  });
});

import * as fc from "fast-check";
import { cmi, groupCount, totalWeight } from "../../src/functions/caseMix";
import { setLanguage } from "../../src/functions/excel";
import { drgWeight } from "../../src/functions/weights";
import { loadCms } from "../helpers/cmsData";

/** A column range as Excel hands it over: one cell a row. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);
const asCol = (cells: ArrayLike<unknown>): unknown[][] => Array.from(cells, (c) => [c]);

/** The Excel error a call throws; fails when it returns instead. */
function excelErr(f: () => unknown): { code: string; message?: string } {
  try {
    f();
  } catch (e) {
    expect(typeof (e as { code: unknown }).code).toBe("string");
    return e as { code: string; message?: string };
  }
  throw new Error("expected an Excel error");
}

const TABLE = [
  ["DRG编码", "权重", "名称"],
  ["GB11", 2, "胃大部切除术，伴严重并发症"],
  ["GB13", 1.5, "胃大部切除术，伴一般并发症"],
  ["ES21", "0.5", "呼吸系统感染"],
];

beforeEach(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

describe("DRG.CMI, TOTAL_WEIGHT, GROUP_COUNT: worked examples", () => {
  // cases: GB11, gb11, ＧＢ１３ (full-width), ES21, " ES21 "
  // TW = 2 + 2 + 1.5 + 0.5 + 0.5 = 6.5, N = 5, CMI = 6.5 / 5 = 1.3, groups = 3
  const groups = col("DRG编码", "GB11", "gb11", "ＧＢ１３", "ES21", " ES21 ");

  it("overall: one number, a known header word in the group column is skipped", () => {
    expect(cmi(groups, TABLE)[0][0]).toBeCloseTo(1.3, 12);
    expect(totalWeight(groups, TABLE)[0][0]).toBeCloseTo(6.5, 12);
    expect(groupCount(groups, TABLE)).toEqual([[3]]);
    expect(groupCount(groups)).toEqual([[3]]);
    expect(cmi(groups, TABLE)).toHaveLength(1);
  });

  it("by a dimension: key first, then the measure, cases, and the other measures", () => {
    // 内科: GB11, GB13, ES21 -> TW 4, 3 cases, CMI 1.333333, 3 groups
    // 外科: GB11, ES21       -> TW 2.5, 2 cases, CMI 1.25, 2 groups
    // pinyin order: 内 (nei) before 外 (wai)
    const g = col("GB11", "GB13", "GB11", "ES21", "ES21");
    const by = col("内科", "内科", "外科", "内科", "外科");
    const c = cmi(g, TABLE, by);
    expect(c.map((r) => r[0])).toEqual(["内科", "外科"]);
    expect(c[0][1]).toBeCloseTo(4 / 3, 12);
    expect(c[0].slice(2)).toEqual([3, 4, 3]);
    expect(c[1][1]).toBeCloseTo(1.25, 12);
    expect(c[1].slice(2)).toEqual([2, 2.5, 2]);
    const t = totalWeight(g, TABLE, by);
    expect(t[0][0]).toBe("内科");
    expect(t[0][1]).toBeCloseTo(4, 12);
    expect(t[0][2]).toBe(3);
    expect(t[0][3]).toBeCloseTo(4 / 3, 12);
    expect(t[0][4]).toBe(3);
    const n = groupCount(g, TABLE, by);
    expect(n[1]).toEqual(["外科", 2, 2, 2.5, 1.25]);
    // without a table only group count and cases are meaningful; the others are left blank
    expect(groupCount(g, null as any, by)).toEqual([
      ["内科", 3, 3, "", ""],
      ["外科", 2, 2, "", ""],
    ]);
  });

  it("with counts: a row is that many cases; a first row that is text in every numeric argument is a header", () => {
    // GB11 x 10 (TW 20) + ES21 x 30 (TW 15): 35 / 40 = 0.875
    const g = col("Group", "GB11", "ES21");
    const counts = col("病例数", 10, 30);
    expect(cmi(g, TABLE, null as any, counts)[0][0]).toBeCloseTo(0.875, 12);
    expect(totalWeight(g, TABLE, undefined, counts)[0][0]).toBeCloseTo(35, 12);
    expect(groupCount(g, undefined, undefined, counts)).toEqual([[2]]);
  });

  it("the source's example: hospital CMI 0.85 against a benchmark of 1 at 5,000 per point is 750 less per case", () => {
    // 7 cases of weight 1 and 3 of weight 0.5: (7 + 1.5) / 10 = 0.85
    const table = [["A", 1], ["B", 0.5], ["C", 1.5]];
    const hospital = cmi(col("A", "B"), table, undefined, col(7, 3))[0][0] as number;
    // the benchmark region: 4 cases of 1.5 and 4 of 0.5: (6 + 2) / 8 = 1
    const benchmark = cmi(col("C", "B"), table, undefined, col(4, 4))[0][0] as number;
    expect(hospital).toBeCloseTo(0.85, 12);
    expect(benchmark).toBeCloseTo(1, 12);
    // (1 - 0.85) x 5,000 = 750
    expect((benchmark - hospital) * 5000).toBeCloseTo(750, 9);
  });
});

describe("DRG.CMI family: input rules", () => {
  it("an empty group cell (null, \"\", 0) skips the row and the spill says so; blank padding rows are not counted", () => {
    // data rows: GB11/A, null/A, ""/B, 0/B, ES21/B; then two padding rows blank in every argument
    const g = col("GB11", null, "", 0, "ES21", null, "");
    const by = col("A", "A", "B", "B", "B", "", null);
    const out = cmi(g, TABLE, by);
    expect(out).toEqual([
      ["A", 2, 1, 2, 1],
      ["B", 0.5, 1, 0.5, 1],
      ["(skipped: 3 with an empty group)", "", "", "", ""],
    ]);
    // a scalar cannot show the note, but the value leaves the rows out: (2 + 0.5) / 2
    expect(cmi(g, TABLE)[0][0]).toBeCloseTo(1.25, 12);
    setLanguage("zh");
    expect(cmi(g, TABLE, by)[2][0]).toBe("（已跳过：3 行病组为空）");
  });

  it("reports empty by keys and blank or zero counts in the note", () => {
    const out = totalWeight(col("GB11", "GB11", "GB13", "ES21"), TABLE, col("A", "", "A", "A"), col(1, 1, 0, null));
    expect(out).toEqual([
      ["A", 2, 1, 2, 1],
      ["(skipped: 1 with an empty by, 2 with blank or zero counts)", "", "", "", ""],
    ]);
  });

  it("a group missing from the weight table is #N/A naming the first missing code and its cases", () => {
    const g = col("GB11", "FR23", "XX11", "FR23");
    const e = excelErr(() => cmi(g, TABLE));
    expect(e.code).toBe("#N/A");
    expect(e.message).toBe(
      'FR23 has no weight in weight_table (2 cases); 1 more group without a weight, 3 cases in all; add the weights or set missing to "exclude"',
    );
    setLanguage("zh");
    expect(excelErr(() => cmi(g, TABLE)).message).toBe(
      'FR23 在 weight_table 中没有权重（2 例）；另有 1 个病组没有权重，共 3 例；请补充权重，或将 missing 设为 "exclude"',
    );
  });

  it('with missing = "exclude" the cases are left out and the spill reports them', () => {
    const g = col("GB11", "FR23", "XX11", "FR23", "ES21");
    // (2 + 0.5) / 2 = 1.25
    expect(cmi(g, TABLE, undefined, undefined, "exclude")[0][0]).toBeCloseTo(1.25, 12);
    const out = cmi(g, TABLE, col("A", "A", "A", "A", "A"), undefined, "Exclude");
    expect(out[0]).toEqual(["A", 1.25, 2, 2.5, 2]);
    expect(out[1][0]).toBe("(skipped: 3 cases in groups without a weight (FR23, XX11))");
    expect(excelErr(() => cmi(g, TABLE, undefined, undefined, "ignore")).code).toBe("#VALUE!");
  });

  it("ranges of different sizes are #VALUE! with both sizes, in English and Chinese", () => {
    const e = excelErr(() => cmi(col("GB11", "GB13", "ES21", "ES21"), TABLE, col("A", "B", "C")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("by has 3 rows but groups has 4; they must be the same size");
    setLanguage("zh");
    expect(excelErr(() => cmi(col("GB11", "GB13", "ES21", "ES21"), TABLE, col("A", "B", "C"))).message).toBe(
      "by 有 3 行，而 groups 有 4 行，两者大小必须相同",
    );
  });

  it("text, a negative number or an error value in counts is #VALUE! naming the argument and row", () => {
    const g = col("GB11", "GB13", "ES21");
    expect(excelErr(() => cmi(g, TABLE, undefined, col(1, "n/a", 2))).message).toBe(
      'counts row 2: "n/a" is not a number',
    );
    expect(excelErr(() => cmi(g, TABLE, undefined, col(1, 2, -3))).message).toMatch(/^counts row 3: -3 is negative/);
    expect(excelErr(() => cmi(g, TABLE, undefined, col(1, new Error("#REF!"), 2))).message).toBe(
      'counts row 2: "#REF!" is an error value, not a number',
    );
    // after a header row, the first data row is row 2 of the range
    expect(excelErr(() => cmi(col("DRG", ...g.map((r) => r[0])), TABLE, undefined, col("例数", 1, "x", 2))).message).toBe(
      'counts row 3: "x" is not a number',
    );
    setLanguage("zh");
    expect(excelErr(() => cmi(g, TABLE, undefined, col(1, "n/a", 2))).message).toBe('counts 第 2 行："n/a" 不是数字');
  });

  it("an Excel error value in groups or by is #VALUE! naming the row, not an empty group", () => {
    // Excel hands an error cell over as {code, message?}; a failed lookup leaves #N/A
    const e = excelErr(() => cmi(col("DRG", "GB11", { code: "#N/A" }), TABLE));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('groups row 3: "#N/A" is an error value');
    expect(excelErr(() => cmi(col("GB11", "GB13"), TABLE, col("A", new Error("#REF!")))).message).toBe(
      'by row 2: "#REF!" is an error value',
    );
    setLanguage("zh");
    expect(excelErr(() => cmi(col("GB11", "#N/A"), TABLE)).message).toBe('groups 第 2 行："#N/A" 是错误值');
  });

  it("CMI and TOTAL_WEIGHT need a weight table (only GROUP_COUNT may leave it out)", () => {
    expect(excelErr(() => cmi(col("GB11"), null as any)).message).toBe(
      "weight_table is missing: give a range whose first two columns are group code and weight",
    );
    expect(excelErr(() => totalWeight(col("GB11"), [[""]])).code).toBe("#VALUE!");
    setLanguage("zh");
    expect(excelErr(() => cmi(col("GB11"), undefined as any)).message).toBe("缺少 weight_table：请给出前两列为病组编码和权重的区域");
  });

  it("a weight table that is not two columns, or has a text weight, is #VALUE!", () => {
    expect(excelErr(() => cmi(col("GB11"), col("GB11"))).message).toBe(
      "weight_table needs two columns, group code then value; it has 1",
    );
    expect(excelErr(() => cmi(col("GB11"), [["GB11", 2], ["GB13", "heavy"]])).message).toBe(
      'weight_table row 2: "heavy" is not a number',
    );
  });

  it("shows #DIV/0! rather than NaN when no case is left, and #N/A for a spill with no row", () => {
    expect(cmi(col(null, ""), TABLE)).toEqual([[{ code: "#DIV/0!" }]]);
    expect(totalWeight(col(null, ""), TABLE)).toEqual([[0]]);
    expect(excelErr(() => cmi(col(null, ""), TABLE, col(null, ""))).code).toBe("#N/A");
  });
});

describe("DRG.CMI family: properties", () => {
  const codes = ["A1", "A3", "B1", "B5", "C9"];
  const rowsArb = fc.array(
    fc.record({ g: fc.constantFrom(...codes), k: fc.constantFrom("内科", "外科", "儿科"), n: fc.integer({ min: 1, max: 30 }) }),
    { minLength: 1, maxLength: 40 },
  );
  const tableArb = fc
    .array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: codes.length, maxLength: codes.length })
    .map((w) => codes.map((c, i) => [c, w[i]]));
  const spill = (rows: { g: string; k: string; n: number }[], table: unknown[][]) =>
    cmi(col(...rows.map((r) => r.g)), table, col(...rows.map((r) => r.k)), col(...rows.map((r) => r.n)));

  it("CMI of a constant weight is that weight", () => {
    fc.assert(
      fc.property(rowsArb, fc.double({ min: 0.01, max: 50, noNaN: true }), (rows, w) => {
        const v = cmi(col(...rows.map((r) => r.g)), codes.map((c) => [c, w]), undefined, col(...rows.map((r) => r.n)));
        expect(Math.abs((v[0][0] as number) - w)).toBeLessThanOrEqual(1e-12 * w);
      }),
    );
  });

  it("the by rows recombine (case-weighted) to the overall CMI", () => {
    fc.assert(
      fc.property(rowsArb, tableArb, (rows, table) => {
        const overall = cmi(col(...rows.map((r) => r.g)), table, undefined, col(...rows.map((r) => r.n)))[0][0] as number;
        const out = spill(rows, table);
        const cases = out.reduce((s, r) => s + (r[2] as number), 0);
        const tw = out.reduce((s, r) => s + (r[2] as number) * (r[1] as number), 0);
        expect(Math.abs(tw / cases - overall)).toBeLessThanOrEqual(1e-12 * overall);
      }),
    );
  });

  it("sorting rows never changes a result; duplicating every row doubles cases and total weight, not CMI", () => {
    fc.assert(
      fc.property(rowsArb, tableArb, (rows, table) => {
        const base = spill(rows, table);
        const sorted = spill(rows.slice().sort((a, b) => (a.g < b.g ? -1 : a.g > b.g ? 1 : b.n - a.n)), table);
        const doubled = spill(rows.concat(rows), table);
        expect(sorted.length).toBe(base.length);
        base.forEach((row, i) => {
          expect(sorted[i][0]).toBe(row[0]);
          expect(sorted[i][1]).toBeCloseTo(row[1] as number, 12);
          expect(sorted[i][2]).toBe(row[2]);
          expect(sorted[i][4]).toBe(row[4]);
          expect(doubled[i][0]).toBe(row[0]);
          expect(doubled[i][1]).toBeCloseTo(row[1] as number, 12);
          expect(doubled[i][2]).toBe(2 * (row[2] as number));
          expect(doubled[i][3]).toBeCloseTo(2 * (row[3] as number), 9);
          expect(doubled[i][4]).toBe(row[4]);
        });
      }),
    );
  });
});

describe("DRG.CMI on real data (CMS IPPS FY2011, 163,065 provider x DRG rows)", () => {
  it("with weights from DRG_WEIGHT (trim none) and the discharges as counts, the CMI is 1", () => {
    const cms = loadCms();
    const groups = asCol(cms.drg);
    const counts = asCol(cms.discharges);
    const table = drgWeight(groups, asCol(cms.totalPayments), undefined, "none", undefined, undefined, counts);
    // one row a DRG (the top 100), code and weight first
    expect(table.length).toBe(100);
    expect(table[0][0]).toBe("039 - EXTRACRANIAL PROCEDURES W/O CC/MCC");
    const v = cmi(groups, table, undefined, counts)[0][0] as number;
    expect(Math.abs(v - 1)).toBeLessThanOrEqual(1e-12);
    // and it splits by state and recombines to it
    const byState = cmi(groups, table, asCol(cms.state), counts);
    const cases = byState.reduce((s, r) => s + (r[2] as number), 0);
    const tw = byState.reduce((s, r) => s + (r[3] as number), 0);
    expect(cases).toBe(cms.discharges.reduce((s, x) => s + x, 0));
    expect(Math.abs(tw / cases - 1)).toBeLessThanOrEqual(1e-12);
  });
});

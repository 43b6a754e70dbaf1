import * as fs from "fs";
import * as path from "path";
import { setLanguage } from "../../src/functions/excel";
import { cmiDecompose, curveFit, expectedCost } from "../../src/functions/trends";
import { col, thrown } from "../helpers/cells";

afterEach(() => setLanguage(undefined));

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/curveFit/fixture.json"), "utf8")) as {
  x: number[];
  y: number[];
  models: Record<string, { coefficients: number[]; r_squared: number; f: number; n: number }>;
};

describe("CURVE_FIT", () => {
  test("one row a model, best R squared first: model, b0..b3, R squared, F, n (R's lm() values)", () => {
    setLanguage("en");
    const out = curveFit(col("CMI", ...fixture.x), col("例均费用", ...fixture.y));
    expect(out).toHaveLength(10);
    const r2 = out.map((r) => r[5] as number);
    expect([...r2].sort((a, b) => b - a)).toEqual(r2);
    const cubic = out.find((r) => r[0] === "cubic")!;
    const ref = fixture.models.cubic;
    cubic.slice(1, 5).forEach((b, j) => expect(Math.abs((b as number) / ref.coefficients[j] - 1)).toBeLessThan(1e-9));
    expect(Math.abs((cubic[5] as number) / ref.r_squared - 1)).toBeLessThan(1e-9);
    expect(Math.abs((cubic[6] as number) / ref.f - 1)).toBeLessThan(1e-9);
    expect(cubic[7]).toBe(40);
    const linear = out.find((r) => r[0] === "linear")!;
    expect(linear[3]).toBe("");
    expect(linear[4]).toBe("");
  });

  test("with model: its coefficients in one row (English or Chinese name)", () => {
    // y = 1 + 2x on (1, 3), (2, 5), (3, 7), (4, 9.5): not exact; compare with the table row
    const x = col(1, 2, 3, 4);
    const y = col(3, 5, 7, 9.5);
    const row = curveFit(x, y, "linear");
    expect(row).toHaveLength(1);
    expect(row[0]).toHaveLength(2);
    // x mean 2.5, y mean 6.125; Sxy = (-1.5)(-3.125) + (-0.5)(-1.125) + (0.5)(0.875) + (1.5)(3.375) = 10.75; Sxx = 5
    // b1 = 2.15, b0 = 6.125 - 2.15 x 2.5 = 0.75
    expect(row[0][0]).toBeCloseTo(0.75, 12);
    expect(row[0][1]).toBeCloseTo(2.15, 12);
    expect(curveFit(col(1, 2, 3, 4, 5), col(3, 5, 7, 9.5, 10), "三次")[0]).toHaveLength(4);
  });

  test("models the data do not allow come last with the reason; blank pairs are reported", () => {
    setLanguage("en");
    // x = 0 rules out logarithmic, inverse, power and S; the row with a blank y is dropped
    const out = curveFit(col(0, 1, 2, 3, 4, 5, null), col(1, 2, 4, 8, 17, null, null));
    const names = out.map((r) => r[0]);
    expect(names.slice(6, 10)).toEqual(["logarithmic", "inverse", "power", "S"]);
    expect(out[6][1]).toEqual({ code: "#N/A", message: "the logarithmic model needs x > 0 (it uses ln x); point 1 has x = 0" });
    expect(out[6][7]).toBe(5);
    expect(out[10]).toEqual(["(skipped: 1 with a blank x or y)", "", "", "", "", "", "", ""]);
    setLanguage("zh");
    expect(curveFit(col(0, 1, 2, 3, 4), col(1, 2, 4, 8, 17))[6][0]).toBe("对数");
  });

  test("errors: unknown model, a model the data do not allow, text in x", () => {
    setLanguage("en");
    expect(thrown(() => curveFit(col(1, 2, 3), col(1, 2, 3), "logistic")).message).toBe(
      'model: "logistic" is not one of linear, logarithmic, inverse, quadratic, cubic, compound, power, S, growth, exponential',
    );
    const e = thrown(() => curveFit(col(1, 2, 3), col(1, 0, 3), "growth"));
    expect(e.code).toBe("#NUM!");
    expect(thrown(() => curveFit(col("CMI", 1, "x"), col("cost", 1, 2))).message).toBe('x row 3: "x" is not a number');
  });
});

describe("EXPECTED_COST", () => {
  // growth data: y = e^(8 + 0.5 x) exactly, so every log-linear model fits with R^2 = 1 and the
  // best model is growth (first of the three equal log fits): at CMI 2, e^9 = 8,103.08
  const x = col("CMI", 0.5, 1, 1.5, 2.5, 3);
  const y = col("cost", ...[0.5, 1, 1.5, 2.5, 3].map((v) => Math.exp(8 + 0.5 * v)));

  test("best model by default; money from a model fitted on ln y", () => {
    expect(expectedCost([[2]], x, y)[0][0]).toBeCloseTo(Math.exp(9), 6);
  });

  test("a column of CMI, with a header and a blank", () => {
    setLanguage("en");
    const out = expectedCost(col("CMI", 1, null, 2), x, y, "exponential");
    expect(out[0]).toEqual(["expected cost"]);
    expect(out[1][0]).toBeCloseTo(Math.exp(8.5), 6);
    expect(out[2]).toEqual([""]);
    expect(out[3][0]).toBeCloseTo(Math.exp(9), 6);
  });

  test("log_y: y holds ln cost, the result is money", () => {
    // ln cost = 8 + 0.5 x is linear: linear model at 2 gives 9, returned as e^9
    const lnY = col("ln cost", ...[0.5, 1, 1.5, 2.5, 3].map((v) => 8 + 0.5 * v));
    expect(expectedCost([[2]], x, lnY, "linear", true)[0][0]).toBeCloseTo(Math.exp(9), 6);
    expect(expectedCost([[2]], x, lnY, "linear")[0][0]).toBeCloseTo(9, 12);
  });

  test("a CMI the model cannot take: #NUM!", () => {
    // logarithmic: b0 + b1 ln 0 = -Infinity, ln(-1) = NaN
    expect(expectedCost(col(0, -1), x, y, "logarithmic")).toEqual([[{ code: "#NUM!" }], [{ code: "#NUM!" }]]);
  });
});

describe("CMI_DECOMPOSE", () => {
  const table = [
    ["DRG编码", "权重"],
    ["GB11", 2],
    ["GB15", 1],
    ["ES21", 0.5],
    ["FM19", 3],
  ];

  test("total: CMI before, after, change, mix, severity", () => {
    // before GB11 x 2, ES21 x 2: CMI0 = (4 + 1) / 4 = 1.25
    // after GB11, GB15, ES21, FM19: CMI1 = (2 + 1 + 0.5 + 3) / 4 = 1.625, change 0.375
    // GB1 severity 0.5 x (1.5 - 2) = -0.25; ES2 mix (0.25 - 0.5) x 0.5 = -0.125; FM1 new: mix 0.25 x 3 = 0.75
    // mix 0.625 + severity -0.25 = 0.375
    const out = cmiDecompose(col("DRG编码", "GB11", "GB11", "ES21", "ES21"), col("DRG编码", "GB11", "GB15", "ES21", "FM19"), table);
    expect(out).toEqual([[1.25, 1.625, 0.375, 0.625, -0.25]]);
  });

  test("by adrg: one row per ADRG and a total row", () => {
    setLanguage("zh");
    const out = cmiDecompose(col("GB11", "GB11", "ES21", "ES21"), col("GB11", "GB15", "ES21", "FM19"), table, "adrg");
    expect(out).toEqual([
      ["ES2", 2, 1, 0.5, 0.5, -0.125, 0],
      ["FM1", 0, 1, "", 3, 0.75, 0],
      ["GB1", 2, 2, 2, 1.5, 0, -0.25],
      ["（合计）", 4, 4, 1.25, 1.625, 0.625, -0.25],
    ]);
  });

  test("by unit with two-column ranges (group, department)", () => {
    // 内科: GB15, GB15 -> GB11, GB15: CMI 1 -> 1.5, severity 0.5; 外科: ES21 -> FM19: mix 2.5; 儿科 after only
    const before = [
      ["DRG编码", "科室"],
      ["GB15", "内科"],
      ["GB15", "内科"],
      ["ES21", "外科"],
    ];
    const after = [
      ["GB11", "内科"],
      ["GB15", "内科"],
      ["FM19", "外科"],
      ["ES21", "儿科"],
    ];
    const out = cmiDecompose(before, after, table);
    expect(out).toEqual([
      ["儿科", 0, 1, "", 0.5, { code: "#N/A" }, { code: "#N/A" }, { code: "#N/A" }],
      ["内科", 2, 2, 1, 1.5, 0.5, 0, 0.5],
      ["外科", 1, 1, 0.5, 3, 2.5, 2.5, 0],
    ]);
    // "total" still works on two-column ranges
    expect(cmiDecompose(before, after, table, "total")[0][0]).toBeCloseTo(2.5 / 3, 15);
  });

  test('missing "exclude": the cases are left out of both periods and reported', () => {
    setLanguage("en");
    // before GB11, XX11 -> GB11 only: CMI 2; after XX11, ES21 -> ES21 only: 0.5
    expect(cmiDecompose(col("GB11", "XX11"), col("XX11", "ES21"), table, "total", "exclude")).toEqual([[2, 0.5, -1.5, -1.5, 0]]);
    const out = cmiDecompose(col("GB11", "XX11"), col("XX11", "ES21"), table, "adrg", "exclude");
    expect(out[out.length - 1]).toEqual(["(skipped: 2 cases in groups without a weight (XX11))", "", "", "", "", "", ""]);
  });

  test("errors: a group missing from the table (first code and cases), shapes, by unit without units", () => {
    setLanguage("en");
    const missing = thrown(() => cmiDecompose(col("GB11", "XX11"), col("XX11", "XX11"), table));
    expect(missing.code).toBe("#N/A");
    expect(missing.message).toMatch(/^XX11 has no weight in weight_table \(3 cases\)/);
    expect(thrown(() => cmiDecompose(col("GB11"), [["GB11", "内科"]], table)).message).toBe(
      "groups_before and groups_after must have the same number of columns (group, or group and unit)",
    );
    expect(thrown(() => cmiDecompose(col("GB11"), col("GB11"), table, "unit")).message).toBe(
      'by "unit" needs two columns in groups_before and groups_after: group code, then unit',
    );
  });
});

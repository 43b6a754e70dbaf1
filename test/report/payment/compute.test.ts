/** The DRG payment P&L report on the hand-computed example of paymentCases.ts (arithmetic there). */
import { readCaseTable } from "../../../src/engine/caseTable";
import { weightTable } from "../../../src/engine/weightTable";
import { computePaymentReport } from "../../../src/report/payment/compute";
import { paymentJson } from "../../../src/report/payment/json";
import { DEFAULT_PAYMENT_SETTINGS, paymentColumns, PaymentSettings } from "../../../src/report/payment/settings";
import { PaymentReport } from "../../../src/report/payment/types";
import { paymentRows, RATE, REGIONAL, WEIGHTS } from "./paymentCases";

const table = (rows: [string, number][]) =>
  weightTable(
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
  );

function report(extra: Partial<PaymentSettings> = {}, rows = paymentRows()): PaymentReport {
  const settings: PaymentSettings = {
    ...DEFAULT_PAYMENT_SETTINGS,
    rate: RATE,
    weights: { table: table(WEIGHTS), name: "w.csv" },
    ...extra,
  };
  return computePaymentReport(readCaseTable(rows, { columns: paymentColumns(settings) }), settings, {
    source: "cases.csv",
    version: "9.9.9",
    time: new Date(Date.UTC(2026, 0, 1)),
    utcOffset: 480,
  });
}

const pick = (r: { group: string; cases: number; normal: number; high: number; low: number; points: number }) => [
  r.group,
  r.cases,
  r.normal,
  r.high,
  r.low,
  r.points,
];

describe("with the hospital's own group means", () => {
  const r = report();

  test("groups, largest loss first: cases by type, points, revenue, cost, balance", () => {
    expect(r.groups.map(pick)).toEqual([
      ["AD11", 4, 3, 1, 0, 1075],
      ["AC11", 5, 3, 1, 1, 720],
      ["AB11", 10, 9, 1, 0, 880],
    ]);
    expect(r.groups.map((g) => g.name)).toEqual(["丙组", "乙组", "甲组"]);
    const money = r.groups.map((g) => [g.revenue, g.cost, g.balance]);
    [
      [75250, 80000, -4750],
      [50400, 50000, 400],
      [61600, 60000, 1600],
    ].forEach((want, i) => want.forEach((v, j) => expect(money[i][j]).toBeCloseTo(v, 6)));
    // rate = balance / revenue; per case = balance / cases
    expect(r.groups[0].rate).toBeCloseTo(-4750 / 75250, 12);
    expect(r.groups[0].perCase).toBeCloseTo(-4750 / 4, 9);
  });

  test("the total row: 19 cases (15 / 3 / 1), 2,675 points, 187,250 - 190,000 = -2,750", () => {
    expect(pick(r.total)).toEqual(["", 19, 15, 3, 1, 2675]);
    expect(r.total.revenue).toBeCloseTo(187250, 6);
    expect(r.total.cost).toBe(190000);
    expect(r.total.balance).toBeCloseTo(-2750, 6);
    expect(r.total.rate).toBeCloseTo(-2750 / 187250, 12);
  });

  test("property: the groups add up to the total", () => {
    const sum = (f: (g: PaymentReport["groups"][number]) => number) => r.groups.reduce((a, g) => a + f(g), 0);
    expect(sum((g) => g.cases)).toBe(r.total.cases);
    expect(sum((g) => g.revenue)).toBeCloseTo(r.total.revenue, 6);
    expect(sum((g) => g.cost)).toBeCloseTo(r.total.cost, 6);
    expect(sum((g) => g.points)).toBeCloseTo(r.total.points, 9);
  });

  test("units: 外科 400 - 4,750 = -4,350 before 内科 1,600; doctors 王 -4,750, 李 400, 张 1,600", () => {
    expect(r.units.map((u) => u.dimension)).toEqual(["department", "doctor"]);
    expect(r.units[0].rows.map((u) => [u.group, u.cases, Math.round(u.balance)])).toEqual([
      ["外科", 9, -4350],
      ["内科", 10, 1600],
    ]);
    expect(r.units[1].rows.map((u) => u.group)).toEqual(["王医生", "李医生", "张医生"]);
    expect(r.units[0].total.balance).toBeCloseTo(-2750, 6);
  });

  test("the high and low cases, in the groups' order, each with its scoring", () => {
    expect(r.outliers.map((o) => [o.row, o.group, o.kind])).toEqual([
      [20, "AD11", "high"],
      [15, "AC11", "high"],
      [16, "AC11", "low"],
      [11, "AB11", "high"],
    ]);
    const high = r.outliers[1];
    // AC11 25,000: mean 10,000, ratio 2.5, multiplier 2, threshold 20,000, 225 points, 225 x 70
    expect([high.cost, high.groupMean, high.ratio, high.multiplier, high.threshold, high.basePoints]).toEqual([
      25000, 10000, 2.5, 2, 20000, 150,
    ]);
    expect(high.points).toBeCloseTo(225, 9);
    expect(high.payment).toBeCloseTo(15750, 6);
    const low = r.outliers[2];
    // AC11 3,000: 0.3 <= 0.4, threshold 4,000, 150 x 0.3 = 45 points, 3,150
    expect([low.multiplier, low.threshold]).toEqual([0.4, 4000]);
    expect(low.points).toBeCloseTo(45, 9);
    expect(low.payment).toBeCloseTo(3150, 6);
    expect(r.outliers[3].points).toBeCloseTo(160, 9);
  });

  test("the settlement: 19 x 3,000 + 19 x 1,000 = 76,000 actual against 187,250 expected", () => {
    const s = r.settlement!;
    expect([s.insurance, s.patient, s.actual]).toEqual([57000, 19000, 76000]);
    expect(s.difference).toBeCloseTo(187250 - 76000, 6);
  });

  test("ZZ99 (no weight) is left out and counted", () => {
    expect(r.skipped).toEqual({ noWeight: 1 });
    expect(r.weights.missingCodes).toEqual(["ZZ99"]);
    expect(r.rowsUsed).toBe(19);
  });

  test("the JSON's groups carry the fields of the issue", () => {
    const json = paymentJson(r);
    expect(Object.keys(json.groups[0])).toEqual(
      expect.arrayContaining([
        "group",
        "name",
        "cases",
        "normal",
        "high",
        "low",
        "points",
        "revenue",
        "cost",
        "balance",
        "rate",
      ]),
    );
    expect(json.units[0]).toMatchObject({ dimension: "department", unit: "外科", cases: 9 });
  });
});

describe("with a regional table of group means", () => {
  const r = report({ groupMeans: { table: table(REGIONAL), name: "region.csv" } });

  test("AD11's 19,000 case flips from normal to high: 1,395.8333 points, balance 17,708.33", () => {
    const ad = r.groups.find((g) => g.group === "AD11")!;
    expect(pick(ad)).toEqual(["AD11", 4, 2, 2, 0, expect.any(Number)]);
    expect(ad.points).toBeCloseTo(250 + 250 + (250 + (19000 / 12000 - 1.5) * 250) + 625, 9);
    expect(ad.points).toBeCloseTo(1395.8333, 4);
    expect(ad.revenue).toBeCloseTo(97708.33, 2);
    expect(ad.balance).toBeCloseTo(17708.33, 2);
    expect(r.groups.map((g) => g.group)).toEqual(["AC11", "AB11", "AD11"]);
  });

  test("the total: 209,708.33 revenue, balance 19,708.33, 14 normal and 4 high", () => {
    expect([r.total.normal, r.total.high, r.total.low]).toEqual([14, 4, 1]);
    expect(r.total.revenue).toBeCloseTo(209708.33, 2);
    expect(r.total.balance).toBeCloseTo(19708.33, 2);
    const flipped = r.outliers.find((o) => o.row === 19)!;
    expect([flipped.group, flipped.kind, flipped.groupMean, flipped.threshold]).toEqual(["AD11", "high", 12000, 18000]);
  });

  test("property: a regional table equal to the hospital's own means changes nothing", () => {
    const own = report();
    const same = report({
      groupMeans: {
        table: table([
          ["AB11", 6000],
          ["AC11", 10000],
          ["AD11", 20000],
        ]),
        name: "own.csv",
      },
    });
    expect(paymentJson(same).groups).toEqual(paymentJson(own).groups);
    expect(same.total).toEqual(own.total);
  });

  test("a group missing from the table is left out (missing exclude) and named, or an error", () => {
    const partial = { table: table(REGIONAL.slice(0, 2)), name: "region.csv" };
    const r2 = report({ groupMeans: partial });
    expect(r2.skipped).toEqual({ noWeight: 1, noMean: 4 });
    expect(r2.missingMeanCodes).toEqual(["AD11"]);
    expect(r2.total.cases).toBe(15);
    const weighed = paymentRows().slice(0, -1); // without ZZ99, which has no weight
    expect(() => report({ groupMeans: partial, missing: "error" }, weighed)).toThrow(/AD11 has no mean cost/);
  });
});

describe("settings", () => {
  test("the marginal layer sets drugs + materials against the revenue: 187,250 - 19 x 1,500", () => {
    const r = report({ layer: "marginal" });
    expect(r.total.cost).toBe(28500);
    expect(r.total.balance).toBeCloseTo(187250 - 28500, 6);
  });

  test("--by doctor gives the doctor table only", () => {
    expect(report({ unit: "doctor" }).units.map((u) => u.dimension)).toEqual(["doctor"]);
  });

  test("a blank total cost is an error naming its column and row", () => {
    const rows = paymentRows();
    rows[3][5] = "";
    expect(() => report({}, rows)).toThrow(/住院总费用 row 4 is blank/);
  });

  test("aggregate rows (a case count other than 1) are an error naming the row", () => {
    const rows = paymentRows().map((r, i) => [...r, i === 0 ? "病例数" : i === 2 ? 3 : 1]);
    expect(() => report({}, rows)).toThrow(/病例数 row 3 is 3/);
  });
});

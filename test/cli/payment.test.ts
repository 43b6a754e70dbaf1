/** `casemix payment`: the JSON's shape, the workbook read back, a bad group-means file, no overwriting. */
import * as path from "path";
import ExcelJS from "exceljs";
import { expectNoOverwrite, run, tempFolder } from "./cliRun";
import { parsePaymentArgs } from "../../src/cli/commands/payment";
import { csvOf, paymentRows, REGIONAL_CSV, WEIGHT_CSV } from "../report/payment/paymentCases";

const { dir, file } = tempFolder("casemix-payment-");
const CASES = file("cases.csv", csvOf(paymentRows()));
const WEIGHTS = file("w.csv", WEIGHT_CSV);
const REGION = file("region.csv", REGIONAL_CSV);
const BASE0 = ["payment", CASES, "--weights", WEIGHTS, "--rate", "7000"];
const BASE = [...BASE0, "--lang", "en"];

describe("casemix payment --json", () => {
  let json: { groups: Record<string, any>[]; units: Record<string, any>[]; parameters: Record<string, any> };

  beforeAll(async () => {
    const r = await run([...BASE, "--group-means", REGION, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  it("prints groups, units and parameters with the documented fields", () => {
    expect(Object.keys(json)).toEqual(["groups", "units", "parameters"]);
    expect(Object.keys(json.groups[0])).toEqual([
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
      "perCase",
    ]);
    expect(Object.keys(json.units[0]).slice(0, 3)).toEqual(["dimension", "unit", "cases"]);
  });

  it("holds the hand-computed regional figures (test/report/payment/paymentCases.ts)", () => {
    // AC11 400, AB11 1,600, AD11 17,708.33 (its 19,000 case flipped to high)
    expect(json.groups.map((g) => [g.group, g.high, Math.round(g.balance * 100) / 100])).toEqual([
      ["AC11", 1, 400],
      ["AB11", 1, 1600],
      ["AD11", 2, 17708.33],
    ]);
    expect(json.parameters.total.balance).toBeCloseTo(19708.33, 2);
    expect(json.parameters.groupMeans).toBe(REGION);
    expect(json.parameters.rules).toEqual({
      pointsPerWeight: 100,
      bands: [100, 200],
      high: [3, 2, 1.5],
      low: 0.4,
      base: "data",
    });
    expect(json.parameters.rows.skipped).toEqual({ noWeight: 1 });
    expect(json.parameters.settlement.actual).toBe(76000);
  });
});

describe("casemix payment --out", () => {
  it("writes the workbook: four sheets, the groups with their total row, the outlier list", async () => {
    const out = path.join(dir, "pnl.xlsx");
    const r = await run([...BASE0, "--out", out, "--lang", "zh"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("结余 -2,750.00");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["DRG盈亏", "科室医师盈亏", "高低倍率病例", "支付参数"]);
    const ws = wb.worksheets[0];
    const values: unknown[][] = [];
    ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const ad = values.find((v) => v[0] === "AD11")!;
    // AD11: 4 cases (3 normal, 1 high), 1,075 points, 75,250 against 80,000
    expect(ad.slice(0, 7)).toEqual(["AD11", "丙组", 4, 3, 1, 0, 1075]);
    expect(ad[7]).toBeCloseTo(75250, 6);
    expect(ad[9]).toBeCloseTo(-4750, 6);
    const total = values.find((v) => v[0] === "合计")!;
    expect(total[2]).toBe(19);
    expect(total[9]).toBeCloseTo(-2750, 6);
    const outliers: unknown[][] = [];
    wb.worksheets[2].eachRow((row) => outliers.push((row.values as unknown[]).slice(1)));
    expect(outliers.filter((v) => v[3] === "高倍率" || v[3] === "低倍率").map((v) => [v[0], v[1], v[3]])).toEqual([
      [20, "AD11", "高倍率"],
      [15, "AC11", "高倍率"],
      [16, "AC11", "低倍率"],
      [11, "AB11", "高倍率"],
    ]);
  });

  it("does not replace an existing file without --force", async () => {
    await expectNoOverwrite(BASE, file("taken.xlsx", "mine"));
  });
});

describe("bad input", () => {
  it("a group-means file with a bad mean names the file and the row", async () => {
    const bad = file("bad-region.csv", "DRG编码,次均费用\r\nAB11,6000\r\nAC11,lots\r\n");
    const r = await run([...BASE, "--group-means", bad, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/bad-region\.csv row 3/);
    const zh = await run([...BASE0, "--group-means", bad, "--json", "--lang", "zh"]);
    expect(zh.stderr).toMatch(/bad-region\.csv 第 3 行/);
  });

  it("a group-means file whose mean column has no code column beside it is refused", async () => {
    const bad = file("no-code.csv", "病组名称,次均费用,备注\r\n甲组,6000,x\r\n");
    const r = await run([...BASE, "--group-means", bad, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-code\.csv row 1: "次均费用" \(column 2\) names the mean cost/);
  });

  it("--rate is required and the rules are checked before any file is read", () => {
    expect(() => parsePaymentArgs(["cases.csv", "--weights", "w.csv"], "en")).toThrow(/--rate is required/);
    expect(() => parsePaymentArgs(["cases.csv", "--weights", "w.csv", "--rate", "1", "--high", "3,2"], "en")).toThrow(
      /high needs 3 multipliers/,
    );
    const o = parsePaymentArgs(
      ["c.csv", "--weights", "w.csv", "--rate", "1", "--rules", "low=0.5", "--high", "2.5,2,1.5"],
      "en",
    );
    expect(o.rules).toEqual([
      ["low", "0.5"],
      ["high", "2.5,2,1.5"],
    ]);
  });

  it("a usage error exits 2", async () => {
    const r = await run(["payment", CASES, "--weights", WEIGHTS, "--rate", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--rate/);
  });
});

/**
 * `casemix trends` on the sample case file (24,000 cases, 2022-2024): the .xlsx opens with
 * ExcelJS and holds the numbers of --json, in both languages; options and errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main, packageVersion } from "../../src/cli/main";
import { parseTrendsArgs } from "../../src/cli/commands/trends";

const SAMPLE = path.join(__dirname, "../../samples/cases.csv");

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-trends-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Rows of a sheet as arrays of plain values (1-based columns dropped to 0-based). */
function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const values = (row.values as unknown[]).slice(1);
    rows[r - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The data rows below the header row whose first cell is `header`, up to the first empty row. */
function tableBelow(rows: unknown[][], header: string): unknown[][] {
  const at = rows.findIndex((r) => r[0] === header);
  expect(at).toBeGreaterThanOrEqual(0);
  const out: unknown[][] = [];
  for (let i = at + 1; i < rows.length && rows[i] && rows[i].length > 0 && rows[i][0] !== undefined && rows[i][0] !== null; i++) out.push(rows[i]);
  return out;
}

const close = (a: unknown, b: unknown) => {
  if (typeof b === "number") expect(a as number).toBeCloseTo(b, 9);
  else expect(a ?? null).toEqual(b);
};

describe.each(["en", "zh"] as const)("casemix trends samples/cases.csv --lang %s", (lang) => {
  const out = path.join(dir, lang, "trends.xlsx");
  let json: any;
  let rows: unknown[][];
  const zh = lang === "zh";

  beforeAll(async () => {
    const r = await run(["trends", SAMPLE, "--json", "--out", out, "--lang", lang]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(zh ? ["趋势与质量", "目标", "监测"] : ["Trends and Quality", "Targets", "Monitoring"]);
    rows = sheetRows(wb.worksheets[0]);
  });

  it("compares the two latest years and reads every row", () => {
    expect(json.decomposition).toMatchObject({ available: true, before: "2023", after: "2024" });
    expect(json.parameters.rows).toEqual({
      read: 24000,
      used: 24000,
      skipped: {},
      flagged: { categoryMismatch: 0, categoryMismatchRows: [] },
    });
    expect(json.parameters.years).toEqual(["2022", "2023", "2024"]);
    expect(json.parameters.version).toBe(packageVersion());
    expect(json.parameters.weights).toMatchObject({ source: "data", trim: { method: "logsd", k: 3 } });
    expect(json.parameters.columns.died).toBe("离院方式");
    expect(json.curve.year).toBe("2024");
  });

  it("the decomposition adds up, overall and per department", () => {
    const d = json.decomposition;
    for (const r of [d.overall, ...d.units]) expect(r.mix + r.severity).toBeCloseTo(r.change, 12);
    expect(d.units.length).toBe(24);
  });

  it("the low-risk mortality table matches --json", () => {
    const table = tableBelow(rows, zh ? "科室" : "Department");
    const q = json.quality;
    expect(table.length).toBe(q.units.length + 1);
    expect(table[table.length - 1][0]).toBe(zh ? "全院" : "Hospital");
    q.units.forEach((u: any, i: number) => {
      const row = table[i];
      expect(row[0]).toBe(u.unit);
      [u.cases, u.deaths, u.rate, u.rateBefore, u.rateAfter].forEach((v, j) => close(row[j + 1], v));
    });
    const total = rows.find((r) => r[0] === (zh ? "全院" : "Hospital"))!;
    [q.overall.cases, q.overall.deaths, q.overall.rate].forEach((v, j) => close(total[j + 1], v));
    // Levels from the data: the discharge-way column (5 = death) gives deaths.
    expect(q.overall.deaths).toBeGreaterThan(0);
    expect(q.levelCounts.reduce((a: number, b: number) => a + b, 0)).toBe(q.groups.length);
  });

  it("the decomposition, model and unit curve tables match --json", () => {
    for (const u of json.decomposition.units) {
      const row = rows.find((r) => r[0] === u.unit && r[1] === u.casesBefore && r[2] === u.casesAfter)!;
      expect(row).toBeDefined();
      [u.cmiBefore, u.cmiAfter, u.change, u.mix, u.severity].forEach((v, j) => close(row[j + 3], v));
    }
    const models = tableBelow(rows, zh ? "模型" : "Model");
    expect(models.length).toBe(10);
    json.curve.models.forEach((m: any, i: number) => {
      expect(models[i][5]).toBeCloseTo(m.rSquared, 12);
      close(models[i][6], m.f);
      m.coefficients.forEach((b: number, j: number) => close(models[i][1 + j], b));
    });
    expect(models[0][8]).toBe(zh ? "最优模型" : "Best model");
    for (const u of json.curve.units) {
      const row = rows.find((r) => r[0] === u.unit && r[1] === u.cases && typeof r[7] === "string")!;
      [u.cmi, u.meanCost, u.lnCost, u.expected, u.ratio].forEach((v, j) => close(row[j + 2], v));
    }
  });

  it("the parameters block names the source, rows, time and version", () => {
    const value = (key: string) => rows.find((r) => r[0] === key)?.[1];
    expect(value(zh ? "数据来源" : "Source")).toBe(SAMPLE);
    expect(value(zh ? "读取行数" : "Rows read")).toBe(24000);
    expect(value(zh ? "CaseMix 版本" : "CaseMix version")).toBe(packageVersion());
    expect(value(zh ? "对比年份（前 → 后）" : "Years compared (before → after)")).toBe("2023 → 2024");
    // Local time with the zone of the machine that ran the command: 2026-12-02 13:41 (UTC+8).
    expect(String(value(zh ? "生成时间" : "Built at"))).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d \(UTC([+-]\d+(:\d\d)?)?\)$/);
  });

  it("the chart has the units and the best model's fitted line", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const chart = (await zip.file("xl/charts/chart1.xml")?.async("string")) as string;
    expect(chart).toContain("<c:scatterChart>");
    expect(chart).toContain(zh ? "拟合：" : "Fitted: ");
    // The value axis shows money, not the quadrant chart's percent.
    expect(chart).toContain('<c:numFmt formatCode="#,##0" sourceLinked="0"/>');
    expect(chart).not.toContain('formatCode="0%"');
    expect(chart).toContain(zh ? "CMI 与例均费用 (2024)" : "CMI and mean cost per case (2024)");
  });
});

describe("casemix trends options", () => {
  it("passes the years, unit, tolerance and top through", async () => {
    const r = await run(["trends", SAMPLE, "--json", "--before", "2022", "--after", "2024", "--unit", "doctor", "--flag", "0.1", "--top", "3", "--min-cases", "30", "--lang", "en"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.parameters).toMatchObject({ unit: "doctor", before: "2022", after: "2024", flagTolerance: 0.1, topAdrgs: 3, minCases: 30 });
    expect(j.decomposition).toMatchObject({ before: "2022", after: "2024" });
    expect(j.decomposition.adrgs.length).toBe(3);
    expect(j.curve.units.filter((u: any) => u.fitted).every((u: any) => u.cases >= 30)).toBe(true);
    expect(j.curve.units.filter((u: any) => !u.fitted).every((u: any) => u.flag === "notFitted")).toBe(true);
  });

  it("weights from a table; a benchmark for the levels", async () => {
    const weights = path.join(dir, "w.csv");
    const benchmark = path.join(dir, "region.csv");
    const d = await run(["trends", SAMPLE, "--json", "--lang", "en"]);
    // A weight table of every group at 1: the CMI is 1 in both years, so no change at all.
    const groups: string[] = JSON.parse(d.stdout).quality.groups.map((g: any) => g.group);
    fs.writeFileSync(weights, "DRG编码,权重\n" + groups.map((g) => `${g},1`).join("\n") + "\n");
    fs.writeFileSync(benchmark, "DRG编码,病例数,死亡\nES21,100,1\nGB11,10,1\nFM19,2,1\n");
    const r = await run(["trends", SAMPLE, "--json", "--weights", weights, "--benchmark", benchmark, "--lang", "en"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.decomposition.overall).toMatchObject({ cmiBefore: 1, cmiAfter: 1, change: 0 });
    expect(j.decomposition.overall.mix).toBeCloseTo(0, 14);
    expect(j.decomposition.overall.severity).toBeCloseTo(0, 14);
    expect(j.parameters.weights).toMatchObject({ source: "table", tableName: weights });
    expect(j.quality).toMatchObject({ levelSource: "benchmark", benchmark });
    // ES21 1/100, GB11 1/10, FM19 1/2: z = -1.04, 0.07, 0.97: only ES21 is low risk.
    expect(j.quality.groups.map((g: any) => [g.group, g.level])).toEqual([
      ["ES21", 1],
      ["FM19", 3],
      ["GB11", 3],
    ]);
  });

  it("writes trends.xlsx by default and prints a summary", async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run(["trends", SAMPLE, "--lang", "zh"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^已写出 trends\.xlsx\n读取 24000 行，使用 24000 行；低风险组死亡率 [\d.]+%/);
      expect(r.stderr).toContain("CMI 2023 → 2024");
      expect(fs.existsSync(path.join(dir, "trends.xlsx"))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it("explains usage errors (exit 2) and data errors (exit 1) in the language asked", async () => {
    let r = await run(["trends", SAMPLE, "--bogus", "1", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option --bogus");
    r = await run(["trends", SAMPLE, "--unit", "ward", "--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--unit："ward" 不是 department、doctor 之一');
    r = await run(["trends", SAMPLE, "--flag", "1.5", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("below 1");
    r = await run(["trends", SAMPLE, "--after", "2019", "--json", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("after year 2019: no case of that year; the data has 2022, 2023, 2024");
    r = await run(["trends", SAMPLE, "--after", "2019", "--json", "--lang", "zh"]);
    expect(r.stderr).toContain("对比后年份 2019：没有该年份的病例");
    r = await run(["trends", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("give the case file: casemix trends");
  });

  it("help in both languages lists the trends command and its options", async () => {
    const en = await run(["--help", "--lang", "en"]);
    expect(en.stdout).toContain("casemix trends <cases.csv|cases.xlsx>");
    for (const option of ["--before", "--after", "--benchmark", "--flag", "--top"]) expect(en.stdout).toContain(option);
    const zh = await run(["trends", "--help", "--lang", "zh"]);
    expect(zh.stdout).toContain("低风险组死亡率、CMI 变化分解");
  });

  it("--period month: the monitor part of --json, by month of 出院日期", async () => {
    const r = await run(["trends", SAMPLE, "--json", "--period", "month", "--lang", "en"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.parameters.period).toBe("month");
    const m = j.monitor;
    expect(Object.keys(m)).toEqual([
      "available",
      "period",
      "source",
      "benchmark",
      "periods",
      "missing",
      "blankValues",
      "hospital",
      "overall",
      "units",
      "chartUnits",
      "rows",
    ]);
    expect(m).toMatchObject({ available: true, period: "month", source: "出院日期", missing: {}, blankValues: {} });
    // The sample: 2022-01 .. 2024-12, every row with a date.
    expect(m.periods).toHaveLength(36);
    expect(m.periods[0]).toBe("2022-01");
    expect(m.periods[35]).toBe("2024-12");
    expect(m.rows).toEqual({ used: 24000, skipped: {} });
    expect(Object.keys(m.hospital[0])).toEqual([
      "period",
      "cases",
      "totalWeight",
      "cmi",
      "timeIndex",
      "costIndex",
      "drugIndex",
      "materialIndex",
      "lowRiskCases",
      "lowRiskDeaths",
      "lowRiskMortality",
    ]);
    expect(Object.keys(m.units[0])).toEqual(["period", "unit", ...Object.keys(m.hospital[0]).slice(1)]);
    // The months add up to the whole; CMI = total weight / cases in each; indices 1 over all months.
    const sum = (k: string) => m.hospital.reduce((a: number, h: any) => a + h[k], 0);
    expect(sum("cases")).toBe(24000);
    expect(sum("totalWeight")).toBeCloseTo(m.overall.totalWeight, 6);
    for (const h of m.hospital) expect(h.cmi).toBeCloseTo(h.totalWeight / h.cases, 12);
    for (const k of ["timeIndex", "costIndex", "drugIndex", "materialIndex"]) expect(m.overall[k]).toBeCloseTo(1, 10);
    expect(m.overall.lowRiskDeaths).toBe(j.quality.overall.deaths);
    expect(m.chartUnits).toHaveLength(5);
  });

  it("--period: a wrong value is a usage error; column without a period column says why", async () => {
    let r = await run(["trends", SAMPLE, "--period", "week", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--period: "week" is not one of year, quarter, month, column');
    r = await run(["trends", SAMPLE, "--period", "column", "--json", "--lang", "zh"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).monitor).toEqual({
      available: false,
      reason: "数据中没有统计期列（统计期、月份等），无法按期间监测",
    });
  });

  it("parses option forms", () => {
    const o = parseTrendsArgs(["x.csv", "--after=2024", "--map", "department=#2", "--encoding", "gbk"], "en");
    expect(o).toMatchObject({ after: "2024", mapping: { department: 1 }, encoding: "gb18030", unit: "department", json: false });
    expect(() => parseTrendsArgs(["x.csv", "--map", "ward=病区"], "en")).toThrow(/column=header/);
    expect(() => parseTrendsArgs(["x.csv", "--encoding", "latin1"], "en")).toThrow(/--encoding/);
  });
});

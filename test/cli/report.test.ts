/** @needs cli (the bin/casemix.js tests run the compiled command line) */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn, spawnSync } from "child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main, packageVersion } from "../../src/cli/main";
import { parseReportArgs } from "../../src/cli/commands/report";
import { QUADRANT_LABELS } from "../../src/report/i18n";
import { fiveGroupCsv } from "../report/fiveGroups";

const FIXTURES = path.join(__dirname, "../fixtures/cli");
const GB_CSV = path.join(FIXTURES, "five-groups-gb18030.csv");
const WEIGHTS = path.join(FIXTURES, "weights.csv");

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("casemix report --json and the .xlsx it writes", () => {
  const out = path.join(dir, "out", "report.xlsx");
  let json: {
    groups: Record<string, unknown>[];
    units: Record<string, unknown>[];
    parameters: Record<string, any>;
  };

  beforeAll(async () => {
    const r = await run(["report", GB_CSV, "--weights", WEIGHTS, "--pool", "1000", "--json", "--out", out, "--lang", "en"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  it("prints exactly the documented fields", () => {
    expect(Object.keys(json)).toEqual(["groups", "units", "parameters"]);
    expect(Object.keys(json.groups[0])).toEqual(["group", "name", "cases", "rw", "revenue", "cost", "contribution", "rate", "quadrant", "coefficient", "points"]);
    expect(Object.keys(json.units[0])).toEqual(["unit", "rank", "cases", "totalWeight", "cmi", "points", "amount"]);
  });

  it("holds the hand-computed numbers of the five-group data (decoded from GB18030)", () => {
    expect(json.groups.map((g) => [g.group, g.name, g.quadrant, g.coefficient])).toEqual([
      ["A1", "甲组", "strategic", 1.5],
      ["B1", "乙组", "competitive", 1.3],
      ["C1", "丙组", "suitable", 1],
      ["D1", "丁组", "weak", 0.8],
      ["E1", "戊组", "unclassified", 1],
    ]);
    // by amount, largest first
    expect(json.units.map((u) => [u.rank, u.unit, u.amount])).toEqual([
      [1, "外科", 710.19],
      [2, "内科", 289.81],
    ]);
    const p = json.parameters;
    expect(p.source).toEqual({ file: GB_CSV, sheet: null, encoding: "gb18030" });
    expect(p.rows).toEqual({
      read: 25,
      used: 22,
      skipped: { blankRow: 1, emptyGroup: 1, noWeight: 1 },
      flagged: { categoryMismatch: 0, categoryMismatchRows: [] },
    });
    expect(p.xCut).toEqual({ rule: "cmi", value: expect.closeTo(28 / 22, 12) });
    // y cut at the hospital's own rate: contribution 52,500 / revenue 165,000
    expect(p.yCut).toEqual({ rule: "hospital", value: expect.closeTo(52_500 / 165_000, 12) });
    expect(p.incentive).toEqual({ mode: "pool", pool: 1000 });
    expect(p.weights).toMatchObject({ source: "table", tableName: WEIGHTS });
    expect(p.version).toBe(packageVersion());
    expect(p.columns.insurancePaid).toBe("医保统筹支付");
  });

  it("the workbook opens with ExcelJS and holds the same numbers as --json", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Quadrant Analysis", "Incentives", "Parameters"]);
    const ws = wb.getWorksheet("Quadrant Analysis") as ExcelJS.Worksheet;
    const byCode = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => byCode.set(String(row.getCell(1).value), row));
    for (const g of json.groups) {
      const row = byCode.get(String(g.group)) as ExcelJS.Row;
      const cells = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => row.getCell(c).value);
      const label = QUADRANT_LABELS[g.quadrant as keyof typeof QUADRANT_LABELS].en;
      expect(cells).toEqual([g.name, g.cases, g.rw, g.revenue, g.cost, g.contribution, g.rate, label, g.coefficient, g.points]);
    }
    const inc = wb.getWorksheet("Incentives") as ExcelJS.Worksheet;
    const units = new Map<string, ExcelJS.Row>();
    // column A the rank (Total on the total row), B the unit
    inc.eachRow((row) => units.set(String(row.getCell(2).value || row.getCell(1).value), row));
    for (const u of json.units) {
      const row = units.get(String(u.unit)) as ExcelJS.Row;
      expect([1, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value)).toEqual([u.rank, u.cases, u.totalWeight, u.cmi, u.points, u.amount]);
    }
    expect(units.get("Total")?.getCell(7).value).toBe(1000);
  });

  it("the workbook has the chart part", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const chart = await zip.file("xl/charts/chart1.xml")?.async("string");
    expect(chart).toContain("<c:scatterChart>");
    expect(chart).toContain("'Quadrant Analysis'!$D$18:$D$18"); // A1, under the summary
  });

  it("gives the same numbers from the UTF-8 original", async () => {
    const utf8 = path.join(dir, "five-utf8.csv");
    fs.writeFileSync(utf8, fiveGroupCsv());
    const r = await run(["report", utf8, "--weights", WEIGHTS, "--pool", "1000", "--json"]);
    const again = JSON.parse(r.stdout);
    expect(again.groups).toEqual(json.groups);
    expect(again.units).toEqual(json.units);
    expect(again.parameters.source.encoding).toBe("utf-8");
  });
});

describe("casemix report options", () => {
  it("passes every setting through", async () => {
    const r = await run([
      "report", GB_CSV, "--weights", WEIGHTS, "--json", "--per-point", "100", "--unit", "doctor", "--x-cut", "1",
      "--y-cut", "median", "--coefficients", "2,1.2,1,0.5", "--min-cases", "2", "--labels", "甲,乙,丙,丁", "--year", "latest",
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.parameters).toMatchObject({
      unit: "doctor",
      year: "2024",
      minCases: 2,
      xCut: { rule: 1, value: 1 },
      yCut: { rule: "median" },
      coefficients: { strategic: 2, competitive: 1.2, suitable: 1, weak: 0.5, unclassified: 1 },
      labels: { strategic: "甲", competitive: "乙", suitable: "丙", weak: "丁" },
      incentive: { mode: "perPoint", moneyPerPoint: 100 },
    });
    // min cases 2: E1 (RW 3, rate 0.5) is classified; rates 0.6, -0.125, 0.5, -1/6, 0.5: median 0.5
    expect(Object.fromEntries(j.groups.map((g: any) => [g.group, g.quadrant]))).toEqual({
      A1: "strategic", E1: "strategic", B1: "competitive", C1: "suitable", D1: "weak",
    });
    // by amount: 张 A1 5 x 2 x 2 = 20 points, 赵 E1 2 x 3 x 2 = 12, 李 B1 5 x 1.5 x 1.2 = 9,
    // 王 C1 5 x 0.5 x 1 + D1 5 x 0.4 x 0.5 = 3.5; x 100 each
    expect(j.units.map((u: any) => [u.rank, u.unit, u.department, u.amount])).toEqual([
      [1, "张医生", "外科", 2000],
      [2, "赵医生", "内科", 1200],
      [3, "李医生", "外科", 900],
      [4, "王医生", "内科", 350],
    ]);
    expect(j.units[0]).toMatchObject({ points: 20, amount: 2000 });
  });

  it("computes the weights from the data by default, with the trimming asked for", async () => {
    const r = await run(["report", GB_CSV, "--json", "--trim", "none"]);
    const j = JSON.parse(r.stdout);
    expect(j.parameters.hospital.cmi).toBeCloseTo(1, 12);
    expect(j.parameters.weights).toMatchObject({ source: "data", trim: { method: "none" } });
    expect(j.parameters.rows.skipped).toEqual({ blankRow: 1, emptyGroup: 1, noCost: 1, noWeight: 1 });
  });

  it("maps columns by hand", async () => {
    // the doctor column as the department: units become doctors
    const r = await run(["report", GB_CSV, "--weights", WEIGHTS, "--json", "--map", "department=主诊医师"]);
    // by amount: 张 15, 李 9.75, 赵 6, 王 4.1 points (1 a point)
    expect(JSON.parse(r.stdout).units.map((u: any) => u.unit)).toEqual(["张医生", "李医生", "赵医生", "王医生"]);
  });

  it("explains usage errors (exit 2) and data errors (exit 1) in the language asked", async () => {
    let r = await run(["report", GB_CSV, "--bogus", "1", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option --bogus");
    // an unknown option last, with no value after it, is still named as unknown
    r = await run(["report", GB_CSV, "--lang", "en", "--bogus"]);
    expect([r.code, r.stderr]).toEqual([2, "casemix: unknown option --bogus; see casemix report --help\n"]);
    r = await run(["report", GB_CSV, "--x-cut", "high", "--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--x-cut："high" 不是');
    r = await run(["report", GB_CSV, "--pool", "1", "--per-point", "2", "--lang", "en"]);
    expect(r.stderr).toContain("not both");
    r = await run(["report", GB_CSV, "--layer", "direct", "--lang", "en"]);
    expect(r.code).toBe(1);
    // named in the user's language, with the --map option that fixes it
    expect(r.stderr).toMatch(/missing column: allocated direct cost \(a header such as 分摊直接费用/);
    expect(r.stderr).toContain("Name the column with --map allocatedDirect=<header>");
    r = await run(["report", GB_CSV, "--layer", "direct", "--lang", "zh"]);
    expect(r.stderr).toMatch(/缺少列：分摊直接费用（表头如 分摊直接费用/);
    expect(r.stderr).toContain("请用 --map allocatedDirect=<表头> 指定");
    r = await run(["report", GB_CSV, "--pool", "10.001", "--json", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("whole number of cents");
    r = await run(["report", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("give the case file");
  });

  it("prints help in both languages", async () => {
    const en = await run(["--help", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("casemix report <cases.csv|cases.xlsx>");
    for (const option of ["--sheet", "--out", "--json", "--weights", "--pool", "--per-point", "--unit", "--x-cut", "--y-cut", "--layer", "--coefficients", "--min-cases", "--lang"]) {
      expect(en.stdout).toContain(option);
    }
    const zh = await run(["report", "--help", "--lang", "zh"]);
    expect(zh.stdout).toContain("四象限");
  });

  it("parses option forms", () => {
    const o = parseReportArgs(["x.csv", "--x-cut=median", "--map", "drg=#4", "--map", "doctor=医师", "--encoding", "gbk"], "en");
    expect(o.xCut).toBe("median");
    expect(o.mapping).toEqual({ drg: 3, doctor: "医师" });
    expect(o.encoding).toBe("gb18030");
    expect(o.money).toEqual({ mode: "perPoint", moneyPerPoint: 1 });
    expect(() => parseReportArgs(["x.csv", "--coefficients", "1,2"], "en")).toThrow(/4 numbers/);
    expect(() => parseReportArgs(["x.csv", "--map", "ward=病区"], "en")).toThrow(/column=header/);
  });
});

describe("bin/casemix.js", () => {
  it("runs the compiled command line", () => {
    const bin = path.join(__dirname, "../../bin/casemix.js");
    const r = spawnSync(process.execPath, [bin, "--version"], { encoding: "utf8", timeout: 120000 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(packageVersion());
  }, 150000);

  it("exits quietly when the reader of its output closes the pipe early (| head)", async () => {
    const bin = path.join(__dirname, "../../bin/casemix.js");
    const child = spawn(process.execPath, [bin, "report", path.join(__dirname, "../../samples/cases.csv"), "--json"]);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 150000);

  it("reads a large CSV in parts on worker threads: the report of reading it in one pass", async () => {
    // The sample three times over (72,000 cases, 12 MB): above the 8 MiB from which the
    // compiled command line parses in parts; in this process (TypeScript) it is one pass.
    const sample = fs.readFileSync(path.join(__dirname, "../../samples/cases.csv"));
    const body = sample.subarray(sample.indexOf(0x0a) + 1);
    const big = path.join(dir, "large.csv");
    fs.writeFileSync(big, Buffer.concat([sample, body, body]));
    const args = ["report", big, "--json", "--unit", "both", "--lang", "en"];
    const bin = path.join(__dirname, "../../bin/casemix.js");
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 120000, maxBuffer: 1 << 28 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const inParts = JSON.parse(r.stdout);
    const onePass = JSON.parse((await run(args)).stdout);
    expect(inParts.parameters.rows.read).toBe(72000);
    for (const j of [inParts, onePass]) delete j.parameters.time;
    expect(inParts).toEqual(onePass);
  }, 150000);
});

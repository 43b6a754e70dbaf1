/**
 * `casemix audit`: the Harbin 2022 and 2024 catalogues as base and adjusted table (the .xlsx
 * holds the findings and neutrality of --json), the 2022 table alone (exactly the engine's
 * severity findings), a case volume with departments, options and errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main, packageVersion } from "../../src/cli/main";
import { parseAuditArgs } from "../../src/cli/commands/audit";
import { auditWeights } from "../../src/engine/weightAudit/audit";
import { findingDetail } from "../../src/words/auditFindings";
import { dataFile } from "../../src/cli/repository";

const H2022 = dataFile("harbin_chsdrg_weights_2022.csv");
const H2024 = dataFile("harbin_chsdrg_weights_2024.csv");
const CASES = path.join(__dirname, "../../samples/cases.csv");

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-audit-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The rows of the table whose header row starts with `first` (up to the first empty row). */
function tableRows(ws: ExcelJS.Worksheet, first: string): unknown[][] {
  let header = -1;
  ws.eachRow((row, r) => {
    if (header < 0 && row.getCell(1).value === first) header = r;
  });
  expect(header).toBeGreaterThan(0);
  const out: unknown[][] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === null) break;
    const cells: unknown[] = [];
    for (let c = 1; c <= 9; c++) cells.push(row.getCell(c).value);
    out.push(cells);
  }
  return out;
}

/** Key/value pairs of a sheet (column A label -> column B value). */
function pairs(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow((row) => {
    const k = row.getCell(1).value;
    if (typeof k === "string" && !out.has(k)) out.set(k, row.getCell(2).value);
  });
  return out;
}

/** The Harbin catalogue columns, read without the project's readers. */
function harbin(file: string): { codes: string[]; weights: string[]; names: string[] } {
  const rows = fs.readFileSync(file, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(","));
  return { codes: rows.map((r) => r[0]), weights: rows.map((r) => r[4]), names: rows.map((r) => r[3]) };
}

describe("casemix audit 2022 --adjusted 2024 --json --out", () => {
  const out = path.join(dir, "out", "audit.xlsx");
  let json: any;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const r = await run(["audit", H2022, "--adjusted", H2024, "--json", "--out", out, "--lang", "en"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
  });

  it("prints the documented fields", () => {
    expect(Object.keys(json)).toEqual(["findings", "neutrality", "largestChanges", "units", "parameters", "catalogue"]);
    expect(Object.keys(json.findings[0])).toEqual(["kind", "label", "table", "family", "groups", "weights", "levels", "size", "cases", "detail"]);
    expect(json.parameters.base).toMatchObject({ source: H2022, encoding: "utf-8", headerRow: 1, rowsRead: 660, columns: { code: "drg_code", weight: "weight", name: "drg_name" } });
    expect(json.parameters.adjusted).toMatchObject({ rowsRead: 710, groups: 710, rowsWithoutWeight: 7 });
    expect(json.parameters.version).toBe(packageVersion());
    expect(json.units).toEqual([]);
  });

  it("finds the 2022 inversions in the base table only, and a neutrality finding over the groups", () => {
    const severity = json.findings.filter((f: any) => f.kind === "severityOrder");
    expect(severity.map((f: any) => `${f.table}:${f.groups.join(" < ")}`)).toEqual(
      ["BT21 < BT23", "BW23 < BW25", "HS11 < HS13", "IZ21 < IZ23", "JR11 < JR13", "JR11 < JR15", "JR13 < JR15"].map((g) => `base:${g}`),
    );
    expect(json.findings[0].kind).toBe("neutrality");
    expect(json.neutrality.weighting).toBe("groups");
    expect(json.neutrality.restoringFactor).toBeCloseTo(json.neutrality.totalBefore / json.neutrality.totalAfter, 12);
    expect(json.largestChanges[0].code).toBe("OF19");
    expect(json.largestChanges).toHaveLength(10);
  });

  it("the workbook opens with ExcelJS and holds the same findings as --json", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Weight Audit", "Audit Parameters"]);
    const rows = tableRows(wb.getWorksheet("Weight Audit")!, "Kind");
    // The codes absent from the other table are grouped by MDC, not listed (different catalogues).
    const absent = new Set([...json.catalogue.onlyInBase, ...json.catalogue.onlyInAdjusted]);
    const listed = json.findings.filter((f: any) => !(f.kind.startsWith("onlyIn") && absent.has(f.groups[0])));
    expect(listed).toHaveLength(json.findings.length - 526); // 551 - 240 only in 2022 - 286 only in 2024 = 25 rows
    expect(rows).toHaveLength(listed.length);
    rows.forEach((row, i) => {
      const f = listed[i];
      expect(row[0]).toBe(f.label);
      expect(row[1] ?? "").toBe(f.family);
      expect(row[2] ?? "").toBe(f.kind === "severityOrder" ? f.groups.join(" < ") : f.groups.join(", "));
      expect(row[6]).toBe(f.cases);
      expect(row[8]).toBe(f.detail);
    });
  });

  it("and the same neutrality", () => {
    const kv = pairs(wb.getWorksheet("Weight Audit")!);
    const n = json.neutrality;
    expect(kv.get("Total weight before")).toBe(n.totalBefore);
    expect(kv.get("Total weight after")).toBe(n.totalAfter);
    expect(kv.get("Factor that restores the total (before / after)")).toBe(n.restoringFactor);
    expect(kv.get("Relative change (after / before − 1)")).toBe(n.relativeChange);
    expect(kv.get("Groups counted (weighed in both tables)")).toBe(n.casesCovered);
    expect(kv.get("Within the tolerance (± 0.1%)")).toBe("no");
    const largest = tableRows(wb.getWorksheet("Weight Audit")!, "DRG group");
    expect(largest.map((r) => r[0])).toEqual(json.largestChanges.map((c: any) => c.code));
    expect(largest.map((r) => r[6])).toEqual(json.largestChanges.map((c: any) => c.relative));
  });

  it("has the bar chart of the largest changes", async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const chart = (await zip.file("xl/charts/chart1.xml")!.async("string")) as string;
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect(chart).toContain("<c:v>OF19</c:v>");
  });
});

describe("casemix audit 2022 --adjusted 2024 --out (no --json)", () => {
  it("says on stderr that the tables look like different catalogue versions", async () => {
    const r = await run(["audit", H2022, "--adjusted", H2024, "--out", path.join(dir, "notes.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(0);
    // 420 of 660 codes in common = 63.6%; 660 - 420 = 240, 710 - 420 = 290
    expect(r.stderr).toContain("The tables look like different catalogue versions: 420 codes in common (63.6% of the smaller table, under 80%), 240 only in the base table, 290 only in the adjusted table.");
  });
});

describe("casemix audit 2022 alone", () => {
  it("lists exactly the severity findings the engine gives, and nothing else", async () => {
    const r = await run(["audit", H2022, "--json", "--lang", "zh"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const engine = auditWeights({ base: harbin(H2022) });
    expect(json.findings.map((f: any) => [f.kind, f.family, f.groups, f.weights, f.levels, f.detail])).toEqual(
      engine.findings.map((f) => [f.kind, f.family, f.groups, f.weights, f.levels, findingDetail(f, engine, "zh")]),
    );
    expect(json.findings.map((f: any) => f.family)).toEqual(["BT2", "BW2", "HS1", "IZ2", "JR1", "JR1", "JR1"]);
    expect(json.neutrality).toBeNull();
    expect(json.largestChanges).toEqual([]);
    // No --out with --json: nothing written.
    expect(fs.existsSync("audit.xlsx")).toBe(false);
  });

  it("2024 alone: no severity finding, the seven groups without a weight", async () => {
    const r = await run(["audit", H2024, "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: any) => `${f.kind}:${f.groups[0]}`)).toEqual(
      ["AC19", "AD19", "AF19", "NG19", "PB19", "PJ19", "RA49"].map((c) => `missingWeight:${c}`),
    );
  });
});

describe("casemix audit with a case volume", () => {
  it("weighs the totals by the cases and tables the departments, winners first", async () => {
    const out = path.join(dir, "volume.xlsx");
    const r = await run(["audit", H2022, "--adjusted", H2024, "--volume", CASES, "--out", out, "--lang", "zh"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^已写出 .*volume\.xlsx\n已检查 660 个病组（调整后 710 个）；发现 \d+ 项：总权重变化 1、严重程度倒挂 7、/);
    const again = await run(["audit", H2022, "--adjusted", H2024, "--volume", CASES, "--json"]);
    const json = JSON.parse(again.stdout);
    expect(json.neutrality.weighting).toBe("cases");
    expect(json.parameters.volume).toMatchObject({ columns: { group: "DRG编码", department: "出院科室" }, units: ["department"] });
    const depts = json.units.filter((u: any) => u.dimension === "department");
    expect(depts.length).toBeGreaterThan(5);
    for (let i = 1; i < depts.length; i++) expect(depts[i - 1].change).toBeGreaterThanOrEqual(depts[i].change);
    const covered = depts.reduce((s: number, u: any) => s + u.cases, 0);
    expect(covered).toBe(json.neutrality.casesCovered);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const units = tableRows(wb.getWorksheet("权重审核")!, "科室");
    expect(units.map((u) => u[0])).toEqual([...depts.map((u: any) => u.unit), "合计"]);
  });
});

describe("casemix audit options and errors", () => {
  it("parses the options", () => {
    const o = parseAuditArgs(["a.csv", "--adjusted", "b.csv", "--volume=c.csv", "--largest", "5", "--tolerance", "0.01", "--json"], "en");
    expect(o).toEqual({
      input: "a.csv",
      adjusted: "b.csv",
      volume: "c.csv",
      json: true,
      out: undefined,
      force: false,
      lang: "en",
      settings: { largestChanges: 5, neutralityTolerance: 0.01 },
    });
  });

  it("usage errors exit 2 in the language asked", async () => {
    const r = await run(["audit", H2022, "--bogus", "1", "--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("casemix: 未知选项 --bogus；请查看 casemix --help\n");
    const two = await run(["audit", H2022, H2024, "--lang", "en"]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/one weight table only/);
    const largest = await run(["audit", H2022, "--largest", "2.5", "--lang", "en"]);
    expect(largest.stderr).toBe('casemix: --largest: "2.5" is not a whole number of 0 or more\n');
  });

  it("a missing file or a bad weight exits 1 naming it", async () => {
    const r = await run(["audit", path.join(dir, "nope.csv"), "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.csv: no such file/);
    const bad = path.join(dir, "bad.csv");
    fs.writeFileSync(bad, "DRG编码,权重\nGB11,1.2\nGB13,n/a\n");
    const b = await run(["audit", bad, "--lang", "zh"]);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe('casemix: bad.csv 第 3 行："n/a" 不是数字\n');
  });

  it("the help text lists the audit command in both languages", async () => {
    expect((await run(["--help", "--lang", "en"])).stdout).toContain("casemix audit <weights.csv> [--adjusted other.csv] [--volume cases.csv]");
    expect((await run(["audit", "--help", "--lang", "zh"])).stdout).toContain("审核选项");
  });
});

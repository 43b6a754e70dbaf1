/** `casemix compare`: the JSON's shape, the workbook read back, no overwriting, the usage errors. */
import * as path from "path";
import ExcelJS from "exceljs";
import { expectNoOverwrite, run, tempFolder } from "./cliRun";
import { CaseMixError } from "../../src/engine/text";
import { HELP } from "../../src/cli/help";
import { parseCompareArgs } from "../../src/cli/commands/compare";
import { compareRows, csvOf, WEIGHT_A_CSV, WEIGHT_B_CSV } from "../report/compare/compareCases";

const { dir, file } = tempFolder("casemix-compare-");
const CASES = file("cases.csv", csvOf(compareRows()));
/** The example without its second group column (医保DRG编码). */
const ONE_GROUP = file("one-group.csv", csvOf(compareRows().map((r) => r.slice(0, 4))));
const A = file("a.csv", WEIGHT_A_CSV);
const B = file("b.csv", WEIGHT_B_CSV);
const BASE0 = ["compare", CASES, "--weights", A, "--weights-b", B, "--by", "department"];
const BASE = [...BASE0, "--lang", "en"];

describe("casemix compare --json", () => {
  let json: {
    overall: Record<string, any>;
    units: Record<string, any>[];
    regrouped: Record<string, any>[];
    parameters: Record<string, any>;
  };

  beforeAll(async () => {
    const r = await run([...BASE, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  it("prints overall, units, regrouped and parameters with the documented fields", () => {
    expect(Object.keys(json)).toEqual(["overall", "units", "regrouped", "parameters"]);
    expect(Object.keys(json.overall)).toEqual([
      "cases",
      "cmiA",
      "cmiB",
      "cmiChange",
      "cmiChangeRate",
      "totalWeightA",
      "totalWeightB",
      "totalWeightChange",
      "groupsA",
      "groupsB",
      "groupCountChange",
      "regroupedCases",
      "regroupedShare",
      "regroupedWeightChange",
    ]);
    expect(Object.keys(json.units[0]).slice(0, 3)).toEqual(["dimension", "unit", "cases"]);
    expect(Object.keys(json.regrouped[0])).toEqual([
      "groupA",
      "name",
      "groupB",
      "cases",
      "weightA",
      "weightB",
      "weightChange",
    ]);
  });

  it("holds the hand-computed figures (test/report/compare/compareCases.ts)", () => {
    expect(json.overall.cmiA).toBe(1.3);
    expect(json.overall.cmiB).toBeCloseTo(1.06, 12);
    expect(json.overall.totalWeightChange).toBeCloseTo(-1.2, 12);
    expect(json.units.map((u) => [u.unit, Math.round(u.totalWeightChange * 100) / 100])).toEqual([
      ["外科", -0.9],
      ["内科", -0.3],
    ]);
    expect(json.regrouped.map((p) => `${p.groupA}>${p.groupB}`)).toEqual(["GB11>GB13", "FR11>ES21"]);
    expect(json.parameters).toMatchObject({ groupsB: "column", unit: "department", missing: "exclude" });
    expect(json.parameters.weightsB.tableName).toBe(B);
    expect(json.parameters.columns.drgB).toBe("医保DRG编码");
  });

  it("--weights-b defaults to --weights when the file has a second group column", async () => {
    const r = await run(["compare", CASES, "--weights", B, "--json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.parameters.weightsB.tableName).toBe(B);
    expect(j.overall.regroupedCases).toBe(2);
    // no --by: by department, the file having the column
    expect(j.units.map((u: { dimension: string }) => u.dimension)).toEqual(["department", "department"]);
  });
});

describe("casemix compare --out", () => {
  it("writes the workbook: three sheets, numbers in the summary, the shared page setup", async () => {
    const out = path.join(dir, "compare.xlsx");
    const r = await run([...BASE0, "--names", "医疗DRG,医保DRG", "--out", out, "--lang", "zh"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `已写出 ${out}\n读取 5 行，对比 5 例；CMI 1.3000 → 1.0600（-0.2400），总权重 6.50 → 5.30（-1.20），病组 3 → 4；改组 2 例（40.00%）\n`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["版本对比", "改组病例", "参数"]);
    const ws = wb.worksheets[0];
    const values: unknown[][] = [];
    const rowNumbers: number[] = [];
    ws.eachRow((row, n) => {
      values.push((row.values as unknown[]).slice(1));
      rowNumbers.push(n);
    });
    const value = (key: string) => values.find((v) => v[0] === key)?.[1];
    expect(value("病例数")).toBe(5);
    expect(value("医疗DRG CMI")).toBe(1.3);
    expect(typeof value("医保DRG CMI")).toBe("number");
    expect(value("Δ 总权重") as number).toBeCloseTo(-1.2, 12);
    expect(value("改组病例占比")).toBe(0.4);
    const cmiRow = rowNumbers[values.findIndex((v) => v[0] === "医疗DRG CMI")];
    expect(ws.getRow(cmiRow).getCell(2).numFmt).toBe("0.0000");
    const hospital = values.find((v) => v[0] === "全院")!;
    expect(hospital.slice(0, 2)).toEqual(["全院", 5]);
    expect(values.map((v) => v[0]).filter((k) => k === "外科" || k === "内科")).toEqual(["外科", "内科"]);
    const p = ws.pageSetup;
    expect([p.orientation, p.paperSize, p.fitToPage, p.fitToWidth, p.fitToHeight]).toEqual([
      "landscape",
      9,
      true,
      1,
      0,
    ]);
    const header = rowNumbers[values.findIndex((v) => v[0] === "科室" && v[1] === "病例数")];
    expect(p.printTitlesRow).toBe(`${header}:${header}`);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1 });
    const pairs: unknown[][] = [];
    wb.worksheets[1].eachRow((row) => pairs.push((row.values as unknown[]).slice(1)));
    expect(pairs.filter((v) => v[2] === "GB13" || v[2] === "ES21").map((v) => v.slice(0, 4))).toEqual([
      ["GB11", "胃大部切除术", "GB13", 1],
      ["FR11", "急性心肌梗死", "ES21", 1],
    ]);
  });

  it("does not replace an existing file without --force", async () => {
    await expectNoOverwrite(BASE, file("taken.xlsx", "mine"));
  });
});

describe("usage and bad input", () => {
  it("a file without a second group column needs --weights-b, in both languages", async () => {
    const en = await run(["compare", ONE_GROUP, "--weights", A, "--json", "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe("");
    expect(en.stderr).toContain(`${ONE_GROUP} has no second group column for version B`);
    expect(en.stderr).toContain("--weights-b");
    expect(en.stderr).toContain("--map drgB=<header>");
    const zh = await run(["compare", ONE_GROUP, "--weights", A, "--json", "--lang", "zh"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`${ONE_GROUP} 没有版本B的第二分组列`);
    expect(zh.stderr).toContain("--weights-b");
  });

  it("with --weights-b, such a file compares its groups under the two tables", async () => {
    const r = await run(["compare", ONE_GROUP, "--weights", A, "--weights-b", B, "--json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.parameters.groupsB).toBe("same");
    expect([j.overall.regroupedCases, j.overall.groupCountChange]).toEqual([0, 0]);
    // A 2, 2, 0.5, 1, 1 = 6.5; B 1.8, 1.8, 0.6, 1.1, 1.1 = 6.4
    expect(j.overall.totalWeightChange).toBeCloseTo(-0.1, 12);
  });

  it("--map drgB=<header> names a second group column the header words miss", async () => {
    const rows = compareRows();
    rows[0] = [...rows[0].slice(0, 4), "新分组"];
    const cases = file("mapped.csv", csvOf(rows));
    const none = await run(["compare", cases, "--weights", A, "--json", "--lang", "en"]);
    expect(none.code).toBe(2);
    const r = await run(["compare", cases, "--weights", A, "--weights-b", B, "--map", "drgB=新分组", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.parameters.columns.drgB, j.parameters.groupsB, j.overall.regroupedCases]).toEqual([
      "新分组",
      "column",
      2,
    ]);
  });

  it("an unknown column name, in --map or as its header, is an error naming it", async () => {
    const bad = await run([...BASE, "--map", "drgC=医保DRG编码", "--json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--map: "drgC=医保DRG编码" is not column=header; columns: .*drgB/);
    const header = await run([...BASE, "--map", "drgB=医保分组", "--json"]);
    expect(header.code).not.toBe(0);
    expect(header.stderr).toContain("医保分组");
    const unit = await run(["compare", CASES, "--weights", A, "--by", "doctor", "--json", "--lang", "en"]);
    expect(unit.code).toBe(1);
    expect(unit.stderr).toMatch(/missing column: doctor .*--map doctor=<header>/);
  });

  it("--missing error names the code, the table and the row", async () => {
    const cases = file("unknown.csv", csvOf([...compareRows(), ["6", "外科", "XX99", "", "GB11"]]));
    const r = await run([
      "compare",
      cases,
      "--weights",
      A,
      "--weights-b",
      B,
      "--missing",
      "error",
      "--json",
      "--lang",
      "en",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`casemix: XX99 (row 7) has no weight in ${A}; add the weights or set missing to "exclude"\n`);
  });

  it("options are checked before any file is read", () => {
    expect(() => parseCompareArgs(["c.csv"], "en")).toThrow(/--weights is required/);
    const zh = (() => {
      try {
        parseCompareArgs(["c.csv"], "zh");
      } catch (e) {
        return (e as CaseMixError).messageIn("zh");
      }
    })();
    expect(zh).toMatch(/^缺少 --weights：版本A的权重表/);
    expect(() => parseCompareArgs(["c.csv", "--weights", "a.csv", "--names", "only"], "en")).toThrow(
      /--names: "only" is not two names/,
    );
    expect(() => parseCompareArgs(["c.csv", "--weights", "a.csv", "--by", "ward"], "en")).toThrow(/--by: "ward"/);
    expect(parseCompareArgs(["c.csv", "--weights", "a.csv", "--names", "医疗DRG，医保DRG"], "en").names).toEqual([
      "医疗DRG",
      "医保DRG",
    ]);
  });

  it("the help text lists the compare command and its options in both languages", async () => {
    expect(HELP.en).toContain("casemix compare <cases.csv|cases.xlsx> --weights a.csv [--weights-b b.csv]");
    expect(HELP.en).toContain("Compare options");
    expect(HELP.zh).toContain("对比选项");
    expect((await run(["compare", "--help", "--lang", "zh"])).stdout).toContain("--weights-b 文件");
  });
});

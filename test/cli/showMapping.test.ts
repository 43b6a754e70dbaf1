/**
 * `--show-mapping` on a front-page export: which source columns feed each column, in both
 * languages, and a --map sum changing it; a missing column names the --map that fixes it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { FRONT_PAGE_HEADERS } from "../helpers/exportHeaders";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-mapping-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, "front-page.csv");
fs.writeFileSync(
  file,
  FRONT_PAGE_HEADERS.join(",") +
    "\n" +
    FRONT_PAGE_HEADERS.map((_, i) => (i === 0 ? "GB11" : i === 1 ? "内科" : "1")).join(",") +
    "\n",
);

describe("casemix report --show-mapping", () => {
  it("prints the default mapping of a front page (en and zh) and writes no report", async () => {
    const en = await run(["report", file, "--show-mapping", "--lang", "en", "--out", path.join(dir, "r.xlsx")]);
    expect([en.code, en.stderr]).toEqual([0, ""]);
    expect(fs.existsSync(path.join(dir, "r.xlsx"))).toBe(false);
    expect(en.stdout).toContain("layout: inpatient front page (病案首页)");
    expect(en.stdout).toContain("Drug cost (drugCost) ← (13)西药费 + 中药类-中成药费 + 中药类-中草药费(元)");
    expect(en.stdout).toContain(
      "Material cost (materialCost) ← 耗材类-检查用一次性医用材料费 + 耗材类-治疗用一次性医用材料费 + 耗材类-手术用一次性医用材料费",
    );
    expect(en.stdout).toContain("Self-pay (selfPay) ← 其中：自付金额");
    expect(en.stdout).toContain("Nursing (catNursing) ← 综合医疗服务类_护理费");
    expect(en.stdout).toMatch(/"Of which" items.*其中：麻醉费 \(in 手术治疗费\)/);
    const zh = await run(["report", file, "--show-mapping", "--lang", "zh"]);
    expect(zh.stdout).toContain("列映射（表头在第 1 行；版式：病案首页）");
    expect(zh.stdout).toContain("药品费 (drugCost) ← (13)西药费 + 中药类-中成药费 + 中药类-中草药费(元)");
  });

  it("shows a --map sum in place of the default", async () => {
    const r = await run([
      "report", file, "--show-mapping", "--lang", "en",
      "--map", "materialCost=耗材类-检查用一次性医用材料费+耗材类-治疗用一次性医用材料费",
    ]); // prettier-ignore
    expect(r.stdout).toContain(
      "Material cost (materialCost) ← 耗材类-检查用一次性医用材料费 + 耗材类-治疗用一次性医用材料费\n",
    );
  });
});

describe("casemix report --weights standardized", () => {
  it("computes the five-category weight and counts the record whose categories miss its total", async () => {
    const r = await run([
      "report",
      file,
      "--weights",
      "standardized",
      "--shares",
      "1,1,1,1,1",
      "--json",
      "--lang",
      "en",
    ]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const json = JSON.parse(r.stdout);
    expect(json.groups[0].rw).toBeCloseTo(1, 12); // one group: its weight is the mean, 1
    expect(json.parameters.weights).toMatchObject({ source: "standardized", shares: [0.2, 0.2, 0.2, 0.2, 0.2] });
    // every cell 1: 总费用 1 against categories of 7 + 1 + 5 + 8 + 3 = 24 columns of 1
    expect(json.parameters.rows.flagged).toEqual({ categoryMismatch: 1, categoryMismatchRows: [2] });
  });

  it("refuses --shares without --weights standardized, and a wrong count", async () => {
    let r = await run(["report", file, "--shares", "1,1,1,1,1", "--lang", "en"]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("--shares goes with --weights standardized")]);
    r = await run(["report", file, "--weights", "standardized", "--shares", "1,1", "--lang", "zh"]);
    expect(r.stderr).toContain("--shares：请给 5 个");
  });
});

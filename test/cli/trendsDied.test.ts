/**
 * `casemix trends`: the died column is read by the rule of the custom functions (issue 16,
 * item 5): a column of only 1s whose header says nothing is an error, unless the benchmark
 * file read in the same run settles it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-died-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Three cases, all 结局 = 1 (a fill-down of 离院方式 = 1, discharged on medical advice).
const data = path.join(dir, "data.csv");
fs.writeFileSync(data, "DRG编码,出院科室,住院总费用,结局\nGB11,内科,1000,1\nGB11,内科,1200,1\nES21,外科,900,1\n");
// Region as 离院方式 codes: GB11 1 death in 10 (M 0.1), ES21 and FR25 1 in 2 (M 0.5):
// ln M -2.303, -0.693, -0.693, mean -1.230, SD 0.929, z(GB11) = -1.155: GB11 is level 1.
const region = path.join(dir, "region.csv");
const regionRows = ["GB11,5", "GB11,2", ...Array(8).fill("GB11,1"), "ES21,5", "ES21,1", "FR25,5", "FR25,1"];
fs.writeFileSync(region, ["DRG编码,离院方式", ...regionRows].join("\n") + "\n");

describe("casemix trends: the died column", () => {
  it("a mapped column of only 1s without a benchmark: an error naming it, non-zero exit", async () => {
    const r = await run(["trends", data, "--map", "died=结局", "--json", "--lang", "en"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/结局: every value is 1, .*name the column 是否死亡 \(a died flag\) or 离院方式/);
    expect(r.stdout).toBe("");
  });

  it("with a 离院方式 benchmark the data's 1s are discharges on medical advice: no death", async () => {
    const r = await run(["trends", data, "--map", "died=结局", "--benchmark", region, "--json", "--lang", "en"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    // low-risk (GB11): 2 cases, 0 deaths; before the fix they read as died flags: 2 deaths, rate 1
    expect(j.quality.overall).toMatchObject({ cases: 2, deaths: 0, rate: 0 });
  });
});

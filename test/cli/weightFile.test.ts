/** `--weights` files of `casemix report` and `trends`, read by the one weight-table reader. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readWeightFile } from "../../src/cli/weightFile";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-weights-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const GB_CSV = path.join(__dirname, "../fixtures/cli/five-groups-gb18030.csv");

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("readWeightFile", () => {
  test("the fixture (drg_code, drg_name, weight) reads as before", async () => {
    const t = await readWeightFile(path.join(__dirname, "../fixtures/cli/weights.csv"));
    expect(t.weightOf("A1")).toBe(2);
    expect(t.weightOf("B1")).toBe(1.5);
  });
  test("weight first, code second, title line above: hand-checked weights", async () => {
    const t = await readWeightFile(
      write("titled.csv", "2024 权重表,,\n权重,名称,DRG编码\n1.25,胃,GB11\n0.8,呼吸,ES21\n"),
    );
    expect([t.codes, Array.from(t.weights)]).toEqual([
      ["GB11", "ES21"],
      [1.25, 0.8],
    ]);
  });
  test("a weight column and an unknown code column: an error, not codes read from the weight column", async () => {
    const file = write("bad.csv", "weight,组别,备注\n1.25,GB11,\n0.8,ES21,\n");
    await expect(readWeightFile(file)).rejects.toThrow(
      'bad.csv row 1: "weight" (column 1) names the weight, but no column is headed as the group code',
    );
  });
});

describe("casemix report --weights with a bad header", () => {
  test("says so in the user's language and writes nothing", async () => {
    const file = write("bad2.csv", "weight,组别,备注\n1.25,A1,\n");
    const out = path.join(dir, "never.xlsx");
    const en = await run(["report", GB_CSV, "--weights", file, "--out", out, "--lang", "en"]);
    expect(en.code).not.toBe(0);
    expect(en.stderr).toContain("the code column cannot be told apart from the weight column");
    const zh = await run(["report", GB_CSV, "--weights", file, "--out", out, "--lang", "zh"]);
    expect(zh.code).not.toBe(0);
    expect(zh.stderr).toContain("无法区分编码列和权重列");
    expect(fs.existsSync(out)).toBe(false);
  });
});

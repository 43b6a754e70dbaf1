/**
 * `casemix audit --tilt`: the policy-tilt simulation from the command line, on the real Harbin
 * 2024 catalogue (data/harbin_chsdrg_weights_2024.csv) with each group once: 703 groups with
 * a weight (seven listed without one), 172 of them with rw >= 2; total 1,383.8855, tilted by
 * "rw>=2:1.1" 1,383.8855 + 0.1 x (weight of the 172) = 1,479.18078, factor
 * 1,383.8855 / 1,479.18078 = 0.9355756367.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { parseAuditArgs } from "../../src/cli/commands/audit";
import { dataFile } from "../../src/cli/repository";

const H2024 = dataFile("harbin_chsdrg_weights_2024.csv");
const CASES = path.join(__dirname, "../../samples/cases.csv");

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-tilt-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("casemix audit harbin_2024 --tilt rw>=2:1.1 (each group once)", () => {
  let json: Record<string, any>;
  const out = path.join(dir, "tilt.xlsx");

  beforeAll(async () => {
    const r = await run(["audit", H2024, "--tilt", "rw>=2:1.1", "--json", "--out", out, "--lang", "en"]);
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
  });

  it("prints the measured figures", () => {
    const t = json.tilt;
    expect(t.clauses.map((c: any) => [c.clause, c.factor, c.groups.length])).toEqual([["rw>=2:1.1", 1.1, 172]]);
    expect(t.clauses[0].groups.length + t.unmatched).toBe(703);
    expect(t.weighting).toBe("groups");
    expect(t.totalBefore).toBeCloseTo(1383.8855, 9);
    expect(t.totalTilted).toBeCloseTo(1479.18078, 9);
    expect(t.factor).toBeCloseTo(0.9355756367, 10);
    expect(t.totalAfter).toBeCloseTo(1383.8855, 9);
    // the audit of the tilted table is neutral
    expect(Math.abs(json.neutrality.relativeChange)).toBeLessThan(1e-12);
    expect(json.parameters.adjusted.source).toBe("rw>=2:1.1");
  });

  it("writes the tilt section on the first sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const values = new Map<string, unknown>();
    ws.eachRow((row) => {
      const k = row.getCell(1).value;
      if (typeof k === "string" && !values.has(k)) values.set(k, row.getCell(2).value);
    });
    expect(values.get("Policy tilt simulation")).toBeNull();
    expect(values.get("Tilt rule")).toBe("rw>=2:1.1");
    expect(values.get("Neutrality factor (total before / total tilted)")).toBeCloseTo(0.9355756367, 10);
    expect(values.get("rw>=2:1.1")).toBe(1.1);
  });
});

describe("casemix audit --tilt with a volume, and its errors", () => {
  it("weighs the tilt by the sample's cases and tables the departments", async () => {
    const r = await run(["audit", H2024, "--tilt", "rw>=2: 1.1; rw<0.8: 0.95", "--volume", CASES, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.tilt.weighting).toBe("cases");
    // neutral over the volume: the tilted table's total equals the base total
    expect(json.tilt.totalAfter).toBeCloseTo(json.tilt.totalBefore, 6);
    expect(json.tilt.factor).toBeCloseTo(json.tilt.totalBefore / json.tilt.totalTilted, 12);
    expect(json.units.length).toBeGreaterThan(0);
    const sum = (k: string) => json.units.reduce((a: number, u: any) => a + u[k], 0);
    expect(sum("totalWeightAfter")).toBeCloseTo(sum("totalWeightBefore"), 6);
  });

  it("refuses --tilt with --adjusted, in both languages (exit 2)", async () => {
    expect(() => parseAuditArgs(["w.csv", "--tilt", "rw>=2:1.1", "--adjusted", "a.csv"], "en")).toThrow(
      "give --tilt or --adjusted, not both",
    );
    const r = await run(["audit", H2024, "--tilt", "rw>=2:1.1", "--adjusted", H2024, "--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--tilt 与 --adjusted 只能给一个");
  });

  it("names the bad clause of --tilt (exit 1)", async () => {
    const r = await run(["audit", H2024, "--tilt", "rw>=2 1.1", "--json", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--tilt: clause "rw>=2 1.1" has no ":"');
  });
});

/**
 * `casemix sample --layout front-page|settlement`: the same cases as the summary sample, their
 * money written as the standard exports write it; read back with no mapping, drugs, materials,
 * patient payment and revenue are the summary sample's (to rounding), the five categories add
 * up to the total, and the README's .xlsx example runs on the workbook it writes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { parseCsvColumns } from "../../src/cli/readInput";
import { generateSample, HARBIN_WEIGHTS, readCatalogue } from "../../src/cli/sample";
import { SampleLayout } from "../../src/cli/sampleLayouts";
import { gridFromColumns, readCaseTable } from "../../src/engine/caseTable";

const catalogue = readCatalogue(HARBIN_WEIGHTS);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-layouts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function tableOf(layout: SampleLayout) {
  const { text } = generateSample(catalogue, { cases: 400, seed: 7, layout });
  return readCaseTable(gridFromColumns(parseCsvColumns(text).columns));
}

describe.each(["frontPage", "settlement"] as const)("the %s layout", (layout) => {
  const summary = tableOf("summary");
  const table = tableOf(layout);

  it("is recognised and gives back the summary sample's money", () => {
    expect(table.layout).toBe(layout);
    expect(table.groups.codes).toEqual(summary.groups.codes);
    for (const column of ["totalCost", "insurancePaid", "selfPay", "drugCost", "materialCost"] as const) {
      const a = summary.numbers[column]!;
      const b = table.numbers[column]!;
      // each item is rounded to cents: a sum of at most 4 items is within 2 cents
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(0.02);
    }
  });

  it("has five categories adding up to the total on every record", () => {
    expect(table.flagged.categoryMismatch).toBe(0);
    for (const c of ["catMedical", "catNursing", "catTech", "catDrug", "catAdmin"] as const)
      expect(table.numbers[c]).toBeDefined();
  });
});

it("the README's .xlsx example runs on casemix sample --layout front-page --out ….xlsx", async () => {
  const file = path.join(dir, "front-page.xlsx");
  let stderr = "";
  let stdout = "";
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) };
  expect(await main(["sample", "--layout", "front-page", "--cases", "300", "--out", file, "--lang", "en"], io)).toBe(0);
  expect(stderr).toContain("300 cases");
  const argv = [
    "report",
    file,
    "--sheet",
    "出院病例",
    "--x-cut",
    "1",
    "--weights",
    "standardized",
    "--json",
    "--lang",
    "en",
  ];
  expect(await main(argv, io)).toBe(0);
  const json = JSON.parse(stdout);
  expect(json.parameters.rows).toMatchObject({ read: 300, used: 300 });
  expect(json.parameters.columns.selfPay).toBe("其中：自付金额");
  expect(json.parameters.weights.source).toBe("standardized");
});

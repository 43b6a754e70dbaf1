import * as fs from "fs";
import * as path from "path";
import { decodeText, parseCsvColumns } from "../../src/cli/readInput";
import { generateSample, HARBIN_WEIGHTS, readCatalogue, rng, SAMPLE_HEADERS } from "../../src/cli/sample";
import { readCaseTable } from "../../src/engine/caseTable";
import { gridFromColumns } from "../../src/engine/caseTable";

const SAMPLE = path.join(__dirname, "../../samples/cases.csv");
const catalogue = readCatalogue(HARBIN_WEIGHTS);

describe("the sample case file", () => {
  it("is the generator's output for the default seed, byte for byte (UTF-8 with BOM)", () => {
    const bytes = fs.readFileSync(SAMPLE);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("utf-8-bom");
    expect(text).toBe(generateSample(catalogue, { cases: 24000, seed: 20240101 }).text);
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
  });

  it("is deterministic and depends on the seed", () => {
    const a = generateSample(catalogue, { cases: 500, seed: 7 }).text;
    expect(generateSample(catalogue, { cases: 500, seed: 7 }).text).toBe(a);
    expect(generateSample(catalogue, { cases: 500, seed: 8 }).text).not.toBe(a);
    const r = rng(1);
    const xs = Array.from({ length: 1000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  describe("looks like a hospital export", () => {
    const { columns } = parseCsvColumns(decodeText(fs.readFileSync(SAMPLE)).text);
    const header = columns.map((c) => c[0]);
    const t = readCaseTable(gridFromColumns(columns));
    const n = t.rowCount;
    const num = t.numbers;

    it("has the Chinese headers, all mapped to canonical columns but the case number", () => {
      expect(header).toEqual(SAMPLE_HEADERS);
      expect(Object.keys(t.mapping).sort()).toEqual(
        ["allocatedAdmin", "allocatedAux", "allocatedDirect", "department", "died", "dischargeDate", "doctor", "drg", "drgName", "drugCost", "insurancePaid", "los", "materialCost", "selfPay", "totalCost"].sort(),
      );
      expect(n).toBe(24000);
      expect(t.skipped).toEqual({ blankRows: 0, emptyGroup: 0 });
    });

    it("uses real group codes with their catalogue names", () => {
      const names = new Map(catalogue.map((g) => [g.code, g.name]));
      t.groups.codes.forEach((code, id) => expect(t.groupNames[id]).toBe(names.get(code)));
      expect(t.groups.codes.length).toBeGreaterThan(400);
    });

    it("spans three years, 20-odd departments and their doctors", () => {
      expect(t.years?.codes.slice().sort()).toEqual(["2022", "2023", "2024"]);
      expect(t.department?.codes.length).toBeGreaterThanOrEqual(20);
      expect(t.doctor?.codes.length).toBeGreaterThan(100);
    });

    it("has plausible money, days and deaths", () => {
      let deaths = 0;
      let bad = 0;
      for (let i = 0; i < n; i++) {
        const total = (num.totalCost as Float64Array)[i];
        // drugs + materials + allocations stay near the charges; a stay lasts a day or more
        const parts = ["drugCost", "materialCost", "allocatedDirect", "allocatedAux", "allocatedAdmin"] as const;
        const cost = parts.reduce((s, p) => s + (num[p] as Float64Array)[i], 0);
        if (!(total > 0 && cost < total * 1.5 && (num.los as Float64Array)[i] >= 1)) bad++;
        deaths += (t.deaths as Float64Array)[i];
      }
      expect(bad).toBe(0);
      expect(deaths / n).toBeGreaterThan(0.001);
      expect(deaths / n).toBeLessThan(0.03);
    });
  });
});

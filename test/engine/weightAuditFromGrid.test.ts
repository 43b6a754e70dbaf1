/**
 * Reading weight tables and case volumes for the audit from grids (src/engine/weightAudit/fromGrid.ts):
 * headers found by their words, title lines, blank and repeated rows counted, unit columns.
 */
import * as fs from "fs";
import { gridFromRows } from "../../src/engine/caseTable";
import { CaseMixError } from "../../src/engine/text";
import { auditWeights } from "../../src/engine/weightAudit/audit";
import { auditTableFromGrid, auditVolumeFromGrid } from "../../src/engine/weightAudit/fromGrid";
import { dataFile } from "../../src/cli/repository";

function csvRows(file: string): string[][] {
  return fs
    .readFileSync(dataFile(file), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
}

const table = (rows: unknown[][], source = "t.csv", firstRow = 1) =>
  auditTableFromGrid(gridFromRows(rows), { source, firstRow });

describe("reading weight tables from grids", () => {
  test("the Harbin catalogues as they are: drg_code, drg_name and weight by header", () => {
    const t22 = table(csvRows("harbin_chsdrg_weights_2022.csv"), "2022.csv");
    expect(t22.columns).toEqual({ code: "drg_code", weight: "weight", name: "drg_name" });
    expect(t22.headerRow).toBe(1);
    expect([t22.rowsRead, t22.groups, t22.rowsWithoutWeight]).toEqual([660, 660, 0]);
    expect(t22.table.firstRow).toBe(2);
    const t24 = table(csvRows("harbin_chsdrg_weights_2024.csv"), "2024.csv");
    // SOURCES.md: 710 groups, 703 with a weight.
    expect([t24.rowsRead, t24.groups, t24.rowsWithoutWeight]).toEqual([710, 710, 7]);
    expect(t24.table.names?.[0]).toBe("心脏移植");
  });

  test("title lines above the header, blank rows, empty codes and repeated codes are counted", () => {
    const t = table(
      [
        ["2024 年 DRG 权重表"],
        [],
        ["序号", "DRG编码", "DRG名称", "权重"],
        [1, "GB11", "胃大手术", 2.5],
        [2, " gb11 ", "胃大手术", "2.5"],
        [3, "", "（空）", 1],
        ["", "", "", ""],
        [4, "ES21", "呼吸道感染", ""],
      ],
      "表.xlsx",
      5,
    );
    expect(t.headerRow).toBe(7); // the grid starts on sheet row 5: header on row 5 + 2
    expect(t.columns).toEqual({ code: "DRG编码", weight: "权重", name: "DRG名称" });
    expect(t.rowsRead).toBe(5);
    expect(t.groups).toBe(2);
    expect(t.rowsWithoutWeight).toBe(1);
    expect(t.skipped).toEqual({ blankRows: 1, emptyCode: 1, duplicates: 1 });
    expect(t.table.firstRow).toBe(8);
  });

  test("without a header: the first column is the code, the second the weight", () => {
    const t = table([
      ["GB11", 1.2],
      ["GB13", 1.5],
    ]);
    expect(t.headerRow).toBe(0);
    expect(t.columns).toEqual({ code: "#1", weight: "#2" });
    expect(t.table.codes).toEqual(["GB11", "GB13"]);
  });

  test("a header naming the weight only: the code is the other column", () => {
    const t = table([
      ["RW", "DRG-Nr"],
      [1.2, "GB11"],
    ]);
    expect(t.columns).toEqual({ code: "DRG-Nr", weight: "RW" });
    expect(t.table.codes).toEqual(["GB11"]);
  });

  test("a weight that is not a number is an error naming the file and the source row", () => {
    const t = table(
      [
        ["drg_code", "weight"],
        ["GB11", "1.2"],
        ["GB13", "n/a"],
      ],
      "w.csv",
      1,
    );
    try {
      auditWeights({ base: t.table });
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(CaseMixError);
      expect((e as CaseMixError).messageIn("en")).toBe('w.csv row 3: "n/a" is not a number');
      expect((e as CaseMixError).messageIn("zh")).toBe('w.csv 第 3 行："n/a" 不是数字');
    }
  });

  test("one column is not a weight table", () => {
    expect(() => table([["GB11"]])).toThrow(/two columns/);
  });
});

describe("reading a case volume from grids", () => {
  test("case rows with a department column: one unit dimension, one case a row", () => {
    const v = auditVolumeFromGrid(
      gridFromRows([
        ["病案号", "出院科室", "DRG编码"],
        ["1", "心内科", "FM19"],
        ["2", "心内科", ""],
        ["3", "普外科", "GB11"],
        ["", "", ""],
      ]),
      { source: "cases.csv" },
    );
    expect(v.units.map((u) => [u.dimension, u.header])).toEqual([["department", "出院科室"]]);
    expect(v.volume.counts).toBeUndefined();
    expect(v.columns).toEqual({ group: "DRG编码", department: "出院科室" });
    expect(v.rowsRead).toBe(4);
    expect(v.skipped).toEqual({ blankRows: 1, emptyGroup: 1 });
  });

  test("a group + count table under English headers that are not case-table words", () => {
    const v = auditVolumeFromGrid(
      gridFromRows([
        ["drg_code", "count", "level"],
        ["GB11", 3, "tertiary"],
        ["GB13", "2", "secondary"],
      ]),
      { source: "v.csv" },
    );
    expect(v.columns).toEqual({ group: "drg_code", cases: "count", hospitalLevel: "level" });
    expect(Array.from(v.volume.counts!)).toEqual([3, 2]);
    expect(v.units[0].values.codes).toEqual(["tertiary", "secondary"]);
  });

  test("no DRG column is an error in both languages", () => {
    try {
      auditVolumeFromGrid(
        gridFromRows([
          ["a", "b"],
          [1, 2],
        ]),
        { source: "v.csv" },
      );
      throw new Error("expected an error");
    } catch (e) {
      expect((e as CaseMixError).messageIn("en")).toMatch(/^v\.csv: no header row naming the DRG group/);
      expect((e as CaseMixError).messageIn("zh")).toMatch(/^v\.csv：前 30 行中没有含 DRG 病组列/);
    }
  });
});

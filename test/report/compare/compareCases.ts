/**
 * The hand-computed example of the two-versions comparison: 5 cases in two departments, each with
 * a group under version A (DRG编码) and version B (医保DRG编码), 2 of them regrouped.
 *
 *   case  dept  A     B      wA    wB
 *   1     外科  GB11  GB11   2     1.8
 *   2     外科  GB11  GB13   2     1.2    regrouped: 1 × (1.2 − 2) = −0.8
 *   3     外科  ES21  ES21   0.5   0.6
 *   4     内科  FR11  FR11   1     1.1
 *   5     内科  FR11  ES21   1     0.6    regrouped: 1 × (0.6 − 1) = −0.4
 *
 * 外科: TW A 2 + 2 + 0.5 = 4.5, CMI A 1.5; TW B 1.8 + 1.2 + 0.6 = 3.6, CMI B 1.2; ΔTW −0.9, ΔCMI −0.3;
 *       groups A 2 (GB11, ES21), B 3 (GB11, GB13, ES21).
 * 内科: TW A 1 + 1 = 2, CMI A 1; TW B 1.1 + 0.6 = 1.7, CMI B 0.85; ΔTW −0.3, ΔCMI −0.15; groups A 1, B 2.
 * Hospital: TW A 6.5, CMI A 1.3; TW B 5.3, CMI B 1.06; ΔTW −1.2, ΔCMI −0.24 (−18.46%); groups A 3,
 *       B 4 (GB11, GB13, ES21, FR11); 2 of 5 cases regrouped (40%), their weight change −1.2.
 * Units by ΔTW, largest loss first: 外科, 内科. Pairs by |change|: GB11 → GB13, FR11 → ES21.
 */
import { readCaseTable } from "../../../src/engine/caseTable";
import { WeightTable, weightTable } from "../../../src/engine/weightTable";
import { computeCompareReport } from "../../../src/report/compare/compute";
import { compareColumns, CompareSettings, DEFAULT_COMPARE_SETTINGS } from "../../../src/report/compare/settings";
import { CompareReport } from "../../../src/report/compare/types";

export const HEADERS = ["病案号", "出院科室", "DRG编码", "DRG名称", "医保DRG编码"];

export const WEIGHTS_A: [string, number][] = [
  ["GB11", 2],
  ["ES21", 0.5],
  ["FR11", 1],
];
export const WEIGHTS_B: [string, number][] = [
  ["GB11", 1.8],
  ["GB13", 1.2],
  ["ES21", 0.6],
  ["FR11", 1.1],
];

export function compareRows(): (string | number)[][] {
  return [
    HEADERS,
    ["1", "外科", "GB11", "胃大部切除术", "GB11"],
    ["2", "外科", "GB11", "胃大部切除术", "GB13"],
    ["3", "外科", "ES21", "呼吸系统感染", "ES21"],
    ["4", "内科", "FR11", "急性心肌梗死", "FR11"],
    ["5", "内科", "FR11", "急性心肌梗死", "ES21"],
  ];
}

/**
 * The example with one row of each reason to leave a row out: a blank row, an empty group B, a
 * group A without a weight in table A (XX99), a group B without one in table B (ZZ99).
 */
export function compareRowsWithSkips(): (string | number)[][] {
  return [
    ...compareRows(),
    ["", "", "", "", ""],
    ["6", "外科", "GB11", "胃大部切除术", ""],
    ["7", "内科", "XX99", "", "FR11"],
    ["8", "内科", "FR11", "急性心肌梗死", "ZZ99"],
  ];
}

export const csvOf = (rows: readonly (readonly (string | number)[])[]): string =>
  rows.map((r) => r.join(",")).join("\r\n") + "\r\n";

export const WEIGHT_A_CSV = csvOf([["DRG编码", "权重"], ...WEIGHTS_A]);
export const WEIGHT_B_CSV = csvOf([["DRG编码", "权重"], ...WEIGHTS_B]);

/** A weight table of (code, weight) pairs. */
export const tableOf = (rows: [string, number][]): WeightTable =>
  weightTable(
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
  );

/** The report of `rows` (default the example) by department, tables a.csv and b.csv unless `extra` says otherwise. */
export function compareReport(extra: Partial<CompareSettings> = {}, rows = compareRows()): CompareReport {
  const settings: CompareSettings = {
    ...DEFAULT_COMPARE_SETTINGS,
    weightsA: { table: tableOf(WEIGHTS_A), name: "a.csv" },
    weightsB: { table: tableOf(WEIGHTS_B), name: "b.csv" },
    unit: "department",
    ...extra,
  };
  return computeCompareReport(readCaseTable(rows, { columns: compareColumns(settings) }), settings, {
    source: "cases.csv",
    version: "9.9.9",
    time: new Date(Date.UTC(2026, 0, 1)),
    utcOffset: 480,
  });
}

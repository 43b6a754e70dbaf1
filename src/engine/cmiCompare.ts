/**
 * Two DRG versions side by side (医疗 DRG vs 医保 DRG, or DRG vs DIP; DOMAIN.md "Using CMI"):
 * each unit's cases, CMI, total weight and group count under version A (its groups and weight
 * table) and under version B, and the differences B - A. Both versions are `caseMix` over the
 * same rows; when the cases carry one code only, version B is the same groups with another table.
 *
 *     dCMI = CMI_B - CMI_A,  dTW = TW_B - TW_A,  dGroups = groups_B - groups_A
 *
 * Example: cases GB11, GB11, ES21; table A GB11 2, ES21 0.5 (TW 4.5, CMI 1.5); table B GB11 1.8,
 * ES21 0.6 (TW 4.2, CMI 1.4): dTW = -0.3, dCMI = -0.1, dGroups = 0.
 */
import { caseMix, CaseMixResult, CaseMixRow } from "./caseMix";
import { Interned } from "./codes";
import { compareKeys } from "./grouping";
import { MissingWeightRule, WeightTable } from "./weightTable";

export interface CmiCompareInput {
  groupsA: Interned;
  groupsB: Interned;
  counts?: Float64Array;
  by?: Interned;
}

export interface VersionFigures {
  cases: number;
  cmi: number;
  totalWeight: number;
  groupCount: number;
}

export interface CmiCompareRow {
  key: string;
  a: VersionFigures;
  b: VersionFigures;
  /** B - A. */
  cmiChange: number;
  totalWeightChange: number;
  groupCountChange: number;
}

export interface CmiCompareResult {
  overall: CmiCompareRow;
  rows?: CmiCompareRow[];
  /** Each version's own case-mix result (skipped rows, excluded cases). */
  resultA: CaseMixResult;
  resultB: CaseMixResult;
}

const NONE: VersionFigures = { cases: 0, cmi: NaN, totalWeight: 0, groupCount: 0 };

function figures(row: CaseMixRow | undefined): VersionFigures {
  if (!row) return NONE;
  return { cases: row.cases, cmi: row.cmi, totalWeight: row.totalWeight, groupCount: row.groupCount };
}

function compareRow(key: string, a: VersionFigures, b: VersionFigures): CmiCompareRow {
  return {
    key,
    a,
    b,
    cmiChange: b.cmi - a.cmi,
    totalWeightChange: b.totalWeight - a.totalWeight,
    groupCountChange: b.groupCount - a.groupCount,
  };
}

export function cmiCompare(
  input: CmiCompareInput,
  tableA: WeightTable,
  tableB: WeightTable,
  options: { missing?: MissingWeightRule; tableNames?: [string, string] } = {},
): CmiCompareResult {
  const [nameA, nameB] = options.tableNames ?? ["weight_table_a", "weight_table_b"];
  const { counts, by } = input;
  const resultA = caseMix({ groups: input.groupsA, counts, by }, tableA, {
    missing: options.missing,
    tableName: nameA,
  });
  const resultB = caseMix({ groups: input.groupsB, counts, by }, tableB, {
    missing: options.missing,
    tableName: nameB,
  });
  let rows: CmiCompareRow[] | undefined;
  if (by) {
    const rowsA = new Map((resultA.rows ?? []).map((r) => [r.key, r]));
    const rowsB = new Map((resultB.rows ?? []).map((r) => [r.key, r]));
    const keys = [...new Set([...rowsA.keys(), ...rowsB.keys()])].sort(compareKeys);
    rows = keys.map((key) => compareRow(key, figures(rowsA.get(key)), figures(rowsB.get(key))));
  }
  return {
    overall: compareRow("", figures(resultA.overall), figures(resultB.overall)),
    rows,
    resultA,
    resultB,
  };
}

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
import { compareCodes, Interned } from "./codes";
import { compareKeys } from "./grouping";
import { CaseMixError } from "./text";
import { MissingWeightRule, WeightTable, weightsForCodes } from "./weightTable";

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

/** Why a row is left out of both versions, each row counted once, in this order. */
export type CompareRowSkip = "emptyGroupA" | "emptyGroupB" | "noCases" | "noWeightA" | "noWeightB";

export interface CommonCases {
  /** Version A's and version B's groups, with id -1 on every row left out of either. */
  groupsA: Interned;
  groupsB: Interned;
  /** Rows left out, by reason (every reason present, 0 when none). */
  skipped: Record<CompareRowSkip, number>;
  /** Groups without a weight in their version's table, in row order (missing = "exclude"). */
  missingCodesA: string[];
  missingCodesB: string[];
}

/** An interning with the rows of `keep` 0 emptied (id -1). */
function masked(groups: Interned, keep: Uint8Array): Interned {
  const ids = new Int32Array(groups.ids.length);
  let empty = 0;
  for (let i = 0; i < ids.length; i++) {
    ids[i] = keep[i] ? groups.ids[i] : -1;
    if (ids[i] < 0) empty++;
  }
  return { ids, codes: groups.codes, empty };
}

/**
 * The rows both versions weigh, so that A and B are the same cases and every difference is the
 * version's: a row with an empty group in either version, no case (a blank or 0 count), or
 * (missing = "exclude") a group without a weight in its version's table is left out of both
 * and counted under its first reason. With missing = "error" (the default) the first row whose
 * group has no weight is an error naming the code, the table and the row (`firstRow` is the
 * row number of the first row in the source).
 */
export function commonCases(
  input: Pick<CmiCompareInput, "groupsA" | "groupsB" | "counts">,
  tableA: WeightTable,
  tableB: WeightTable,
  options: { missing?: MissingWeightRule; tableNames?: [string, string]; firstRow?: number } = {},
): CommonCases {
  const { groupsA, groupsB, counts } = input;
  const [nameA, nameB] = options.tableNames ?? ["weight_table_a", "weight_table_b"];
  const firstRow = options.firstRow ?? 1;
  const exclude = options.missing === "exclude";
  const wA = weightsForCodes(groupsA.codes, tableA);
  const wB = weightsForCodes(groupsB.codes, tableB);
  const n = groupsA.ids.length;
  const keep = new Uint8Array(n);
  const skipped: Record<CompareRowSkip, number> = {
    emptyGroupA: 0,
    emptyGroupB: 0,
    noCases: 0,
    noWeightA: 0,
    noWeightB: 0,
  };
  const seenA = new Uint8Array(groupsA.codes.length);
  const seenB = new Uint8Array(groupsB.codes.length);
  const missingCodesA: string[] = [];
  const missingCodesB: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = groupsA.ids[i];
    const b = groupsB.ids[i];
    if (a < 0) skipped.emptyGroupA++;
    else if (b < 0) skipped.emptyGroupB++;
    else if (counts !== undefined && !(counts[i] > 0)) skipped.noCases++;
    else if (wA[a] !== wA[a]) {
      if (!exclude) throw noWeightError(groupsA.codes[a], nameA, i + firstRow);
      skipped.noWeightA++;
      if (!seenA[a]) missingCodesA.push(groupsA.codes[a]);
      seenA[a] = 1;
    } else if (wB[b] !== wB[b]) {
      if (!exclude) throw noWeightError(groupsB.codes[b], nameB, i + firstRow);
      skipped.noWeightB++;
      if (!seenB[b]) missingCodesB.push(groupsB.codes[b]);
      seenB[b] = 1;
    } else keep[i] = 1;
  }
  return { groupsA: masked(groupsA, keep), groupsB: masked(groupsB, keep), skipped, missingCodesA, missingCodesB };
}

function noWeightError(code: string, table: string, row: number): CaseMixError {
  return new CaseMixError("na", {
    en: `${code} (row ${row}) has no weight in ${table}; add the weights or set missing to "exclude"`,
    zh: `${code}（第 ${row} 行）在 ${table} 中没有权重；请补充权重，或将 missing 设为 "exclude"`,
  });
}

/** The cases of one group under A that are in one group under B. */
export interface GroupPair {
  groupA: string;
  groupB: string;
  cases: number;
  /** The weight of groupA in table A and of groupB in table B. */
  weightA: number;
  weightB: number;
  /** cases x (weightB - weightA): what these cases add to the total weight under B. */
  weightChange: number;
}

export interface GroupCrosswalk {
  /** Cases weighed by both versions. */
  cases: number;
  /** Of them, the cases whose group under B is another code than under A. */
  regroupedCases: number;
  /** Their weight change, the sum of the pairs' weightChange. */
  regroupedWeightChange: number;
  /** The pairs with groupA != groupB: largest |weightChange| first, then most cases, then by codes. */
  pairs: GroupPair[];
}

/**
 * The case crosswalk of two groupings of the same rows (rows with an empty group or no weight in
 * either version, or no case, are not counted: give `commonCases`' groups). A case is regrouped
 * when its code under B differs from its code under A.
 *
 * Example: A GB11, GB11, ES21; B GB11, GB13, ES21; table A GB11 2, ES21 0.5; table B GB11 1.8,
 * GB13 1.2, ES21 0.6: one case regrouped, the pair GB11 -> GB13 with 1 x (1.2 - 2) = -0.8.
 */
export function groupCrosswalk(
  input: Pick<CmiCompareInput, "groupsA" | "groupsB" | "counts">,
  tableA: WeightTable,
  tableB: WeightTable,
): GroupCrosswalk {
  const { groupsA, groupsB, counts } = input;
  const wA = weightsForCodes(groupsA.codes, tableA);
  const wB = weightsForCodes(groupsB.codes, tableB);
  const nB = groupsB.codes.length;
  const pairCases = new Map<number, number>();
  let cases = 0;
  let regrouped = 0;
  for (let i = 0; i < groupsA.ids.length; i++) {
    const a = groupsA.ids[i];
    const b = groupsB.ids[i];
    const c = counts === undefined ? 1 : counts[i];
    if (a < 0 || b < 0 || !(c > 0) || wA[a] !== wA[a] || wB[b] !== wB[b]) continue;
    cases += c;
    if (groupsA.codes[a] === groupsB.codes[b]) continue;
    regrouped += c;
    const key = a * nB + b;
    pairCases.set(key, (pairCases.get(key) ?? 0) + c);
  }
  const pairs: GroupPair[] = [];
  let change = 0;
  for (const [key, c] of pairCases) {
    const a = Math.floor(key / nB);
    const b = key - a * nB;
    const weightChange = c * (wB[b] - wA[a]);
    change += weightChange;
    pairs.push({
      groupA: groupsA.codes[a],
      groupB: groupsB.codes[b],
      cases: c,
      weightA: wA[a],
      weightB: wB[b],
      weightChange,
    });
  }
  pairs.sort(
    (p, q) =>
      Math.abs(q.weightChange) - Math.abs(p.weightChange) ||
      q.cases - p.cases ||
      compareCodes(p.groupA, q.groupA) ||
      compareCodes(p.groupB, q.groupB),
  );
  return { cases, regroupedCases: regrouped, regroupedWeightChange: change, pairs };
}

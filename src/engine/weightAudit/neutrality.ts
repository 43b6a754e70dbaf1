/**
 * Neutrality of a weight adjustment: `before = sum_g n_g x RW_g`, `after = sum_g n_g x RW'_g`
 * over the volume, `relative change = after / before - 1`, `restoring factor = before / after`.
 * A case counts in both totals or in neither: cases of groups without a weight in both tables
 * are left out and counted. Without a volume each group counts once (`weighting: "groups"`).
 */
import { compareCodes } from "../codes";
import { CaseMixError } from "../text";
import { AuditTable, unionCodes, weightsOf } from "./table";
import { sumVolume, VolumeInput, VolumeSums } from "./volume";

/** Plain totals of `neutrality()`. */
export interface NeutralityTotals {
  totalBefore: number;
  totalAfter: number;
  /** after / before - 1; NaN when the total before is 0. */
  relativeChange: number;
  /** before / after, the factor that brings the adjusted total back; NaN when the total after is 0. */
  restoringFactor: number;
  /** Cases (or groups) with a weight in both tables. */
  covered: number;
  /** Cases (or groups) left out because a weight is missing in either table. */
  uncovered: number;
}

export interface Neutrality {
  /** `cases`: over the volume; `groups`: no volume given, each group counted once. */
  weighting: "cases" | "groups";
  totalBefore: number;
  totalAfter: number;
  relativeChange: number;
  restoringFactor: number;
  /** Cases (each group once without a volume) counted in both totals. */
  casesCovered: number;
  /** Cases (groups without a volume) left out: their group lacks a weight in one table or both. */
  casesWithoutWeight: number;
  /** Those groups, sorted. */
  groupsWithoutWeight: string[];
}

/**
 * Totals of two weight columns over per-group case counts (default 1 each). Groups whose
 * count is blank or 0 are skipped; groups with a NaN weight on either side are left out
 * of both totals and counted in `uncovered`.
 *
 *     neutrality([1, 2, 0.5], [1.1, 2.4, 0.5], [10, 5, 20])
 *     // before = 10 + 10 + 10 = 30, after = 11 + 12 + 10 = 33,
 *     // relativeChange = 0.1, restoringFactor = 30 / 33 = 0.9090...
 */
export function neutrality(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  counts?: ArrayLike<number>,
): NeutralityTotals {
  let totalBefore = 0;
  let totalAfter = 0;
  let covered = 0;
  let uncovered = 0;
  for (let i = 0; i < before.length; i++) {
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) continue;
    const b = before[i];
    const a = after[i];
    if (b !== b || a !== a) {
      uncovered += c;
      continue;
    }
    totalBefore += c * b;
    totalAfter += c * a;
    covered += c;
  }
  return {
    totalBefore,
    totalAfter,
    relativeChange: totalBefore !== 0 ? totalAfter / totalBefore - 1 : NaN,
    restoringFactor: totalAfter !== 0 ? totalBefore / totalAfter : NaN,
    covered,
    uncovered,
  };
}

/**
 * The adjusted weights multiplied by the factor that restores the total of `before`
 * (see `neutrality`); NaN weights stay NaN. An error when the adjusted total is 0.
 *
 *     rescaleToNeutral([1, 2], [1, 3], [1, 1])  // factor 3 / 4: [0.75, 2.25]
 */
export function rescaleToNeutral(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  counts?: ArrayLike<number>,
): Float64Array {
  return rescaleBy(after, neutrality(before, after, counts).restoringFactor);
}

function rescaleBy(after: ArrayLike<number>, factor: number): Float64Array {
  if (!Number.isFinite(factor)) throw noRestoringFactor();
  const out = new Float64Array(after.length);
  for (let i = 0; i < after.length; i++) out[i] = after[i] * factor;
  return out;
}

function noRestoringFactor(): CaseMixError {
  return new CaseMixError("div0", {
    en: "the adjusted total weight is 0 (no case has a weight in both tables): there is no factor that restores the base total",
    zh: "调整后总权重为 0（没有病例在两表中都有权重），无法求得还原总权重的系数",
  });
}

/** Neutrality over the volume's groups (`sums`), or over every code of either table once. */
export function neutralityFrom(
  base: AuditTable,
  adjusted: AuditTable,
  sums: VolumeSums | undefined,
  volumeCodes: readonly string[] | undefined,
): Neutrality {
  const codes = sums ? volumeCodes! : unionCodes(base, adjusted);
  const before = weightsOf(codes, base);
  const after = weightsOf(codes, adjusted);
  const counts = sums?.cases;
  const t = neutrality(before, after, counts);
  const groupsWithoutWeight: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    if ((counts ? counts[i] > 0 : true) && (before[i] !== before[i] || after[i] !== after[i])) {
      groupsWithoutWeight.push(codes[i]);
    }
  }
  groupsWithoutWeight.sort(compareCodes);
  return {
    weighting: sums ? "cases" : "groups",
    totalBefore: t.totalBefore,
    totalAfter: t.totalAfter,
    relativeChange: t.relativeChange,
    restoringFactor: t.restoringFactor,
    casesCovered: t.covered,
    casesWithoutWeight: t.uncovered,
    groupsWithoutWeight,
  };
}

/**
 * Neutrality of an adjusted table against a base table over a volume (each group once
 * without one). See the module comment for the formulas.
 */
export function tableNeutrality(base: AuditTable, adjusted: AuditTable, volume?: VolumeInput): Neutrality {
  const sums = volume ? sumVolume(volume) : undefined;
  return neutralityFrom(base, adjusted, sums, volume?.groups.codes);
}

/**
 * The adjusted weights of `adjusted.codes` (in its order) multiplied by the restoring
 * factor of `tableNeutrality`; NaN where the adjusted table has no weight.
 */
export function rescaleTable(
  base: AuditTable,
  adjusted: AuditTable,
  volume?: VolumeInput,
): { weights: Float64Array; neutrality: Neutrality } {
  const n = tableNeutrality(base, adjusted, volume);
  return { weights: rescaleBy(adjusted.weights, n.restoringFactor), neutrality: n };
}

/**
 * Policy tilt simulation: DRG.WEIGHT_TILT. Thin adapter: Excel arguments -> engine
 * `weightTilt` -> cells in the shape of `groups`.
 */
import { normalizeCode } from "../engine/codes";
import { checkNoErrorValues, isTextCell, readNumberColumn } from "../engine/input";
import { CaseMixError } from "../engine/text";
import { ruleFactors, tiltRule, weightTilt } from "../engine/weightTilt";
import { alignRows, column, isOmitted } from "./args";
import { readVolume } from "./audit";
import { currentLanguage, guard, numberCell } from "./excel";

/** Cases of each table row from the volume (each group once without one). */
function rowCounts(codes: string[], volume: ReturnType<typeof readVolume>): Float64Array {
  const counts = new Float64Array(codes.length);
  if (!volume) return counts.fill(1);
  const byCode = new Map<string, number>();
  const { ids, codes: volumeCodes } = volume.groups;
  for (let i = 0; i < ids.length; i++) {
    const c = volume.counts ? volume.counts[i] : 1;
    if (ids[i] < 0 || !(c > 0)) continue;
    const code = normalizeCode(volumeCodes[ids[i]]);
    byCode.set(code, (byCode.get(code) ?? 0) + c);
  }
  // A group listed on two rows counts its cases once.
  const seen = new Set<string>();
  codes.forEach((code, i) => {
    if (seen.has(code)) return;
    seen.add(code);
    counts[i] = byCode.get(code) ?? 0;
  });
  return counts;
}

/** Factors from a rule (one text cell, or a column of clause text) or a column of numbers. */
function readFactors(arg: unknown, codes: string[], weights: Float64Array, firstRow: number): Float64Array {
  const cells = column(arg, "factors_or_rule");
  const text = cells.filter((c) => isTextCell(c) && cellNumberLike(c) === false);
  if (text.length > 0 && (cells.length === 1 || text.length === cells.length)) {
    return ruleFactors(codes, weights, tiltRule(text.map(String).join(";")));
  }
  if (cells.length === 1)
    return new Float64Array(codes.length).fill(positive(readNumberColumn(cells, "factors_or_rule")[0], 1));
  const body = firstRow > 1 ? cells.slice(1) : cells;
  if (body.length !== codes.length) {
    throw new CaseMixError("value", {
      en: `factors_or_rule has ${cells.length} rows but groups has ${codes.length + firstRow - 1}; give a rule, one factor or a column the same size`,
      zh: `factors_or_rule 有 ${cells.length} 行，而 groups 有 ${codes.length + firstRow - 1} 行；请给规则、一个因子或同样大小的一列`,
    });
  }
  const values = readNumberColumn(body, "factors_or_rule", { firstRow });
  return Float64Array.from(values, (v, i) => positive(v, i + firstRow));
}

function cellNumberLike(cell: unknown): boolean {
  return String(cell).trim() !== "" && !Number.isNaN(Number(String(cell).trim()));
}

/** A factor: blank keeps the weight (1); 0 or less is an error naming the row. */
function positive(v: number, row: number): number {
  if (v !== v) return 1;
  if (!(v > 0 && v < Infinity)) {
    throw new CaseMixError("value", {
      en: `factors_or_rule row ${row}: factor ${v} must be above 0`,
      zh: `factors_or_rule 第 ${row} 行：因子 ${v} 必须大于 0`,
    });
  }
  return v;
}

/**
 * Policy tilt (权重政策倾斜): multiplies the chosen groups' weights by a factor, then rescales every weight by the neutrality factor so that the total weight over the volume (each group once without one) is unchanged. Returned in the shape of groups.
 * Rule: clauses "condition: factor" separated by ";": rw>=2, rw<0.8 (the base weight), MDCF (MDC letter), FR1 or FR13 (codes starting so, several separated by commas), joined by & (all must hold). The first matching clause wins; other groups keep factor 1. Example: "MDCF & rw>=2: 1.2; rw>=2: 1.1; rw<0.8: 0.95".
 * @customfunction WEIGHT_TILT
 * @param groups Group code of each row of the table (a header row is skipped).
 * @param weights The base weight of each group.
 * @param factors_or_rule A rule as text, one factor, or a column of factors on the same rows (blank = 1).
 * @param [volume] Optional case volume: one column with the group of each case, one column with the cases of each row of groups (on the same rows), or two columns, group code and case count. Without it, each group counts once.
 * @returns The tilted and rescaled weights, one per row of groups.
 */
export function weightTiltFunction(
  groups: any[][],
  weights: any[][],
  factors_or_rule: any[][],
  volume?: any[][],
): any[][] {
  return guard(() => {
    if (isOmitted(factors_or_rule)) {
      throw new CaseMixError("value", {
        en: 'factors_or_rule is required: a rule such as "rw>=2: 1.1; rw<0.8: 0.95", or a column of factors',
        zh: 'factors_or_rule 为必填参数：规则如 "rw>=2: 1.1; rw<0.8: 0.95"，或一列因子',
      });
    }
    const aligned = alignRows(
      [{ name: "groups", cells: column(groups, "groups") }],
      [{ name: "weights", cells: column(weights, "weights") }],
    );
    checkNoErrorValues(aligned.codes[0], "groups", aligned.firstRow);
    const codes = aligned.codes[0].map(normalizeCode);
    const base = readNumberColumn(aligned.numbers[0], "weights", { firstRow: aligned.firstRow });
    const factors = readFactors(factors_or_rule, codes, base, aligned.firstRow);
    const counts = rowCounts(codes, readVolume(volume, aligned.codes[0]));
    for (let i = 0; i < codes.length; i++) if (codes[i] === "") counts[i] = 0;
    const t = weightTilt(base, factors, counts);
    const out: unknown[] = [];
    if (aligned.firstRow > 1) out.push(currentLanguage() === "zh" ? "倾斜后权重" : "tilted weight");
    for (let i = 0; i < codes.length; i++) {
      const v = t.after[i];
      out.push(v !== v || codes[i] === "" ? "" : numberCell(v));
    }
    const horizontal = Array.isArray(groups) && groups.length === 1 && Array.isArray(groups[0]) && groups[0].length > 1;
    return horizontal ? [out] : out.map((cell) => [cell]);
  }) as any[][];
}

/**
 * Weight functions: DRG.DRG_WEIGHT (相对权重) and DRG.DRG_WEIGHT_STD (five-category standardized weight).
 */
import { internCodes, normalizeCode } from "../engine/codes";
import { yearOf } from "../engine/dates";
import { normalizeWeights } from "../engine/normalization";
import { GroupWeights, relativeWeights } from "../engine/relativeWeights";
import { standardizedWeights } from "../engine/standardizedWeights";
import { TrimMethod, TrimOptions } from "../engine/trimming";
import { isOmitted, numberArg, numberListArg, optionArg, nonEmpty, column, scalar } from "./args";
import { currentLanguage, excelError, guard, numberCell } from "./excel";
import { readCaseArgs, skippedNote } from "./inputs";
import { checkNoErrorValues } from "../engine/input";
import { CaseMixError } from "../engine/text";

const TRIM_METHODS: readonly TrimMethod[] = ["logsd", "sd", "iqr", "percentile", "none"];
const DEFAULT_K: Record<TrimMethod, number> = { logsd: 3, sd: 3, iqr: 1.5, percentile: 5, none: 0 };

function trimOptions(trim: unknown, trimK: unknown): TrimOptions {
  const method = optionArg(trim, "trim", TRIM_METHODS, "logsd");
  const k = numberArg(trimK, "trim_k", DEFAULT_K[method], { min: 0, minExclusive: method !== "none" });
  if (method === "percentile") {
    if (k >= 50) {
      throw new CaseMixError("value", {
        en: `trim_k: for percentile trimming it is the percent cut from each tail and must be below 50 (got ${k})`,
        zh: `trim_k：百分位去极值时表示每端去除的百分比，必须小于 50（当前为 ${k}）`,
      });
    }
    return { method, pLow: k / 100, pHigh: 1 - k / 100 };
  }
  return { method, k };
}

/** The spill of a weight table, or the weights of the `lookup` codes in the shape of `lookup`. */
function weightOutput(weights: GroupWeights, lookup: unknown, note: unknown[] | undefined): unknown[][] {
  if (!isOmitted(lookup)) {
    const index = new Map<string, number>();
    weights.codes.forEach((code, i) => index.set(code, i));
    const cells = Array.isArray(lookup) ? lookup.map((row) => (Array.isArray(row) ? row : [row])) : [[lookup]];
    // The result has the shape of lookup; a ragged array is padded with #N/A to stay rectangular.
    let width = 0;
    for (const row of cells) if (row.length > width) width = row.length;
    return cells.map((row) => {
      const out = row.map((code) => {
        const at = index.get(normalizeCode(code));
        if (at === undefined) return excelError("na");
        return numberCell(weights.weight[at], "na");
      });
      while (out.length < width) out.push(excelError("na"));
      return out;
    });
  }
  const rows: unknown[][] = weights.codes.map((code, i) => [
    code,
    numberCell(weights.weight[i], "na"),
    numberCell(weights.cases[i], "num"),
    numberCell(weights.kept[i], "num"),
    numberCell(weights.meanCost[i], "na"),
    weights.reliable[i] === 1,
  ]);
  if (note) rows.push(note);
  return nonEmpty(rows);
}

/**
 * Relative weight (相对权重, RW): each group's mean cost over the mean cost of all cases, after outlier trimming inside each group.
 * Without `lookup`, spills one row a group sorted by code: group, weight, cases, cases kept after trimming, mean cost, reliable (at least min_cases cases).
 * With `lookup`, the weights of those codes in the shape of `lookup` (#N/A for unknown codes).
 * @customfunction DRG_WEIGHT
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param costs Total cost of each case (for aggregated rows, the average cost per case).
 * @param [lookup] Optional: a code or a range of codes to return the weights of.
 * @param [trim] Optional outlier trimming: "logsd" (default, mean ± k SD of ln cost), "sd", "iqr", "percentile" or "none".
 * @param [trim_k] Optional: k for logsd and sd (default 3) and iqr (default 1.5); for percentile, the percent cut from each tail (default 5).
 * @param [min_cases] Optional: groups with fewer cases are not trimmed and are flagged unreliable (default 5).
 * @param [counts] Optional: cases each row stands for (aggregated rows at their average cost).
 * @param [years] Optional: the year of each case (a year, a discharge date or an Excel date), to blend several years' means.
 * @param [year_weights] Optional: weights of the years from oldest to newest, e.g. "1,2,7" (the default for three years; equal otherwise).
 * @param [scale] Optional: multiply every weight by this (DIP scores: 100 or 1000; default 1).
 * @param [normalize] Optional: TRUE rescales the weights so that the case-weighted mean weight of these cases is exactly 1.
 * @returns A weight table, or the weights of `lookup`.
 */
export function drgWeight(
  groups: any[][],
  costs: any[][],
  lookup?: any[][],
  trim?: string,
  trim_k?: number,
  min_cases?: number,
  counts?: any[][],
  years?: any[][],
  year_weights?: any[][],
  scale?: number,
  normalize?: boolean,
): any[][] {
  return guard(() => {
    const trimming = trimOptions(trim, trim_k);
    const minCases = numberArg(min_cases, "min_cases", 5, { min: 1, integer: true });
    const factor = numberArg(scale, "scale", 1, { min: 0, minExclusive: true });
    const yearWeights = numberListArg(year_weights, "year_weights");
    const input = readCaseArgs({ groups, counts, numeric: [{ name: "costs", arg: costs }] });
    let yearKeys;
    if (!isOmitted(years)) {
      const yearCells = column(years, "years");
      const expected = input.groups.ids.length + (input.firstRow - 1);
      if (yearCells.length !== expected) {
        throw new CaseMixError("value", {
          en: `years has ${yearCells.length} rows but groups has ${expected}; they must be the same size`,
          zh: `years 有 ${yearCells.length} 行，而 groups 有 ${expected} 行，两者大小必须相同`,
        });
      }
      const yearData = yearCells.slice(input.firstRow - 1);
      checkNoErrorValues(yearData, "years", input.firstRow);
      yearKeys = internCodes(yearData, yearOf);
    }
    let weights = relativeWeights(
      { groups: input.groups, costs: input.numbers[0][0], counts: input.counts, years: yearKeys },
      { trim: trimming, minCases, yearWeights, scale: factor },
    );
    if (normalize === true || String(scalar(normalize)).toUpperCase() === "TRUE") {
      weights = normalizeWeights(weights, input.groups, input.counts, factor);
    }
    const missingYear = weights.skipped.missingYear;
    const note = skippedNote(
      {
        emptyGroup: weights.skipped.emptyGroup,
        emptyKey: 0,
        noCases: weights.skipped.zeroCount,
        missingValue: weights.skipped.missingCost,
      },
      input.paddingRows,
      6,
      currentLanguage(),
      { en: "cost", zh: "费用" },
      missingYear > 0 ? [{ en: `${missingYear} with an empty year`, zh: `${missingYear} 行年份为空` }] : [],
    );
    return weightOutput(weights, lookup, note);
  }) as any[][];
}

/**
 * Standardized five-category weight (标准化权重, Beijing method): RW = sum over categories k of s_k x mean_k(group) / mean_k(all cases).
 * Categories are medical, nursing, technical, drugs and administration (医疗、护理、医技、药品、管理), one column each; shares default to 0.2 each.
 * Without `lookup`, spills one row a group: group, weight, cases, cases kept, mean total cost, reliable.
 * @customfunction DRG_WEIGHT_STD
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param category_costs The cost categories of each case, one column per category (usually five).
 * @param [shares] Optional: the share of each category, e.g. "0.2,0.2,0.2,0.2,0.2" (default equal shares).
 * @param [lookup] Optional: a code or a range of codes to return the weights of.
 * @param [min_cases] Optional: groups with fewer cases are flagged unreliable (default 5).
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [scale] Optional: multiply every weight by this (DIP scores; default 1).
 * @returns A weight table, or the weights of `lookup`.
 */
export function drgWeightStd(
  groups: any[][],
  category_costs: any[][],
  shares?: any[][],
  lookup?: any[][],
  min_cases?: number,
  counts?: any[][],
  scale?: number,
): any[][] {
  return guard(() => {
    const minCases = numberArg(min_cases, "min_cases", 5, { min: 1, integer: true });
    const factor = numberArg(scale, "scale", 1, { min: 0, minExclusive: true });
    const shareList = numberListArg(shares, "shares");
    const input = readCaseArgs({
      groups,
      counts,
      numeric: [{ name: "category_costs", arg: category_costs, multi: true }],
    });
    const categories = input.numbers[0];
    if (shareList && shareList.length !== categories.length) {
      throw new CaseMixError("value", {
        en: `shares has ${shareList.length} values but category_costs has ${categories.length} columns`,
        zh: `shares 有 ${shareList.length} 个值，而 category_costs 有 ${categories.length} 列`,
      });
    }
    const weights = standardizedWeights(
      { groups: input.groups, categories, counts: input.counts },
      { shares: shareList, minCases, scale: factor },
    );
    const note = skippedNote(
      {
        emptyGroup: weights.skipped.emptyGroup,
        emptyKey: 0,
        noCases: weights.skipped.zeroCount,
        missingValue: weights.skipped.missingCost,
      },
      input.paddingRows,
      6,
      currentLanguage(),
      { en: "cost", zh: "费用" },
    );
    return weightOutput(weights, lookup, note);
  }) as any[][];
}

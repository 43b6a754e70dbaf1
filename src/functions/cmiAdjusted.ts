/**
 * CMI-adjusted indicators and the targets built on them: DRG.CMI_ADJUSTED (CMI 调整指标),
 * DRG.LOS_TARGET (平均住院日目标) and DRG.COST_TARGET (例均费用目标). Thin adapters: Excel
 * arguments -> engine `cmiAdjusted`, `standardizedTargets` -> cells.
 */
import { AdjustedKind, cmiAdjusted, CmiAdjustedResult } from "../engine/cmiAdjusted";
import { cellNumber, isBlankCell } from "../engine/input";
import { standardizedTargets, TargetBenchmark } from "../engine/standardizedTarget";
import { CaseMixError } from "../engine/text";
import { isOmitted, nonEmpty, numberArg, optionArg, scalar } from "./args";
import { currentLanguage, excelError, ExcelError, guard, meanCell, numberCell } from "./excel";
import { missingWeightPart, readCaseArgs, readTableArg, skippedNote } from "./inputs";

interface ValueArg {
  /** Argument name, as in messages. */
  arg: string;
  /** The value in the skipped note ("with a blank cost"). */
  en: string;
  zh: string;
}

/** Reads the case columns and computes the indicator and the CMI per unit over the same cases. */
function adjustedResult(
  value: ValueArg,
  groups: unknown,
  values: unknown,
  weightTableArg: unknown,
  by: unknown,
  counts: unknown,
  missing: unknown,
  kind: AdjustedKind,
): { result: CmiAdjustedResult; note: (width: number) => unknown[] | undefined } {
  const rule = optionArg(missing, "missing", ["error", "exclude"] as const, "error");
  const input = readCaseArgs({ groups, by, counts, numeric: [{ name: value.arg, arg: values }] });
  const table = readTableArg(weightTableArg, "weight_table");
  const result = cmiAdjusted(
    { groups: input.groups, values: input.numbers[0][0], counts: input.counts, by: input.by },
    table,
    { kind, missing: rule, tableName: "weight_table" },
  );
  const note = (width: number) =>
    skippedNote(
      result.skipped,
      input.paddingRows,
      width,
      currentLanguage(),
      value,
      missingWeightPart(result.excludedCases, result.missingCodes),
    );
  return { result, note };
}

/**
 * A flag column as 1 and 0: TRUE/FALSE as a comparison gives them (=H2:H100="感染"), so a user
 * need not write --(...). Other cells pass through and are read as numbers.
 */
function flagsAsNumbers(values: unknown): unknown {
  if (!Array.isArray(values)) return typeof values === "boolean" ? Number(values) : values;
  return values.map((row: unknown) =>
    Array.isArray(row) ? row.map((v: unknown) => (typeof v === "boolean" ? Number(v) : v)) : row,
  );
}

/** indicator / CMI as a cell: #DIV/0! for a CMI of 0 or no case, #NUM! beyond a double. */
function perCmiCell(value: number, cmi: number): number | ExcelError {
  return cmi === 0 ? excelError("div0") : meanCell(value);
}

/**
 * CMI-adjusted indicator (CMI 调整指标): the indicator of each unit divided by its CMI, so that units with harder cases are compared fairly, e.g. cost per case / CMI, length of stay / CMI, infection rate / CMI.
 * kind "mean" (default): the mean value per case / CMI (= total value / total weight); kind "rate": the share of cases whose value is above 0 (a flag 1 or 0, e.g. infection) / CMI. Indicator and CMI are over the same cases.
 * Without `by`, one number; with `by`, one row per key: key, adjusted indicator, indicator, CMI, cases.
 * @customfunction CMI_ADJUSTED
 * @param values The value of each case: cost, days, or a flag (1 or TRUE yes, 0 or FALSE no) with kind "rate" (one column; a header row is skipped).
 * @param groups DRG group code of each case.
 * @param weight_table Weight table: first column group code, second column weight.
 * @param [by] Optional: the dimension to break down by (department, doctor, hospital), one cell per case.
 * @param [kind] Optional: "mean" (default) or "rate".
 * @param [counts] Optional: cases each row stands for (aggregated rows; with kind "rate", a row with a flag counts all its cases).
 * @param [missing] Optional: "error" (default) stops at a group without a weight; "exclude" leaves its cases out and reports them.
 * @returns The adjusted indicator, or a table by key.
 */
export function cmiAdjustedFunction(
  values: any[][],
  groups: any[][],
  weight_table: any[][],
  by?: any[][],
  kind?: string,
  counts?: any[][],
  missing?: string,
): any[][] {
  return guard(() => {
    const k = optionArg(kind, "kind", ["mean", "rate"] as const, "mean");
    const value = { arg: "values", en: "value", zh: "数值" };
    const flags = k === "rate" ? flagsAsNumbers(values) : values;
    const { result, note } = adjustedResult(value, groups, flags, weight_table, by, counts, missing, k);
    if (!result.rows) return [[perCmiCell(result.overall.adjusted, result.overall.cmi)]];
    const rows: unknown[][] = result.rows.map((r) => [
      r.key,
      perCmiCell(r.adjusted, r.cmi),
      meanCell(r.indicator),
      meanCell(r.cmi),
      numberCell(r.cases, "num"),
    ]);
    const last = note(5);
    if (last) rows.push(last);
    return nonEmpty(rows);
  }) as any[][];
}

const HOSPITAL_WORDS = ["hospital", "全院", "本院", "医院"];
const PERCENTILE_WORDS = ["percentile", "分位数", "百分位数", "百分位"];

/**
 * The benchmark rule: blank or "hospital" the hospital's own value, "percentile" (or a
 * percentile given alone) a percentile of the units, a number that standardized value.
 */
export function benchmarkRule(benchmark: unknown, percentile: unknown): TargetBenchmark {
  const value = scalar(benchmark);
  const pGiven = !isBlankCell(scalar(percentile));
  const p = numberArg(percentile, "percentile", 0.5, { min: 0 });
  if (p > 1) {
    throw new CaseMixError("value", {
      en: `percentile: ${p} must be between 0 and 1, as in PERCENTILE.INC (0.25 for the 25th percentile)`,
      zh: `percentile：${p} 应在 0 与 1 之间，与 PERCENTILE.INC 相同（第 25 百分位填 0.25）`,
    });
  }
  if (isBlankCell(value)) return pGiven ? { kind: "percentile", p } : { kind: "hospital" };
  const word = String(value).trim().toLowerCase();
  if (typeof value === "string" && HOSPITAL_WORDS.includes(word)) return { kind: "hospital" };
  if (typeof value === "string" && PERCENTILE_WORDS.includes(word)) return { kind: "percentile", p };
  const n = cellNumber(value);
  if (n !== undefined && n >= 0 && Number.isFinite(n)) return { kind: "value", value: n };
  throw new CaseMixError("value", {
    en: `benchmark: "${String(value)}" is not "hospital", "percentile" or a standardized value of at least 0`,
    zh: `benchmark："${String(value)}" 不是 "hospital"（全院）、"percentile"（分位数）或不小于 0 的标化值`,
  });
}

function runTarget(
  value: ValueArg,
  groups: unknown,
  values: unknown,
  weightTableArg: unknown,
  by: unknown,
  benchmark: unknown,
  percentile: unknown,
  counts: unknown,
  missing: unknown,
): unknown[][] {
  if (isOmitted(by)) {
    throw new CaseMixError("value", {
      en: "by is missing: give the unit (department, doctor) of each case; a target is set per unit",
      zh: "缺少 by：请给出每个病例的单位（科室、医师）；目标按单位设定",
    });
  }
  const rule = benchmarkRule(benchmark, percentile);
  const { result, note } = adjustedResult(value, groups, values, weightTableArg, by, counts, missing, "mean");
  const targets = standardizedTargets(result, rule);
  const bench = numberCell(targets.benchmark, "div0");
  const rows: unknown[][] = targets.rows.map((r) => [
    r.key,
    meanCell(r.mean),
    meanCell(r.cmi),
    perCmiCell(r.standardized, r.cmi),
    bench,
    numberCell(r.target, "num"),
    numberCell(r.gap, "num"),
    numberCell(r.cases, "num"),
  ]);
  const last = note(8);
  if (last) rows.push(last);
  return nonEmpty(rows);
}

/**
 * Length-of-stay target from CMI (基于 CMI 的平均住院日目标): per unit, standardized LOS = mean LOS / CMI, target = CMI x benchmark standardized LOS, gap = mean LOS - target (above 0: longer than the target).
 * The benchmark: the hospital's own total days / total weight (default, "hospital"), a percentile of the units' standardized LOS ("percentile", or give percentile alone), or a number.
 * One row per unit: unit, mean LOS, CMI, standardized LOS, benchmark, target, gap, cases.
 * @customfunction LOS_TARGET
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param los Length of stay of each case in days (for aggregated rows, the average per case).
 * @param weight_table Weight table: first column group code, second column weight.
 * @param by The unit to set targets for (department, doctor), one cell per case.
 * @param [benchmark] Optional: "hospital" (default), "percentile", or a standardized LOS (days per weight point).
 * @param [percentile] Optional: the percentile of the units' standardized LOS, 0 to 1 as in PERCENTILE.INC (default 0.5).
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [missing] Optional: "error" (default) or "exclude" for cases whose group has no weight.
 * @returns One row per unit.
 */
export function losTarget(
  groups: any[][],
  los: any[][],
  weight_table: any[][],
  by: any[][],
  benchmark?: any,
  percentile?: number,
  counts?: any[][],
  missing?: string,
): any[][] {
  const value = { arg: "los", en: "length of stay", zh: "住院天数" };
  return guard(() =>
    runTarget(value, groups, los, weight_table, by, benchmark, percentile, counts, missing),
  ) as any[][];
}

/**
 * Cost-per-case target from CMI (基于 CMI 的例均费用目标): per unit, standardized cost = mean cost per case / CMI, target = CMI x benchmark standardized cost, gap = mean cost - target (above 0: dearer than the target).
 * The benchmark: the hospital's own total cost / total weight (default, "hospital"), a percentile of the units' standardized costs ("percentile", or give percentile alone), or a number.
 * One row per unit: unit, mean cost, CMI, standardized cost, benchmark, target, gap, cases.
 * @customfunction COST_TARGET
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param costs Total cost of each case (for aggregated rows, the average cost per case).
 * @param weight_table Weight table: first column group code, second column weight.
 * @param by The unit to set targets for (department, doctor), one cell per case.
 * @param [benchmark] Optional: "hospital" (default), "percentile", or a standardized cost (money per weight point).
 * @param [percentile] Optional: the percentile of the units' standardized costs, 0 to 1 as in PERCENTILE.INC (default 0.5).
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [missing] Optional: "error" (default) or "exclude" for cases whose group has no weight.
 * @returns One row per unit.
 */
export function costTarget(
  groups: any[][],
  costs: any[][],
  weight_table: any[][],
  by: any[][],
  benchmark?: any,
  percentile?: number,
  counts?: any[][],
  missing?: string,
): any[][] {
  const value = { arg: "costs", en: "cost", zh: "费用" };
  return guard(() =>
    runTarget(value, groups, costs, weight_table, by, benchmark, percentile, counts, missing),
  ) as any[][];
}

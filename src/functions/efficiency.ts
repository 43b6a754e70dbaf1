/**
 * Efficiency functions: DRG.COST_INDEX (费用消耗指数), DRG.TIME_INDEX (时间消耗指数), and the cost
 * index on drug or material cost, DRG.DRUG_INDEX (药品消耗指数) and DRG.MATERIAL_INDEX (耗材消耗指数).
 */
import { efficiencyIndex } from "../engine/efficiency";
import { isOmitted, nonEmpty } from "./args";
import { currentLanguage, guard, numberCell } from "./excel";
import { readCaseArgs, readTableArg, skippedNote } from "./inputs";

function run(
  valueName: { arg: string; en: string; zh: string },
  groups: unknown,
  values: unknown,
  by: unknown,
  benchmarkTable: unknown,
  counts: unknown,
): unknown[][] {
  const input = readCaseArgs({ groups, by, counts, numeric: [{ name: valueName.arg, arg: values }] });
  const benchmark = isOmitted(benchmarkTable) ? undefined : readTableArg(benchmarkTable, "benchmark_table");
  const result = efficiencyIndex(
    { groups: input.groups, values: input.numbers[0][0], counts: input.counts, by: input.by },
    benchmark,
  );
  if (!result.rows) return [[numberCell(result.overall.index, "div0")]];
  const rows: unknown[][] = result.rows.map((r) => [
    r.key,
    numberCell(r.index),
    numberCell(r.cases, "num"),
    numberCell(r.meanValue),
    numberCell(r.casesWithoutBenchmark, "num"),
  ]);
  const note = skippedNote(result.skipped, input.paddingRows, 5, currentLanguage(), valueName);
  if (note) rows.push(note);
  return nonEmpty(rows);
}

/**
 * Cost index (费用消耗指数): case-mix-adjusted cost against a benchmark, sum of n_g x (c_g / B_g) / sum of n_g.
 * 1 means at the benchmark; above 1, more cost for the same case mix. Without a benchmark table the benchmark is each group's mean over all rows passed.
 * With `by`: key, cost index, cases, mean cost per case, cases in groups without a benchmark.
 * @customfunction COST_INDEX
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param costs Total cost of each case (for aggregated rows, the average cost per case).
 * @param [by] Optional: the dimension to break down by (department, doctor, hospital), one cell per case.
 * @param [benchmark_table] Optional: first column group code, second column benchmark mean cost per case (region or hospital).
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @returns The cost index, or a table by key.
 */
export function costIndex(
  groups: any[][],
  costs: any[][],
  by?: any[][],
  benchmark_table?: any[][],
  counts?: any[][],
): any[][] {
  return guard(() =>
    run({ arg: "costs", en: "cost", zh: "费用" }, groups, costs, by, benchmark_table, counts),
  ) as any[][];
}

/**
 * Time index (时间消耗指数): case-mix-adjusted length of stay against a benchmark, sum of n_g x (t_g / B_g) / sum of n_g.
 * With `by`: key, time index, cases, mean length of stay, cases in groups without a benchmark.
 * @customfunction TIME_INDEX
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param los Length of stay of each case in days (for aggregated rows, the average per case).
 * @param [by] Optional: the dimension to break down by, one cell per case.
 * @param [benchmark_table] Optional: first column group code, second column benchmark mean length of stay.
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @returns The time index, or a table by key.
 */
export function timeIndex(
  groups: any[][],
  los: any[][],
  by?: any[][],
  benchmark_table?: any[][],
  counts?: any[][],
): any[][] {
  return guard(() =>
    run({ arg: "los", en: "length of stay", zh: "住院天数" }, groups, los, by, benchmark_table, counts),
  ) as any[][];
}

/**
 * Drug consumption index (药品消耗指数): the cost index on drug cost, sum of n_g x (d_g / B_g) / sum of n_g, with d_g the unit's mean drug cost per case in group g.
 * 1 means at the benchmark; above 1, more drugs for the same case mix. Without a benchmark table the benchmark is each group's mean drug cost over all rows passed.
 * With `by`: key, drug index, cases, mean drug cost per case, cases in groups without a benchmark.
 * @customfunction DRUG_INDEX
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param drug_costs Drug cost of each case (西药费 + 中成药费 + 中草药费; for aggregated rows, the average per case).
 * @param [by] Optional: the dimension to break down by (department, doctor, hospital), one cell per case.
 * @param [benchmark_table] Optional: first column group code, second column benchmark mean drug cost per case.
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @returns The drug index, or a table by key.
 */
export function drugIndex(
  groups: any[][],
  drug_costs: any[][],
  by?: any[][],
  benchmark_table?: any[][],
  counts?: any[][],
): any[][] {
  return guard(() =>
    run({ arg: "drug_costs", en: "drug cost", zh: "药品费" }, groups, drug_costs, by, benchmark_table, counts),
  ) as any[][];
}

/**
 * Material consumption index (耗材消耗指数): the cost index on material cost, sum of n_g x (m_g / B_g) / sum of n_g, with m_g the unit's mean material cost per case in group g.
 * 1 means at the benchmark; above 1, more materials for the same case mix. Without a benchmark table the benchmark is each group's mean material cost over all rows passed.
 * With `by`: key, material index, cases, mean material cost per case, cases in groups without a benchmark.
 * @customfunction MATERIAL_INDEX
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param material_costs Material cost of each case (耗材费, 卫生材料费; for aggregated rows, the average per case).
 * @param [by] Optional: the dimension to break down by (department, doctor, hospital), one cell per case.
 * @param [benchmark_table] Optional: first column group code, second column benchmark mean material cost per case.
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @returns The material index, or a table by key.
 */
export function materialIndex(
  groups: any[][],
  material_costs: any[][],
  by?: any[][],
  benchmark_table?: any[][],
  counts?: any[][],
): any[][] {
  return guard(() =>
    run(
      { arg: "material_costs", en: "material cost", zh: "耗材费" },
      groups,
      material_costs,
      by,
      benchmark_table,
      counts,
    ),
  ) as any[][];
}

/**
 * Margin functions: DRG.MARGIN_CONTRIB (边际贡献 and the direct/gross/net layers) and
 * DRG.CMI_COST_INDEX (CMI 指数盈亏分析).
 */
import { internCodes, normalizeKey } from "../engine/codes";
import { cmiCostIndex } from "../engine/cmiCostIndex";
import { addAcross, marginContribution } from "../engine/margins";
import { CaseMixError } from "../engine/text";
import { alignRows, AlignedColumn, column, columns, isOmitted, nonEmpty, numberArg, optionArg } from "./args";
import { checkNoErrorValues, readNumberColumn } from "../engine/input";
import { currentLanguage, guard, numberCell } from "./excel";
import { dataRows, missingWeightPart, readCaseArgs, readTableArg, skippedNote } from "./inputs";

/** The values of the given rows. */
function pick(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = values[rows[j]];
  return out;
}

function runMargin(revenue: unknown, cost: unknown, by: unknown, result: unknown, counts: unknown): unknown[][] {
  const wanted = optionArg(result, "result", ["amount", "rate"] as const, "amount");
  const revenueCols = columns(revenue, "revenue").map((cells) => ({ name: "revenue", cells }));
  const costCols = columns(cost, "cost").map((cells) => ({ name: "cost", cells }));
  if (revenueCols.length === 0 || costCols.length === 0) {
    throw new CaseMixError("value", { en: "revenue and cost must not be empty", zh: "revenue 和 cost 不能为空" });
  }
  const numeric: AlignedColumn[] = [...revenueCols, ...costCols];
  const hasCounts = !isOmitted(counts);
  if (hasCounts) numeric.push({ name: "counts", cells: column(counts, "counts") });
  const keyColumns: AlignedColumn[] = isOmitted(by) ? [] : [{ name: "by", cells: column(by, "by") }];
  const aligned = alignRows(keyColumns, numeric);
  const { firstRow } = aligned;
  if (keyColumns.length) checkNoErrorValues(aligned.codes[0], "by", firstRow);
  const read = (j: number, name: string, allowNegative: boolean) =>
    readNumberColumn(aligned.numbers[j], name, { firstRow, allowNegative });
  // Revenue may be negative (refunds, settlement corrections); costs may not.
  let revenueTotal = addAcross(revenueCols.map((_, j) => read(j, "revenue", true)));
  let costTotal = addAcross(costCols.map((_, j) => read(revenueCols.length + j, "cost", false)));
  let countValues = hasCounts ? read(numeric.length - 1, "counts", false) : undefined;
  let byKeys = keyColumns.length ? internCodes(aligned.codes[0], normalizeKey) : undefined;
  const rowsKept = dataRows([...aligned.codes, ...aligned.numbers]);
  if (rowsKept) {
    revenueTotal = pick(revenueTotal, rowsKept);
    costTotal = pick(costTotal, rowsKept);
    if (countValues) countValues = pick(countValues, rowsKept);
    if (byKeys) {
      const ids = new Int32Array(rowsKept.length);
      let empty = 0;
      for (let j = 0; j < rowsKept.length; j++) {
        ids[j] = byKeys.ids[rowsKept[j]];
        if (ids[j] < 0) empty++;
      }
      byKeys = { ids, codes: byKeys.codes, empty };
    }
  }
  const r = marginContribution({ revenue: revenueTotal, cost: costTotal, counts: countValues, by: byKeys });
  // Sums of very large amounts can overflow: #NUM! rather than Infinity.
  if (!r.rows) {
    return [[wanted === "rate" ? numberCell(r.overall.rate) : numberCell(r.overall.contribution, "num")]];
  }
  const rows: unknown[][] = r.rows.map((row) => [
    row.key,
    numberCell(row.revenue, "num"),
    numberCell(row.cost, "num"),
    numberCell(row.contribution, "num"),
    numberCell(row.rate),
    numberCell(row.cases, "num"),
  ]);
  const note = skippedNote(r.skipped, 0, 6, currentLanguage());
  if (note) rows.push(note);
  return nonEmpty(rows);
}

/**
 * Margin contribution (边际贡献): revenue minus cost. Revenue columns are added across (insurance settlement + self-pay); cost columns too (drugs + materials for the marginal contribution; add allocated direct, auxiliary and administrative costs for the direct, gross and net contribution).
 * Without `by`, the contribution (or its rate); with `by`: key, revenue, cost, contribution, rate, cases.
 * @customfunction MARGIN_CONTRIB
 * @param revenue Revenue per case: one or more columns added across (e.g. 医保结算 and 自付).
 * @param cost Cost per case at the layer wanted: one or more columns added across (e.g. 药品费 and 耗材费).
 * @param [by] Optional: the dimension to break down by (DRG group, department, doctor), one cell per case.
 * @param [result] Optional: "amount" (default) or "rate" (contribution / revenue).
 * @param [counts] Optional: cases each row stands for (aggregated rows; money is then per-case average).
 * @returns The contribution or its rate, or a table by key.
 */
export function marginContrib(
  revenue: any[][],
  cost: any[][],
  by?: any[][],
  result?: string,
  counts?: any[][],
): any[][] {
  return guard(() => runMargin(revenue, cost, by, result, counts)) as any[][];
}

/**
 * CMI cost index (CMI 指数盈亏分析): the sum over cases of cost / RW, divided by cases and by the payment per weight point: the share of a weight point's payment that the cost eats. The contribution index is 1 minus it.
 * Without `by`, the index (or the contribution index); with `by`: key, cost index, contribution index, cases.
 * @customfunction CMI_COST_INDEX
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param costs Cost per case at the layer wanted (variable: drugs + materials; more columns for direct, business, full cost), added across.
 * @param weight_table Weight table: first column group code, second column weight.
 * @param rate Payment per weight point (费率), e.g. 12252.70.
 * @param [by] Optional: the dimension to break down by, one cell per case.
 * @param [result] Optional: "cost" (default) for the cost index or "contribution" for 1 minus it.
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [missing] Optional: "error" (default) or "exclude" for cases whose group has no weight.
 * @returns The index, or a table by key.
 */
export function cmiCostIndexFunction(
  groups: any[][],
  costs: any[][],
  weight_table: any[][],
  rate: number,
  by?: any[][],
  result?: string,
  counts?: any[][],
  missing?: string,
): any[][] {
  return guard(() => {
    const wanted = optionArg(result, "result", ["cost", "contribution"] as const, "cost");
    const rule = optionArg(missing, "missing", ["error", "exclude"] as const, "error");
    const paymentRate = numberArg(rate, "rate", NaN, { min: 0, minExclusive: true });
    const input = readCaseArgs({ groups, by, counts, numeric: [{ name: "costs", arg: costs, multi: true }] });
    const table = readTableArg(weight_table, "weight_table");
    const r = cmiCostIndex(
      { groups: input.groups, costs: addAcross(input.numbers[0]), counts: input.counts, by: input.by },
      table,
      paymentRate,
      { missing: rule },
    );
    if (!r.rows) return [[numberCell(wanted === "cost" ? r.overall.costIndex : r.overall.contributionIndex)]];
    const rows: unknown[][] = r.rows.map((row) => [
      row.key,
      numberCell(row.costIndex),
      numberCell(row.contributionIndex),
      numberCell(row.cases, "num"),
    ]);
    const note = skippedNote(
      r.skipped,
      input.paddingRows,
      4,
      currentLanguage(),
      { en: "cost", zh: "成本" },
      missingWeightPart(r.excludedCases, r.missingCodes),
    );
    if (note) rows.push(note);
    return nonEmpty(rows);
  }) as any[][];
}

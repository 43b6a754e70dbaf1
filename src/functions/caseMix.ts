/**
 * Case-mix functions: DRG.CMI, DRG.TOTAL_WEIGHT, DRG.GROUP_COUNT.
 * Thin adapters: Excel arguments -> engine `caseMix` -> cells.
 */
import { caseMix, CaseMixResult, CaseMixRow } from "../engine/caseMix";
import { CaseMixError } from "../engine/text";
import { weightTable } from "../engine/weightTable";
import { isOmitted, nonEmpty, optionArg } from "./args";
import { currentLanguage, guard, meanCell, numberCell } from "./excel";
import { missingWeightPart, readCaseArgs, readTableArg, skippedNote } from "./inputs";

type Measure = "cmi" | "totalWeight" | "groupCount";

const COLUMN_ORDER: Record<Measure, (keyof CaseMixRow)[]> = {
  cmi: ["cmi", "cases", "totalWeight", "groupCount"],
  totalWeight: ["totalWeight", "cases", "cmi", "groupCount"],
  groupCount: ["groupCount", "cases", "totalWeight", "cmi"],
};

function run(
  measure: Measure,
  groups: unknown,
  weightTableArg: unknown,
  by: unknown,
  counts: unknown,
  missing: unknown,
): unknown[][] {
  const rule = optionArg(missing, "missing", ["error", "exclude"] as const, "error");
  const input = readCaseArgs({ groups, by, counts });
  let table = isOmitted(weightTableArg) ? undefined : readTableArg(weightTableArg, "weight_table");
  if (!table && measure !== "groupCount") {
    // =DRG.CMI(B2:B100,) passes an empty weight_table: without weights there is no CMI.
    throw new CaseMixError("value", {
      en: "weight_table is missing: give a range whose first two columns are group code and weight",
      zh: "缺少 weight_table：请给出前两列为病组编码和权重的区域",
    });
  }
  if (!table) {
    // Only GROUP_COUNT may leave the table out: every group then counts with weight 1.
    table = weightTable(
      input.groups.codes,
      input.groups.codes.map(() => 1),
    );
  }
  const result: CaseMixResult = caseMix({ groups: input.groups, counts: input.counts, by: input.by }, table, {
    missing: rule,
    tableName: "weight_table",
  });
  const cell = (row: CaseMixRow, key: keyof CaseMixRow) => {
    if (measure === "groupCount" && isOmitted(weightTableArg) && key !== "groupCount" && key !== "cases") return "";
    if (key === "key") return row.key;
    // CMI of no case is #DIV/0!; a count, total or CMI too large for a double is #NUM!.
    return key === "cmi" ? meanCell(row.cmi) : numberCell(row[key] as number, "num");
  };
  if (!result.rows) return [[cell(result.overall, measure)]];
  const order = COLUMN_ORDER[measure];
  const rows: unknown[][] = result.rows.map((row) => [row.key, ...order.map((key) => cell(row, key))]);
  const lang = currentLanguage();
  const note = skippedNote(
    result.skipped,
    input.paddingRows,
    order.length + 1,
    lang,
    undefined,
    missingWeightPart(result.excludedCases, result.missingCodes),
  );
  if (note) rows.push(note);
  return nonEmpty(rows);
}

/**
 * Case mix index (CMI, 病例组合指数): the average relative weight per case, total weight / cases.
 * Without `by`, one number; with `by`, one row per key: key, CMI, cases, total weight, group count.
 * @customfunction CMI
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param weight_table Weight table: first column group code, second column weight (further columns ignored), e.g. a published table or the spill of DRG.DRG_WEIGHT.
 * @param [by] Optional: the dimension to break down by (department, doctor, hospital, year), one cell per case.
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [missing] Optional: "error" (default) stops at a group without a weight; "exclude" leaves its cases out and reports them.
 * @returns The CMI, or a table by key.
 */
export function cmi(groups: any[][], weight_table: any[][], by?: any[][], counts?: any[][], missing?: string): any[][] {
  return guard(() => run("cmi", groups, weight_table, by, counts, missing)) as any[][];
}

/**
 * Total weight (总权重): the sum of the relative weights of all cases.
 * Without `by`, one number; with `by`, one row per key: key, total weight, cases, CMI, group count.
 * @customfunction TOTAL_WEIGHT
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param weight_table Weight table: first column group code, second column weight.
 * @param [by] Optional: the dimension to break down by, one cell per case.
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [missing] Optional: "error" (default) or "exclude" for cases whose group has no weight.
 * @returns The total weight, or a table by key.
 */
export function totalWeight(
  groups: any[][],
  weight_table: any[][],
  by?: any[][],
  counts?: any[][],
  missing?: string,
): any[][] {
  return guard(() => run("totalWeight", groups, weight_table, by, counts, missing)) as any[][];
}

/**
 * Group count (DRG 组数): the number of distinct DRG groups with at least one case.
 * Without `by`, one number; with `by`, one row per key: key, group count, cases, total weight, CMI.
 * @customfunction GROUP_COUNT
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param [weight_table] Optional weight table: when given, only groups with a weight count, as in DRG.CMI.
 * @param [by] Optional: the dimension to break down by, one cell per case.
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [missing] Optional: "error" (default) or "exclude" for cases whose group has no weight.
 * @returns The group count, or a table by key.
 */
export function groupCount(
  groups: any[][],
  weight_table?: any[][],
  by?: any[][],
  counts?: any[][],
  missing?: string,
): any[][] {
  return guard(() => run("groupCount", groups, weight_table, by, counts, missing)) as any[][];
}

/**
 * Two DRG versions side by side: DRG.CMI_COMPARE (医疗 DRG 与医保 DRG 对比, DRG 与 DIP 对比).
 * Thin adapter: Excel arguments -> engine `cmiCompare` -> cells.
 */
import { cmiCompare, CmiCompareRow, VersionFigures } from "../engine/cmiCompare";
import { checkSameLength } from "../engine/input";
import { CaseMixResult } from "../engine/caseMix";
import { nonEmpty, optionArg } from "./args";
import { currentLanguage, guard, meanCell, numberCell } from "./excel";
import { CaseColumns, missingWeightPart, noteRow, readCaseArgs, readTableArg, skippedParts } from "./inputs";

/** The range without its first row (a header seen in the other version's group column). */
function withoutFirstRow(arg: unknown): unknown {
  return Array.isArray(arg) ? arg.slice(1) : arg;
}

/**
 * Both versions' case columns, lined up row by row: a header row seen in either group column
 * (DRG编码 above one, 医保DRG above the other) is dropped from both.
 */
function readVersions(groupsA: unknown, groupsB: unknown, by: unknown, counts: unknown): [CaseColumns, CaseColumns] {
  let a = readCaseArgs({ groups: groupsA, groupsName: "groups_a", by, counts });
  let b = readCaseArgs({ groups: groupsB, groupsName: "groups_b", by, counts });
  if (a.firstRow > b.firstRow) {
    b = readCaseArgs({ groups: withoutFirstRow(groupsB), groupsName: "groups_b", by: withoutFirstRow(by), counts });
  } else if (b.firstRow > a.firstRow) {
    a = readCaseArgs({ groups: withoutFirstRow(groupsA), groupsName: "groups_a", by: withoutFirstRow(by), counts });
  }
  checkSameLength({ name: "groups_a", length: a.groups.ids.length }, { name: "groups_b", length: b.groups.ids.length });
  return [a, b];
}

function figureCells(f: VersionFigures): unknown[] {
  return [numberCell(f.cases, "num"), meanCell(f.cmi), numberCell(f.totalWeight, "num"), f.groupCount];
}

function rowCells(r: CmiCompareRow): unknown[] {
  return [
    ...figureCells(r.a),
    ...figureCells(r.b),
    numberCell(r.cmiChange, "na"),
    numberCell(r.totalWeightChange, "num"),
    r.groupCountChange,
  ];
}

/** The skipped note: one list when both versions skipped the same rows, else one a version. */
function versionsNote(
  results: [CaseMixResult, CaseMixResult],
  inputs: [CaseColumns, CaseColumns],
  width: number,
): unknown[] | undefined {
  const lang = currentLanguage();
  const [pa, pb] = results.map((r, j) =>
    skippedParts(r.skipped, inputs[j].paddingRows, lang, undefined, missingWeightPart(r.excludedCases, r.missingCodes)),
  );
  if (pa.join() === pb.join()) return noteRow(pa, width, lang);
  const sep = lang === "zh" ? "：" : ": ";
  const label = (name: string, parts: string[]) =>
    parts.length ? [`${name}${sep}${parts.join(lang === "zh" ? "，" : ", ")}`] : [];
  return noteRow([...label("groups_a", pa), ...label("groups_b", pb)], width, lang);
}

/**
 * Two DRG versions side by side (医疗 DRG 与医保 DRG, or DRG and DIP): per unit the cases, CMI, total weight and group count under version A (groups_a with weight_table_a) and version B (groups_b with weight_table_b), and the differences B - A.
 * When the cases carry one code and only the weights differ, give the same range as groups_a and groups_b.
 * Without `by`, one row: cases A, CMI A, total weight A, groups A, cases B, CMI B, total weight B, groups B, CMI change, total weight change, group count change; with `by`, the same after the key, one row per key.
 * @customfunction CMI_COMPARE
 * @param groups_a Group code of each case under version A (one column; a header row is skipped).
 * @param weight_table_a Weight table of version A: first column group code, second column weight.
 * @param groups_b Group code of each case under version B, row by row the same cases as groups_a (it may be the same range).
 * @param weight_table_b Weight table of version B.
 * @param [by] Optional: the dimension to break down by (department, doctor, hospital), one cell per case.
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [missing] Optional: "error" (default) stops at a group without a weight; "exclude" leaves its cases out of that version and reports them.
 * @returns One row, or one row per key.
 */
export function cmiCompareFunction(
  groups_a: any[][],
  weight_table_a: any[][],
  groups_b: any[][],
  weight_table_b: any[][],
  by?: any[][],
  counts?: any[][],
  missing?: string,
): any[][] {
  return guard(() => {
    const rule = optionArg(missing, "missing", ["error", "exclude"] as const, "error");
    const [a, b] = readVersions(groups_a, groups_b, by, counts);
    const tableA = readTableArg(weight_table_a, "weight_table_a");
    const tableB = readTableArg(weight_table_b, "weight_table_b");
    const result = cmiCompare({ groupsA: a.groups, groupsB: b.groups, counts: a.counts, by: a.by }, tableA, tableB, {
      missing: rule,
    });
    if (!result.rows) return [rowCells(result.overall)];
    const rows: unknown[][] = result.rows.map((r) => [r.key, ...rowCells(r)]);
    const note = versionsNote([result.resultA, result.resultB], [a, b], 12);
    if (note) rows.push(note);
    return nonEmpty(rows);
  }) as any[][];
}

/**
 * The two-versions comparison computed from a case table (DOMAIN.md "Using CMI": two DRG
 * versions side by side). Steps, so that an auditor can redo them:
 * 1. Version A is the group column (drg) with table A; version B the second group column (drgB)
 *    with table B, or, when the file has none, the same groups with table B.
 * 2. Both versions weigh the same cases (engine/cmiCompare.ts commonCases): a row with an empty
 *    group in either version, no case, or (missing = "exclude") a group without a weight in its
 *    version's table is left out of both and counted under its first reason.
 * 3. The hospital and (with a unit) each unit: cases, CMI, total weight and groups under A and
 *    B and the differences B − A (cmiCompare); units by total weight change, largest loss first.
 * 4. The crosswalk (groupCrosswalk): the cases whose group under B is another code, and per pair
 *    A → B their cases and weight change, largest change first.
 */
import { CaseTable, groupNamesByCode, missingColumnsError } from "../../engine/caseTable";
import { cmiCompare, CmiCompareRow, commonCases, groupCrosswalk } from "../../engine/cmiCompare";
import { compareKeys } from "../../engine/grouping";
import { checkRequiredColumns } from "../caseColumns";
import { sourceColumns } from "../columnSources";
import { ReportContext, skipCounter, timedContext } from "../common";
import { compareRequiredColumns, CompareSettings } from "./settings";
import { CompareReport, CompareSkip, CompareUnitTable } from "./types";

/**
 * Computes the report from a case table; see the module comment. Throws (naming the column, the
 * table and the row) on a missing column and, with missing = "error", on a group without a weight.
 */
export function computeCompareReport(
  table: CaseTable,
  settings: CompareSettings,
  context: ReportContext,
): CompareReport {
  checkRequiredColumns(table, compareRequiredColumns(settings));
  const skipped: Partial<Record<CompareSkip, number>> = {};
  const bump = skipCounter(skipped);
  const { weightsA, weightsB } = settings;
  const counts = table.numbers.cases;
  const common = commonCases(
    { groupsA: table.groups, groupsB: table.drgB ?? table.groups, counts },
    weightsA.table,
    weightsB.table,
    { missing: settings.missing, tableNames: [weightsA.name, weightsB.name], firstRow: table.firstDataRow },
  );
  bump("blankRow", table.skipped.blankRows);
  bump("emptyGroupA", common.skipped.emptyGroupA - table.skipped.blankRows);
  for (const reason of ["emptyGroupB", "noCases", "noWeightA", "noWeightB"] as const)
    bump(reason, common.skipped[reason]);
  const input = { groupsA: common.groupsA, groupsB: common.groupsB, counts };
  const overall = cmiCompare(input, weightsA.table, weightsB.table).overall;

  let units: CompareUnitTable | undefined;
  // Without --by, by department when the file has the column (as the payment report does).
  const unit = settings.unit ?? (table.department ? "department" : undefined);
  if (unit) {
    const by = table[unit];
    if (!by) throw missingColumnsError([unit], table.headers);
    let emptyUnitRows = 0;
    for (let i = 0; i < by.ids.length; i++) if (by.ids[i] < 0 && common.groupsA.ids[i] >= 0) emptyUnitRows++;
    bump("emptyUnit", emptyUnitRows);
    const rows = cmiCompare({ ...input, by }, weightsA.table, weightsB.table).rows as CmiCompareRow[];
    rows.sort((p, q) => p.totalWeightChange - q.totalWeightChange || compareKeys(p.key, q.key));
    units = { dimension: unit, rows, emptyUnitRows };
  }

  const crosswalk = groupCrosswalk(input, weightsA.table, weightsB.table);
  const nameOf = groupNamesByCode(table);
  const pairs = crosswalk.pairs.map((p) => ({ ...p, name: nameOf.get(p.groupA) ?? "" }));
  // commonCases empties every row it leaves out, so the rows used are the others.
  const rowsUsed = common.groupsA.ids.length - common.groupsA.empty;

  return {
    settings,
    groupsB: table.drgB ? "column" : "same",
    context: timedContext(context),
    columns: sourceColumns(table),
    flagged: table.flagged,
    headerRow: table.headerRowNumber,
    rowsRead: table.rowCount,
    rowsUsed,
    skipped,
    weights: { source: "table", tableName: weightsA.name, missingCodes: common.missingCodesA },
    overall,
    units,
    crosswalk: { ...crosswalk, pairs },
    missingCodesB: common.missingCodesB,
  };
}

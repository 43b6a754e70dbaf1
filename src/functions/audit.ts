/**
 * Weight-adjustment audit functions: DRG.WEIGHT_AUDIT, DRG.WEIGHT_NEUTRALITY, DRG.WEIGHT_RESCALE.
 * Thin adapters: Excel arguments -> engine `weightAudit` -> cells.
 *
 * The tables are columns side by side: `groups` (codes), `weights` (the base table), and for
 * the adjusted table an `adjusted` column on the same rows (a group in one table only has a
 * blank cell in the other). `volume` is a range of one or two columns: one column = one row
 * a case (its group code), or the case count of each row of the table (numbers that are not
 * the table's codes, on the same rows); two columns = group code and case count (one row a
 * group, or a department x group, repeated codes are added). A header row is skipped everywhere.
 */
import { internCodes, normalizeCode } from "../engine/codes";
import { checkNoErrorValues, readNumberColumn } from "../engine/input";
import { CaseMixError } from "../engine/text";
import { auditWeights } from "../engine/weightAudit/audit";
import { rescaleTable, tableNeutrality } from "../engine/weightAudit/neutrality";
import { auditTable, TableInput } from "../engine/weightAudit/table";
import { VolumeInput } from "../engine/weightAudit/volume";
import { findingRow, noFindingsRow } from "../words/auditFindings";
import { checkVolumeMatches, countsPerRow } from "./volume";
import { alignRows, AlignedColumn, column, columns, isOmitted, numberArg } from "./args";
import { currentLanguage, excelError, guard, numberCell } from "./excel";

/**
 * The volume argument, read against the table: one column of case rows, one column of case
 * counts on the rows of the table (`countsPerRow`), or group code + case count; a volume that
 * matches no group of the table is an error (`checkVolumeMatches`), not totals of 0.
 */
export function readVolume(arg: unknown, tableCodes: ArrayLike<unknown>): VolumeInput | undefined {
  if (isOmitted(arg)) return undefined;
  const known = new Set(Array.from(tableCodes, normalizeCode));
  const cols = columns(arg, "volume");
  const volume = (cols.length === 1 ? countsPerRow(cols[0], tableCodes, known) : undefined) ?? readVolumeColumns(arg);
  if (volume) checkVolumeMatches(volume, known);
  return volume;
}

/** The volume argument: one column of case rows, or group code + case count. */
function readVolumeColumns(arg: unknown): VolumeInput | undefined {
  if (isOmitted(arg)) return undefined;
  const cols = columns(arg, "volume");
  if (cols.length < 1 || cols.length > 2) {
    throw new CaseMixError("value", {
      en: `volume must have 1 column (the group of each case, or the cases of each row of groups) or 2 (group code, case count); it has ${cols.length}`,
      zh: `volume 应为 1 列（每个病例的病组编码，或 groups 每行的病例数）或 2 列（病组编码、病例数）；当前有 ${cols.length} 列`,
    });
  }
  const codes: AlignedColumn = { name: "volume", cells: cols[0] };
  if (cols.length === 1) {
    const aligned = alignRows([codes], []);
    checkNoErrorValues(aligned.codes[0], "volume", aligned.firstRow);
    return { groups: internCodes(aligned.codes[0]) };
  }
  const aligned = alignRows([codes], [{ name: "volume", cells: cols[1] }]);
  checkNoErrorValues(aligned.codes[0], "volume", aligned.firstRow);
  return {
    groups: internCodes(aligned.codes[0]),
    counts: readNumberColumn(aligned.numbers[0], "volume", { firstRow: aligned.firstRow }),
  };
}

interface Tables {
  base: TableInput;
  adjusted?: TableInput;
  /** Cells of the adjusted column after the header row, for the rescale output. */
  adjustedCells?: unknown[];
  header: boolean;
}

/** The code column with the base and adjusted weight columns (and names) beside it. */
function readTables(groups: unknown, weights: unknown, adjusted: unknown, names: unknown): Tables {
  const codeColumns: AlignedColumn[] = [{ name: "groups", cells: column(groups, "groups") }];
  const hasNames = !isOmitted(names);
  if (hasNames) codeColumns.push({ name: "names", cells: column(names, "names") });
  const numeric: AlignedColumn[] = [{ name: "weights", cells: column(weights, "weights") }];
  const hasAdjusted = !isOmitted(adjusted);
  if (hasAdjusted) numeric.push({ name: "adjusted", cells: column(adjusted, "adjusted") });
  const aligned = alignRows(codeColumns, numeric);
  aligned.codes.forEach((cells, j) => checkNoErrorValues(cells, codeColumns[j].name, aligned.firstRow));
  const codes = aligned.codes[0];
  const nameCells = hasNames ? aligned.codes[1] : undefined;
  const { firstRow } = aligned;
  const tables: Tables = {
    base: { codes, weights: aligned.numbers[0], names: nameCells, argName: "weights", firstRow },
    header: firstRow > 1,
  };
  if (hasAdjusted) {
    tables.adjusted = { codes, weights: aligned.numbers[1], names: nameCells, argName: "adjusted", firstRow };
    tables.adjustedCells = aligned.numbers[1];
  }
  return tables;
}

/** The base and adjusted tables of WEIGHT_NEUTRALITY and WEIGHT_RESCALE, and the volume. */
function readPair(groups: unknown, weights: unknown, adjusted: unknown, volume: unknown) {
  if (isOmitted(adjusted)) throw missingAdjusted();
  const tables = readTables(groups, weights, adjusted, undefined);
  return {
    tables,
    base: auditTable(tables.base, "weights"),
    adjusted: auditTable(tables.adjusted!, "adjusted"),
    volume: readVolume(volume, tables.base.codes),
  };
}

/**
 * Audits a weight table (权重调整审核), alone or against an adjusted table over a case volume. Spills one finding a row: kind, ADRG or family, groups, weights, detail. Kinds: total weight changed (neutrality), severity order (a more severe group lighter than a less severe one in the same ADRG or MS-DRG family, e.g. "JR11 < JR13"), missing weight, zero or negative weight, only in base / adjusted table, large change. With nothing found, one row says so.
 * @customfunction WEIGHT_AUDIT
 * @param groups Group code of each row of the table (CHS-DRG codes such as GB11, or MS-DRG definitions such as "193 - SIMPLE PNEUMONIA & PLEURISY W MCC"; a header row is skipped).
 * @param weights The weight of each group in the base (published or current) table; a blank cell is a group without a weight.
 * @param [adjusted] Optional: the adjusted weight of each group, on the same rows.
 * @param [volume] Optional case volume: one column with the group of each case, one column with the cases of each row of groups (on the same rows), or two columns, group code and case count. Without it, each group counts once in the total weight.
 * @param [names] Optional: the group names, on the same rows (MS-DRG families are read from the words W MCC, W CC, W/O CC/MCC).
 * @param [largest_changes] Optional: how many of the largest relative changes to list (default 10; 0 for none).
 * @returns One row a finding: kind, ADRG or family, groups, weights, detail.
 */
export function weightAudit(
  groups: any[][],
  weights: any[][],
  adjusted?: any[][],
  volume?: any[][],
  names?: any[][],
  largest_changes?: number,
): any[][] {
  return guard(() => {
    const largest = numberArg(largest_changes, "largest_changes", 10, { min: 0, integer: true });
    const tables = readTables(groups, weights, adjusted, names);
    const result = auditWeights(
      { base: tables.base, adjusted: tables.adjusted, volume: readVolume(volume, tables.base.codes) },
      { largestChanges: largest },
    );
    const lang = currentLanguage();
    if (result.findings.length === 0) return [noFindingsRow(result, lang)];
    return result.findings.map((f) => findingRow(f, result, lang));
  }) as any[][];
}

/**
 * Neutrality of a weight adjustment (总权重是否不变): total weight before (Σ cases × weight) and after (Σ cases × adjusted weight) over the case volume, the relative change and the factor that restores the total. Cases of groups without a weight in both columns are left out of both totals.
 * @customfunction WEIGHT_NEUTRALITY
 * @param groups Group code of each row of the table (a header row is skipped).
 * @param weights The base weight of each group.
 * @param adjusted The adjusted weight of each group, on the same rows.
 * @param [volume] Optional case volume: one column with the group of each case, one column with the cases of each row of groups (on the same rows), or two columns, group code and case count. Without it, each group counts once.
 * @returns One row: total before, total after, relative change, restoring factor.
 */
export function weightNeutrality(groups: any[][], weights: any[][], adjusted: any[][], volume?: any[][]): any[][] {
  return guard(() => {
    const pair = readPair(groups, weights, adjusted, volume);
    const n = tableNeutrality(pair.base, pair.adjusted, pair.volume);
    // Totals beyond a double are out of range (#NUM!), and so is any ratio of them (after /
    // before of Infinity reads -1 or 0); a ratio over a total of 0 is #DIV/0!.
    const inRange = Number.isFinite(n.totalBefore) && Number.isFinite(n.totalAfter);
    const ratio = (v: number) => (inRange ? numberCell(v) : excelError("num"));
    return [
      [
        numberCell(n.totalBefore, "num"),
        numberCell(n.totalAfter, "num"),
        ratio(n.relativeChange),
        ratio(n.restoringFactor),
      ],
    ];
  }) as any[][];
}

/**
 * Rescales adjusted weights to neutrality (还原总权重): the adjusted weights multiplied by the factor that brings the total weight over the volume back to the base total. Returned in the shape of groups; rows without a code or an adjusted weight stay blank.
 * @customfunction WEIGHT_RESCALE
 * @param groups Group code of each row of the table (a header row is skipped).
 * @param adjusted The adjusted weight of each group.
 * @param weights The base weight of each group, on the same rows.
 * @param [volume] Optional case volume: one column with the group of each case, one column with the cases of each row of groups (on the same rows), or two columns, group code and case count. Without it, each group counts once.
 * @returns The rescaled adjusted weights, one per row of groups.
 */
export function weightRescale(groups: any[][], adjusted: any[][], weights: any[][], volume?: any[][]): any[][] {
  return guard(() => {
    const { tables, ...pair } = readPair(groups, weights, adjusted, volume);
    const { neutrality } = rescaleTable(pair.base, pair.adjusted, pair.volume);
    const factor = neutrality.restoringFactor;
    const values = readNumberColumn(tables.adjustedCells!, "adjusted", {
      firstRow: tables.base.firstRow,
      allowNegative: true,
    });
    const codes = tables.base.codes;
    const out: unknown[] = [];
    if (tables.header) out.push(currentLanguage() === "zh" ? "还原后权重" : "rescaled weight");
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out.push(v !== v || normalizeCode(codes[i]) === "" ? "" : numberCell(v * factor));
    }
    const horizontal = Array.isArray(groups) && groups.length === 1 && Array.isArray(groups[0]) && groups[0].length > 1;
    return horizontal ? [out] : out.map((cell) => [cell]);
  }) as any[][];
}

function missingAdjusted(): CaseMixError {
  return new CaseMixError("value", {
    en: "adjusted is required: the adjusted weight of each group",
    zh: "缺少 adjusted 参数：每个病组调整后的权重",
  });
}

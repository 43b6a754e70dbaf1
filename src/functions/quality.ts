/**
 * Quality functions (安全维度): DRG.RISK_LEVEL (死亡风险等级) and DRG.LOW_RISK_MORTALITY
 * (低风险组死亡率). Thin adapters: Excel arguments -> engine `mortalityRisk` -> cells.
 */
import { internCodes, Interned, normalizeCode, normalizeKey } from "../engine/codes";
import {
  checkNoErrorValues,
  errorValueInCell,
  isBlankCell,
  isTextCell,
  mayBeErrorValue,
  readNumberColumn,
} from "../engine/input";
import * as engine from "../engine/mortalityRisk";
import { DiedColumn, DiedKind, GroupRisk, isDiedValue, readDiedColumns, riskLevels } from "../engine/mortalityRisk";
import { levelsFromList, levelsFromTable, riskLevelOfCell, RiskLookup } from "../engine/riskLevelTable";
import { CaseMixError } from "../engine/text";
import { alignRows, AlignedColumn, column, columns, isOmitted, nonEmpty, optionArg } from "./args";
import { currentLanguage, excelError, guard, numberCell } from "./excel";
import { isPaddingCell, skippedNote } from "./inputs";

/** Groups, died cells (and by, counts) lined up row by row; the deaths are read later, together. */
interface MortalityCells {
  groups: Interned;
  died: DiedColumn;
  by?: Interned;
  counts?: Float64Array;
  paddingRows: number;
}

interface MortalityColumns extends Omit<MortalityCells, "died"> {
  deaths: Float64Array;
}

/**
 * Reads groups, died (and by, counts) lined up row by row. The first row is a header when
 * it is one for `alignRows` (a known header word in groups, text in counts) or when its
 * died cell is text that is no died value (离院方式, 是否死亡); the header then goes with the
 * died cells, where it can name their encoding.
 */
function readMortalityCells(
  args: { groups: unknown; died: unknown; by?: unknown; counts?: unknown },
  names: { groups: string; died: string } = { groups: "groups", died: "died" },
): MortalityCells {
  const codeColumns: AlignedColumn[] = [
    { name: names.groups, cells: column(args.groups, names.groups) },
    { name: names.died, cells: column(args.died, names.died) },
  ];
  const hasBy = !isOmitted(args.by);
  if (hasBy) codeColumns.push({ name: "by", cells: column(args.by, "by") });
  const hasCounts = !isOmitted(args.counts);
  const numericColumns: AlignedColumn[] = hasCounts ? [{ name: "counts", cells: column(args.counts, "counts") }] : [];
  let aligned = alignRows(codeColumns, numericColumns);
  const diedFirst = codeColumns[1].cells[0];
  let header: unknown = aligned.firstRow === 2 ? diedFirst : undefined;
  if (aligned.firstRow === 1 && isTextCell(diedFirst) && !isDiedValue(diedFirst)) {
    header = diedFirst;
    aligned = {
      codes: aligned.codes.map((c) => c.slice(1)),
      numbers: aligned.numbers.map((c) => c.slice(1)),
      firstRow: 2,
    };
  }
  const { firstRow } = aligned;
  checkNoErrorValues(aligned.codes[0], names.groups, firstRow);
  if (hasBy) checkNoErrorValues(aligned.codes[2], "by", firstRow);
  const counts = hasCounts ? readNumberColumn(aligned.numbers[0], "counts", { firstRow }) : undefined;
  const [groupCells, diedCells] = aligned.codes;
  let paddingRows = 0;
  for (let i = 0; i < groupCells.length; i++) {
    if (isBlankCell(groupCells[i]) && isPaddingCell(diedCells[i])) paddingRows++;
  }
  return {
    groups: internCodes(groupCells),
    died: { values: diedCells, argName: names.died, firstRow, counts, header },
    by: hasBy ? internCodes(aligned.codes[2], normalizeKey) : undefined,
    counts,
    paddingRows,
  };
}

/** The `died_kind` argument: "flag" (1 died) or "discharge_way" (离院方式, 5 died); undefined to detect. */
function diedKindArg(arg: unknown): DiedKind | undefined {
  if (isOmitted(arg)) return undefined;
  return optionArg(arg, "died_kind", ["flag", "discharge_way"] as const, "flag") === "flag" ? "flag" : "dischargeWay";
}

/** The deaths of each part's died column, their encoding decided once for the call (data and benchmark together). */
function withDeaths(parts: MortalityCells[], diedKind: unknown): MortalityColumns[] {
  const read = readDiedColumns(
    parts.map((p) => p.died),
    { kind: diedKindArg(diedKind), kindOption: "died_kind" },
  );
  return parts.map((p, i) => ({
    groups: p.groups,
    by: p.by,
    counts: p.counts,
    paddingRows: p.paddingRows,
    deaths: read[i].deaths,
  }));
}

function levelsOf(input: MortalityColumns): GroupRisk {
  return riskLevels({ groups: input.groups, deaths: input.deaths, counts: input.counts });
}

/**
 * The `levels` argument of LOW_RISK_MORTALITY: one column is a list of the low-risk groups;
 * two or more columns are a table with the group code in the first and the level in the
 * last (RISK_LEVEL's spill, or a published group | level table). A first row whose level
 * cell is text but no level is a header.
 */
function readLevels(arg: unknown): RiskLookup {
  const cols = columns(arg, "levels");
  if (cols.length === 1) return levelsFromList(alignRows([{ name: "levels", cells: cols[0] }], []).codes[0]);
  const codes = cols[0];
  const levels = cols[cols.length - 1];
  const header = isTextCell(levels[0]) && riskLevelOfCell(levels[0]) === undefined;
  const from = header ? 1 : 0;
  return levelsFromTable(codes.slice(from), levels.slice(from), { argName: "levels", firstRow: from + 1 });
}

/**
 * Mortality risk level of each DRG group (死亡风险等级): z = (ln M - mean ln M) / SD over the groups with deaths; level 0 no deaths, 1 if z < -1, 2 if -1 <= z < 0, 3 if 0 <= z < 1, 4 if z >= 1.
 * Without `lookup`, spills one row a group sorted by code: group, cases, deaths, mortality, z (blank without deaths), level.
 * With `lookup`, the levels of those codes in the shape of `lookup` (#N/A for a code without cases).
 * `died` reads 1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code (离院方式, only 5 is death): a column headed 离院方式, or holding any of 2, 3, 4, 5, 9, is read as discharge way; one headed 是否死亡 or holding both 0 and 1 as a flag; a column of only 1s is an error unless died_kind or its header says which (1 is a death as a flag, discharge on medical advice as a discharge way). With `counts`, `died` is the number of deaths of each row.
 * @customfunction RISK_LEVEL
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param died Died flag of each case: 1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code (5 = death); with counts, the number of deaths.
 * @param [lookup] Optional: a code or a range of codes to return the levels of.
 * @param [counts] Optional: cases each row stands for (aggregated rows); died is then the deaths of the row.
 * @param [died_kind] Optional: how died's numbers are read, "flag" (1 died, 0 not) or "discharge_way" (离院方式: 5 died); default from the header and the values.
 * @returns A table of groups, or the levels of `lookup`.
 */
export function riskLevel(
  groups: any[][],
  died: any[][],
  lookup?: any[][],
  counts?: any[][],
  died_kind?: string,
): any[][] {
  return guard(() => {
    const [input] = withDeaths([readMortalityCells({ groups, died, counts })], died_kind);
    const risk = levelsOf(input);
    if (!isOmitted(lookup)) {
      const lang = currentLanguage();
      const cells = (Array.isArray(lookup) ? (lookup as unknown[]) : [lookup]).map((row) =>
        Array.isArray(row) ? row : [row],
      );
      cells.forEach((row, r) => {
        for (const c of row) if (mayBeErrorValue(c)) throw errorValueInCell("lookup", r + 1, c);
      });
      return cells.map((row) =>
        row.map((code) => {
          if (isBlankCell(code)) return "";
          const at = risk.index.get(normalizeCode(code));
          if (at !== undefined) return risk.level[at];
          const c = normalizeCode(code);
          return excelError("na", lang === "zh" ? `${c} 在 groups 中没有病例` : `${c} has no cases in groups`);
        }),
      );
    }
    const rows: unknown[][] = risk.codes.map((code, k) => [
      code,
      risk.cases[k],
      risk.deaths[k],
      risk.mortality[k],
      risk.deaths[k] > 0 ? numberCell(risk.z[k], "num") : "",
      risk.level[k],
    ]);
    const note = skippedNote(risk.skipped, input.paddingRows, 6, currentLanguage());
    if (note) rows.push(note);
    return nonEmpty(rows);
  }) as any[][];
}

/**
 * Low-risk mortality (低风险组死亡率): deaths in level-1 (low-risk) groups / cases in level-1 groups.
 * Levels come from `levels` when given (a group | level table such as RISK_LEVEL's spill or a published one, or one column listing the low-risk groups), else from the benchmark data (e.g. the region), else from the data itself; a group the benchmark or level table does not know is not low-risk.
 * Without `by`, one number; with `by`, one row per key: key, level-1 cases, level-1 deaths, rate (#DIV/0! without level-1 cases).
 * The died columns of the data and the benchmark are read together (see RISK_LEVEL): a column of only 1s takes the reading of the other, or is an error unless died_kind or its header says which.
 * @customfunction LOW_RISK_MORTALITY
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param died Died flag of each case: 1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code (5 = death); with counts, the number of deaths.
 * @param [by] Optional: the dimension to break down by (department, doctor, hospital), one cell per case.
 * @param [benchmark_groups] Optional: group codes of the benchmark cases the levels come from (e.g. the region).
 * @param [benchmark_died] Optional: died flags of the benchmark cases, with benchmark_groups.
 * @param [levels] Optional, instead of the benchmark: a table with the group code in the first column and the risk level (0 to 4, or 低风险, 中低风险, 中高风险, 高风险) in the last, such as RISK_LEVEL's spill; or one column listing the low-risk groups.
 * @param [counts] Optional: cases each row stands for (aggregated rows); died is then the deaths of the row.
 * @param [died_kind] Optional: how the died numbers are read, "flag" (1 died, 0 not) or "discharge_way" (离院方式: 5 died); default from the headers and the values.
 * @returns The low-risk mortality, or a table by key.
 */
export function lowRiskMortality(
  groups: any[][],
  died: any[][],
  by?: any[][],
  benchmark_groups?: any[][],
  benchmark_died?: any[][],
  levels?: any[][],
  counts?: any[][],
  died_kind?: string,
): any[][] {
  return guard(() => {
    const cells = [readMortalityCells({ groups, died, by, counts })];
    const hasBenchGroups = !isOmitted(benchmark_groups);
    if (hasBenchGroups !== !isOmitted(benchmark_died)) {
      throw new CaseMixError("value", {
        en: "benchmark_groups and benchmark_died go together: give both or neither",
        zh: "benchmark_groups 与 benchmark_died 必须同时提供或同时省略",
      });
    }
    const hasLevels = !isOmitted(levels);
    if (hasLevels && hasBenchGroups) {
      throw new CaseMixError("value", {
        en: "levels and benchmark_groups both give the risk levels: give one of them",
        zh: "levels 与 benchmark_groups 都用于确定风险等级，只能提供其中之一",
      });
    }
    if (hasBenchGroups) {
      const names = { groups: "benchmark_groups", died: "benchmark_died" };
      cells.push(readMortalityCells({ groups: benchmark_groups, died: benchmark_died }, names));
    }
    const [input, bench] = withDeaths(cells, died_kind);
    const risk: RiskLookup = hasLevels ? readLevels(levels) : levelsOf(bench ?? input);
    const result = engine.lowRiskMortality(
      { groups: input.groups, deaths: input.deaths, by: input.by, counts: input.counts },
      risk,
    );
    if (!result.rows) return [[numberCell(result.overall.rate)]];
    const rows: unknown[][] = result.rows.map((r) => [r.key, r.cases, r.deaths, numberCell(r.rate)]);
    const note = skippedNote(result.skipped, input.paddingRows, 4, currentLanguage());
    if (note) rows.push(note);
    return nonEmpty(rows);
  }) as any[][];
}

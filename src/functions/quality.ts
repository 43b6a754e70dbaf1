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
import { GroupRisk, isDiedValue, readDied, riskLevels } from "../engine/mortalityRisk";
import { CaseMixError } from "../engine/text";
import { alignRows, AlignedColumn, column, isOmitted, nonEmpty } from "./args";
import { currentLanguage, excelError, guard, numberCell } from "./excel";
import { skippedNote } from "./inputs";

interface MortalityColumns {
  groups: Interned;
  deaths: Float64Array;
  by?: Interned;
  counts?: Float64Array;
  paddingRows: number;
}

/**
 * Reads groups, died (and by, counts) lined up row by row. The first row is a header when
 * it is one for `alignRows` (a known header word in groups, text in counts) or when its
 * died cell is text that is no died value (离院方式, 是否死亡); a 离院方式 header makes the
 * column read as discharge-way codes.
 */
function readMortalityArgs(
  args: { groups: unknown; died: unknown; by?: unknown; counts?: unknown },
  names: { groups: string; died: string } = { groups: "groups", died: "died" },
): MortalityColumns {
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
    if (isBlankCell(groupCells[i]) && (isBlankCell(diedCells[i]) || diedCells[i] === 0)) paddingRows++;
  }
  const { deaths } = readDied(diedCells, { argName: names.died, firstRow, counts, header });
  return {
    groups: internCodes(groupCells),
    deaths,
    by: hasBy ? internCodes(aligned.codes[2], normalizeKey) : undefined,
    counts,
    paddingRows,
  };
}

function levelsOf(input: MortalityColumns): GroupRisk {
  return riskLevels({ groups: input.groups, deaths: input.deaths, counts: input.counts });
}

/**
 * Mortality risk level of each DRG group (死亡风险等级): z = (ln M - mean ln M) / SD over the groups with deaths; level 0 no deaths, 1 if z < -1, 2 if -1 <= z < 0, 3 if 0 <= z < 1, 4 if z >= 1.
 * Without `lookup`, spills one row a group sorted by code: group, cases, deaths, mortality, z (blank without deaths), level.
 * With `lookup`, the levels of those codes in the shape of `lookup` (#N/A for a code without cases).
 * `died` reads 1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code (离院方式): a column holding any of 2, 3, 4, 5, 9, or headed 离院方式, is read as discharge way and only 5 is death. With `counts`, `died` is the number of deaths of each row.
 * @customfunction RISK_LEVEL
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param died Died flag of each case: 1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code (5 = death); with counts, the number of deaths.
 * @param [lookup] Optional: a code or a range of codes to return the levels of.
 * @param [counts] Optional: cases each row stands for (aggregated rows); died is then the deaths of the row.
 * @returns A table of groups, or the levels of `lookup`.
 */
export function riskLevel(groups: any[][], died: any[][], lookup?: any[][], counts?: any[][]): any[][] {
  return guard(() => {
    const input = readMortalityArgs({ groups, died, counts });
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
 * Levels come from the benchmark data when given (e.g. the region), else from the data itself; a group the benchmark does not know is not low-risk.
 * Without `by`, one number; with `by`, one row per key: key, level-1 cases, level-1 deaths, rate (#DIV/0! without level-1 cases).
 * @customfunction LOW_RISK_MORTALITY
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param died Died flag of each case: 1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code (5 = death).
 * @param [by] Optional: the dimension to break down by (department, doctor, hospital), one cell per case.
 * @param [benchmark_groups] Optional: group codes of the benchmark cases the levels come from (e.g. the region).
 * @param [benchmark_died] Optional: died flags of the benchmark cases, with benchmark_groups.
 * @returns The low-risk mortality, or a table by key.
 */
export function lowRiskMortality(
  groups: any[][],
  died: any[][],
  by?: any[][],
  benchmark_groups?: any[][],
  benchmark_died?: any[][],
): any[][] {
  return guard(() => {
    const input = readMortalityArgs({ groups, died, by });
    const hasBenchGroups = !isOmitted(benchmark_groups);
    if (hasBenchGroups !== !isOmitted(benchmark_died)) {
      throw new CaseMixError("value", {
        en: "benchmark_groups and benchmark_died go together: give both or neither",
        zh: "benchmark_groups 与 benchmark_died 必须同时提供或同时省略",
      });
    }
    const levels = hasBenchGroups
      ? levelsOf(
          readMortalityArgs(
            { groups: benchmark_groups, died: benchmark_died },
            { groups: "benchmark_groups", died: "benchmark_died" },
          ),
        )
      : levelsOf(input);
    const result = engine.lowRiskMortality({ groups: input.groups, deaths: input.deaths, by: input.by }, levels);
    if (!result.rows) return [[numberCell(result.overall.rate)]];
    const rows: unknown[][] = result.rows.map((r) => [r.key, r.cases, r.deaths, numberCell(r.rate)]);
    const note = skippedNote(result.skipped, input.paddingRows, 4, currentLanguage());
    if (note) rows.push(note);
    return nonEmpty(rows);
  }) as any[][];
}

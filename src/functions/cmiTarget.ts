/**
 * CMI targets per department: DRG.CMI_TARGET (CMI 值目标设定). Thin adapter: Excel arguments
 * -> engine `cmiTargets` -> cells, with a header row since the periods are columns.
 */
import { internCodes, normalizeKey } from "../engine/codes";
import { cmiTargets, CmiTargetRow, DEFAULT_TARGET_SHARE } from "../engine/cmiTarget";
import { checkNoErrorValues, checkSameLength, isBlankCell } from "../engine/input";
import { CaseMixError, Lang, Text } from "../engine/text";
import { column, isOmitted, nonEmpty, numberArg, optionArg } from "./args";
import { currentLanguage, guard, meanCell, numberCell } from "./excel";
import { isPaddingCell, missingWeightPart, readCaseArgs, readTableArg, skippedNote } from "./inputs";

const SOURCE: Record<CmiTargetRow["benchmarkSource"], Text> = {
  table: { en: "benchmark table", zh: "标杆表" },
  best: { en: "best period", zh: "最佳时期" },
};

function headerRow(periods: string[], lang: Lang): string[] {
  const zh = lang === "zh";
  return [
    zh ? "单位" : "unit",
    zh ? "病例数" : "cases",
    ...periods,
    zh ? "趋势（每期）" : "trend per period",
    zh ? "最新 CMI" : "latest CMI",
    zh ? "最新时期" : "latest period",
    zh ? "标杆" : "benchmark",
    zh ? "标杆来源" : "benchmark from",
    zh ? "比例" : "share",
    zh ? "目标 CMI" : "target CMI",
  ];
}

/** Rows blank in every argument (groups, by, periods; counts blank or 0): padding, not data. */
function paddingRows(keyColumns: unknown[][], counts: unknown[] | undefined, start: number): number {
  let n = 0;
  for (let i = start; i < keyColumns[0].length; i++) {
    const blankCount = !counts || isPaddingCell(counts[i]);
    if (blankCount && keyColumns.every((c) => isBlankCell(c[i]))) n++;
  }
  return n;
}

/**
 * CMI target per department (CMI 值目标设定): per unit its CMI in each period, the trend (least-squares slope of CMI on the period number 1, 2, ...), its latest CMI, a benchmark, and target = latest + share x max(0, benchmark - latest).
 * The benchmark is the unit's value in benchmark_table (e.g. the same department of a peer hospital), or without one the unit's own best period. Every input of the rule is shown so a department head can check it.
 * Spills a header row, then one row per unit: unit, cases, CMI of each period (in order), trend, latest CMI, latest period, benchmark, where the benchmark comes from, share, target CMI.
 * @customfunction CMI_TARGET
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param weight_table Weight table: first column group code, second column weight.
 * @param periods The period of each case: a year, a month such as "2024-03" (=TEXT(date,"yyyy-mm")) or a quarter, one cell per case.
 * @param by The unit to set targets for (department), one cell per case.
 * @param [benchmark_table] Optional: first column unit, second column its benchmark CMI.
 * @param [share] Optional: the share of the gap to the benchmark to close, 0 to 1 (default 0.3).
 * @param [counts] Optional: cases each row stands for (aggregated rows).
 * @param [missing] Optional: "error" (default) or "exclude" for cases whose group has no weight.
 * @returns A header row and one row per unit.
 */
export function cmiTarget(
  groups: any[][],
  weight_table: any[][],
  periods: any[][],
  by: any[][],
  benchmark_table?: any[][],
  share?: number,
  counts?: any[][],
  missing?: string,
): any[][] {
  return guard(() => {
    if (isOmitted(by) || isOmitted(periods)) {
      throw new CaseMixError("value", {
        en: "periods and by are needed: the period and the unit (department) of each case",
        zh: "需要 periods 和 by：每个病例的时期和单位（科室）",
      });
    }
    const rule = optionArg(missing, "missing", ["error", "exclude"] as const, "error");
    const s = numberArg(share, "share", DEFAULT_TARGET_SHARE, { min: 0 });
    const input = readCaseArgs({ groups, by, counts });
    const periodCells = column(periods, "periods");
    const groupCells = column(groups, "groups");
    checkSameLength({ name: "groups", length: groupCells.length }, { name: "periods", length: periodCells.length });
    const start = input.firstRow - 1;
    checkNoErrorValues(periodCells.slice(start), "periods", input.firstRow);
    const table = readTableArg(weight_table, "weight_table");
    const benchmark = isOmitted(benchmark_table) ? undefined : readTableArg(benchmark_table, "benchmark_table");
    const result = cmiTargets(
      {
        groups: input.groups,
        periods: internCodes(periodCells.slice(start), normalizeKey),
        by: input.by!,
        counts: input.counts,
      },
      table,
      { benchmark, share: s, missing: rule, tableName: "weight_table" },
    );
    const lang = currentLanguage();
    const width = result.periods.length + 9;
    const rows: unknown[][] = [headerRow(result.periods, lang)];
    for (const r of result.rows) {
      rows.push([
        r.key,
        numberCell(r.cases, "num"),
        ...r.cmiByPeriod.map((v) => (v === v ? meanCell(v) : "")),
        numberCell(r.slope, "na"),
        meanCell(r.latest),
        r.latestPeriod,
        meanCell(r.benchmark),
        SOURCE[r.benchmarkSource][lang],
        r.share,
        meanCell(r.target),
      ]);
    }
    const countCells = isOmitted(counts) ? undefined : column(counts, "counts");
    const padding = paddingRows([groupCells, column(by, "by"), periodCells], countCells, start);
    const emptyUnitOrPeriod = result.skipped.emptyKey;
    const extra = [
      ...(emptyUnitOrPeriod > 0
        ? [{ en: `${emptyUnitOrPeriod} with an empty by or period`, zh: `${emptyUnitOrPeriod} 行 by 或时期为空` }]
        : []),
      ...missingWeightPart(result.excludedCases, result.missingCodes),
    ];
    const note = skippedNote({ ...result.skipped, emptyKey: 0 }, padding, width, lang, undefined, extra);
    if (note) rows.push(note);
    return rows.length > 1 ? rows : nonEmpty([]);
  }) as any[][];
}

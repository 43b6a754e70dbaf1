/**
 * The targets sheet (目标 / Targets) of the trends report: the rules in the reader's language
 * (with the benchmark values), a summary, then one row per unit (largest first) with every input of its
 * LOS, cost and CMI targets, and the hospital as the total row. Gaps above 0 are red.
 */
import { Lang } from "../../engine/text";
import { formatNumber, numberCell } from "../common";
import { label } from "../i18n";
import { keyValueBlock, ParameterRow, skippedRows, yearRow } from "../parameterRows";
import { CellValue, ColumnModel, ColumnType, ConditionalFormat, KeyValueBlock, SheetModel, TableBlock } from "../model";
import { RED } from "./colors";
import { fill, TRENDS_SKIP_LABELS, unitLabel } from "./labels";
import { TARGET_LABELS as L } from "./targetLabels";
import { targetBenchmarkShort, targetBenchmarkText } from "./targetSettings";
import { CmiPart, MeasurePart, TargetsSection, TargetUnitRow } from "./targetTypes";
import { TrendsReport, Unavailable } from "./types";

type Part<T> = T | Unavailable;
const on = <T extends { available: true }>(p: Part<T>): p is T => p.available;

/** The rules of the parts that are there, and the reasons of those that are not. */
function ruleBlocks(s: TargetsSection, lang: Lang): SheetModel["blocks"] {
  const blocks: SheetModel["blocks"] = [];
  const measure = (p: Part<MeasurePart>, rule: typeof L.losRule, digits: number) =>
    on(p)
      ? fill(rule, lang, {
          benchmark: formatNumber(p.benchmark, digits, lang),
          rule: targetBenchmarkText(p.rule, lang),
        })
      : p.reason[lang];
  blocks.push({ kind: "text", text: measure(s.los, L.losRule, 2), style: on(s.los) ? "note" : "warning" });
  blocks.push({ kind: "text", text: measure(s.cost, L.costRule, 2), style: on(s.cost) ? "note" : "warning" });
  const c = s.cmi;
  const text = on(c)
    ? fill(L.cmiRule, lang, {
        share: formatNumber(c.share, 2, lang),
        benchmark: c.benchmarkName ? fill(L.fromTable, lang, { name: c.benchmarkName }) : L.ownBest[lang],
        periods: c.periods.join(lang === "zh" ? "、" : ", "),
      })
    : c.reason[lang];
  blocks.push({ kind: "text", text, style: on(c) ? "note" : "warning" });
  return blocks;
}

/** The benchmarks, the share, the hospital's targets and how many units are above theirs. */
function summaryBlock(s: TargetsSection, lang: Lang): KeyValueBlock {
  const rows: ParameterRow[] = [yearRow(L.year[lang], s.year ?? L.allRows[lang])];
  const types: (ColumnType | undefined)[] = [undefined];
  const push = (row: ParameterRow, type?: ColumnType) => (rows.push(row), types.push(type));
  const above = (pick: (u: TargetUnitRow) => number | undefined) => s.units.filter((u) => (pick(u) ?? 0) > 0).length;
  if (on(s.los)) {
    push([L.losRuleName[lang], targetBenchmarkShort(s.los.rule, lang)]);
    push([L.losBenchmark[lang], numberCell(s.los.benchmark)], "number");
    push([L.aboveLos[lang], above((u) => u.los?.gap)], "integer");
  }
  if (on(s.cost)) {
    push([L.costRuleName[lang], targetBenchmarkShort(s.cost.rule, lang)]);
    push([L.costBenchmark[lang], numberCell(s.cost.benchmark)], "money");
    push([L.aboveCost[lang], above((u) => u.cost?.gap)], "integer");
  }
  if (on(s.cmi)) {
    push([L.share[lang], s.cmi.share], "ratio");
    push([L.hospitalCmiTarget[lang], numberCell(s.hospital.cmiTarget?.target)], "weight");
  }
  push([L.rowsUsed[lang], s.rows.used], "integer");
  for (const r of skippedRows(s.rows.skipped, TRENDS_SKIP_LABELS, L.rowsUsed[lang], lang)) push(r);
  if (on(s.cmi)) {
    push([L.rowsUsedCmi[lang], s.cmi.rows.used], "integer");
    for (const r of skippedRows(s.cmi.rows.skipped, TRENDS_SKIP_LABELS, L.rowsUsedCmi[lang], lang)) push(r);
  }
  return keyValueBlock(L.summary[lang], rows, types);
}

interface Column {
  model: ColumnModel;
  cell: (u: TargetUnitRow) => CellValue;
}

function col(id: string, header: string, type: ColumnType, width: number, cell: Column["cell"]): Column {
  return { model: { id, header, type, width }, cell };
}

/** The columns every table starts with: unit, cases, CMI. */
function keyColumns(report: TrendsReport, lang: Lang): Column[] {
  return [
    col("unit", unitLabel(report.settings.unit, lang), "text", 18, (u) => u.unit || L.hospital[lang]),
    col("cases", L.cases[lang], "integer", 10, (u) => u.cases),
    col("cmi", label("cmi", lang), "weight", 10, (u) => numberCell(u.cmi)),
  ];
}

function losColumns(lang: Lang): Column[] {
  return [
    col("meanLos", L.meanLos[lang], "number", 11, (u) => numberCell(u.los?.mean)),
    col("stdLos", L.stdLos[lang], "number", 11, (u) => numberCell(u.los?.standardized)),
    col("targetLos", L.targetLos[lang], "number", 11, (u) => numberCell(u.los?.target)),
    col("losGap", L.losGap[lang], "number", 11, (u) => numberCell(u.los?.gap)),
  ];
}

function costColumns(lang: Lang): Column[] {
  return [
    col("meanCost", L.meanCost[lang], "money", 13, (u) => numberCell(u.cost?.mean)),
    col("stdCost", L.stdCost[lang], "money", 13, (u) => numberCell(u.cost?.standardized)),
    col("targetCost", L.targetCost[lang], "money", 13, (u) => numberCell(u.cost?.target)),
    col("costGap", L.costGap[lang], "money", 12, (u) => numberCell(u.cost?.gap)),
  ];
}

function cmiColumns(c: CmiPart, lang: Lang): Column[] {
  const from = (u: TargetUnitRow): CellValue => {
    const t = u.cmiTarget;
    if (!t) return null;
    if (t.benchmarkSource === "table") return L.fromTableShort[lang];
    const best = t.cmiByPeriod.indexOf(t.benchmark);
    return fill(L.bestShort, lang, { period: c.periods[best] ?? "" });
  };
  return [
    ...c.periods.map((p, j) =>
      col(`cmi_${j}`, fill(L.cmiIn, lang, { period: p }), "weight", 11, (u) => numberCell(u.cmiTarget?.cmiByPeriod[j])),
    ),
    col("slope", L.slope[lang], "weight", 11, (u) => numberCell(u.cmiTarget?.slope)),
    col("latest", L.latest[lang], "weight", 11, (u) => numberCell(u.cmiTarget?.latest)),
    col("benchmark", L.benchmark[lang], "weight", 11, (u) => numberCell(u.cmiTarget?.benchmark)),
    col("benchmarkFrom", L.benchmarkFrom[lang], "text", 18, from),
    col("cmiTarget", L.cmiTarget[lang], "weight", 11, (u) => numberCell(u.cmiTarget?.target)),
  ];
}

/**
 * The units' tables, one per part that is there (LOS, cost, CMI target), each opening with the
 * unit, its cases and CMI so that it prints legibly on its own; the hospital is the total row,
 * gaps above 0 red. One wide table of every part printed at a third of its size.
 */
export function targetsTables(report: TrendsReport, s: TargetsSection, lang: Lang): TableBlock[] {
  const parts: [string, Column[]][] = [];
  if (on(s.los)) parts.push([L.losTable[lang], losColumns(lang)]);
  if (on(s.cost)) parts.push([L.costTable[lang], costColumns(lang)]);
  if (on(s.cmi)) parts.push([L.cmiTable[lang], cmiColumns(s.cmi, lang)]);
  return parts.map(([caption, own]) => {
    const cols = [...keyColumns(report, lang), ...own];
    const conditionalFormats: ConditionalFormat[] = own
      .filter((c) => c.model.id === "losGap" || c.model.id === "costGap")
      .map((c) => ({ columnId: c.model.id, rule: { kind: "greaterThan", value: 0, ...RED } }));
    return {
      kind: "table",
      caption,
      columns: cols.map((c) => c.model),
      rows: s.units.map((u) => cols.map((c) => c.cell(u))),
      totalRow: cols.map((c) => c.cell(s.hospital)),
      conditionalFormats,
      autoFilter: true,
    };
  });
}

/** The targets sheet, or a sheet with the reason when the data gives no target. */
export function targetsSheet(report: TrendsReport, lang: Lang): SheetModel {
  const s = report.targets;
  const blocks: SheetModel["blocks"] = [{ kind: "text", text: L.title[lang], style: "title" }];
  if (!s.available) {
    blocks.push({ kind: "text", text: s.reason[lang], style: "warning" });
    return { name: L.sheet[lang], blocks };
  }
  blocks.push(...ruleBlocks(s, lang), summaryBlock(s, lang));
  blocks.push(...targetsTables(report, s, lang));
  // Three tables stacked: no header row to repeat; the unit column stays in view.
  return { name: L.sheet[lang], blocks, freeze: { rows: 0, columns: 1 } };
}

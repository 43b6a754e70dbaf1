/**
 * What the Build button does, apart from the screen: read the data, detect and correct the
 * columns, compute the report, find same-named sheets, write the report. Each step is a plain
 * function over the engine and the report builders, so the tests run them without React.
 */
import {
  CaseTable,
  ColumnMapping,
  ColumnSources,
  detectCaseColumns,
  findHeaderRow,
  gridFromRows,
  readCaseTable,
} from "../engine/caseTable";
import { ColumnName } from "../engine/columns";
import { Quadrant, QUADRANTS } from "../engine/quadrants";
import { CaseMixError, Lang } from "../engine/text";
import { WeightTable } from "../engine/weightTable";
import { weightTableFromGrid } from "../engine/weightTableGrid";
import { RenderResult } from "../report/excel/options";
import { quadrantLabel, SKIP_LABELS, SkipReason } from "../report/i18n";
import { QuadrantSettings, reportColumns, requiredColumns } from "../report/quadrant/settings";
import { QuadrantReport } from "../report/quadrant/types";
import { computeQuadrantReport } from "../report/quadrant/compute";
import { quadrantWorkbook } from "../report/quadrant/sheets";
import { sparseWarning } from "../report/quadrant/sparse";
import { WorkbookModel } from "../report/model";
import { SourceData } from "./excelData";
import { formatNumber, paneText } from "./i18n";
import { VERSION } from "./version";
import { outcomeLines } from "./writeReport";

export interface Detection {
  /** 0-based index of the header row in the values (0 when none was found). */
  headerRow: number;
  /** True when a row naming a DRG group column was found. */
  found: boolean;
  headers: string[];
  /** Detected canonical column -> 0-based column index. */
  mapping: ColumnMapping;
  /** Columns added up into the drug cost (西药费 + 中成药费 + 中草药费): `sources.drugCost`. */
  drugCostParts: number[];
  /** Every detected column's source columns (several are added up: drugs, materials, payment, categories). */
  sources: ColumnSources;
}

/** The user's corrections: a column index, or null for "none". Columns not listed keep the detection. */
export type Overrides = Partial<Record<ColumnName, number | null>>;

/** Finds the header row among the first rows and maps its headers to canonical columns. */
export function detectColumns(values: readonly (readonly unknown[])[]): Detection {
  const grid = gridFromRows(values);
  const at = findHeaderRow(grid);
  const headerRow = at < 0 ? 0 : at;
  const headers: string[] = [];
  for (let c = 0; c < grid.columnCount; c++) {
    const h = grid.rowCount > headerRow ? grid.cell(headerRow, c) : "";
    headers.push(h === null || h === undefined ? "" : String(h).trim());
  }
  const { columns, sources } = detectCaseColumns(headers);
  const drugCostParts = sources.drugCost ?? [];
  return { headerRow, found: at >= 0, headers, mapping: columns, drugCostParts, sources };
}

/** The mapping after the user's corrections. */
export function mappingWith(detection: Detection, overrides: Overrides): ColumnMapping {
  const out: ColumnMapping = { ...detection.mapping };
  for (const [column, value] of Object.entries(overrides) as [ColumnName, number | null | undefined][]) {
    if (value === undefined) continue;
    if (value === null) delete out[column];
    else out[column] = value;
  }
  return out;
}

/** The corrections after the user picks a column's header in the mapping ("": no column). */
export function withCorrection(overrides: Overrides, column: ColumnName, choice: string): Overrides {
  return { ...overrides, [column]: choice === "" ? null : Number(choice) };
}

/** Required columns (for these settings) that the corrected mapping leaves out. */
export function missingColumns(
  detection: Detection,
  overrides: Overrides,
  settings: Pick<QuadrantSettings, "layer" | "unit" | "weights" | "year" | "revenue">,
): ColumnName[] {
  return unmappedColumns(detection, overrides, requiredColumns(settings));
}

/** Of these required columns, those the corrected mapping leaves out. */
export function unmappedColumns(
  detection: Detection,
  overrides: Overrides,
  required: readonly ColumnName[],
): ColumnName[] {
  const mapping = mappingWith(detection, overrides);
  return required.filter((c) => mapping[c] === undefined);
}

/** Columns to show in the mapping: those the report reads, required ones first. */
export function mappingColumns(
  settings: Pick<QuadrantSettings, "layer" | "unit" | "weights" | "year" | "revenue">,
): { column: ColumnName; required: boolean }[] {
  const required = requiredColumns(settings);
  const all = reportColumns(settings);
  const seen = new Set<ColumnName>();
  const out: { column: ColumnName; required: boolean }[] = [];
  for (const column of [...required, ...all]) {
    if (seen.has(column)) continue;
    seen.add(column);
    out.push({ column, required: required.includes(column) });
  }
  return out;
}

/** The user's corrections as the case table reader takes them (a column index, or null for none). */
export function overridesAsMapping(overrides: Overrides): Partial<Record<ColumnName, number | null>> {
  const mapping: Partial<Record<ColumnName, number | null>> = {};
  for (const [column, value] of Object.entries(overrides) as [ColumnName, number | null | undefined][]) {
    if (value !== undefined) mapping[column] = value;
  }
  return mapping;
}

/** Reads the case table from the values read, with the user's corrections. */
export function caseTableOf(
  data: SourceData,
  detection: Detection,
  overrides: Overrides,
  settings: QuadrantSettings,
): CaseTable {
  return readCaseTable(data.values, {
    headerRow: detection.headerRow,
    firstRow: data.rowIndex + 1,
    mapping: overridesAsMapping(overrides),
    columns: reportColumns(settings),
    required: requiredColumns(settings),
  });
}

/**
 * A weight table from the values read: its columns found as every weight table's, the command
 * line's --weights included (src/engine/weightTableGrid.ts).
 */
export function weightTableOf(data: SourceData): WeightTable {
  return weightTableFromGrid(gridFromRows(data.values), { argName: data.address, firstRow: data.rowIndex + 1 });
}

export interface BuiltReport {
  report: QuadrantReport;
  model: WorkbookModel;
}

/** Computes the report and its workbook model. */
export function reportOf(
  table: CaseTable,
  settings: QuadrantSettings,
  data: SourceData,
  lang: Lang,
  time?: Date,
): BuiltReport {
  const report = computeQuadrantReport(table, settings, {
    source: data.address,
    sheet: data.sheet,
    version: VERSION,
    time,
  });
  return { report, model: quadrantWorkbook(report, lang) };
}

/** The lines of the result summary shown after a build. */
export function summaryLines(
  report: QuadrantReport,
  render: RenderResult & { grouped: boolean },
  lang: Lang,
  seconds: number,
): string[] {
  const h = report.hospital;
  const settings = report.settings;
  const sep = lang === "zh" ? "、" : ", ";
  const quadrants = QUADRANTS.map(
    (q: Quadrant) => `${quadrantLabel(q, lang, settings.labels)} ${report.quadrantCounts[q]}`,
  ).join(sep);
  const skippedTotal = Object.values(report.skipped).reduce((a: number, b) => a + (b ?? 0), 0);
  const lines = [
    paneText(lang, "resultSheets", { sheets: render.sheets.map((s) => s.name).join(sep) }),
    paneText(lang, "resultCases", {
      cases: formatNumber(lang, h.cases),
      groups: report.groups.length,
      cmi: formatNumber(lang, h.cmi, 4),
    }),
    paneText(lang, "resultQuadrants", { list: quadrants }),
  ];
  const sparse = sparseWarning(report, lang);
  if (sparse) lines.push(sparse);
  for (const t of report.units) {
    lines.push(
      paneText(lang, "resultUnits", {
        units: t.rows.length,
        unit: paneText(lang, t.dimension === "department" ? "unitDepartment" : "unitDoctor").toLowerCase(),
        amount: formatNumber(lang, t.total.amount, 2),
      }),
    );
  }
  lines.push(
    paneText(lang, "resultRows", {
      read: formatNumber(lang, report.rowsRead),
      used: formatNumber(lang, report.rowsUsed),
      skipped: formatNumber(lang, skippedTotal),
    }),
  );
  const reasons = (Object.entries(report.skipped) as [SkipReason, number][]).filter(([, n]) => n > 0);
  if (reasons.length > 0) {
    lines.push(
      paneText(lang, "resultSkipped", {
        list: reasons.map(([r, n]) => `${SKIP_LABELS[r][lang]} ${formatNumber(lang, n)}`).join(sep),
      }),
    );
  }
  return [...lines, ...outcomeLines(render, seconds, lang)];
}

/** An error as the user should read it: engine errors in their language, others by message. */
export function errorText(error: unknown, lang: Lang): string {
  if (error instanceof CaseMixError) return error.messageIn(lang);
  const e = error as { message?: string; code?: string; debugInfo?: { message?: string } };
  const detail = e?.debugInfo?.message || e?.message || String(error);
  return e?.code && !detail.includes(e.code) ? `${detail} (${e.code})` : detail;
}

/**
 * What the Build button of the "Trends and quality" view does, apart from the screen: read the
 * case table (the quadrant view's reader and column detection, build.ts), check the columns,
 * compute the report (src/report/trends/), ask about a same-named sheet, write the
 * sheet. The Excel calls come in as arguments (`TrendsBuildDeps`), so the tests drive the
 * whole build through the office-addin-mock context and the view passes `Excel.run` and
 * `renderIntoWorkbook` (a new sheet only, one undo group).
 */
import { CaseTable, readCaseTable } from "../engine/caseTable";
import { ColumnName } from "../engine/columns";
import { CURVE_MODEL_NAMES } from "../engine/curveFit";
import { GroupRisk } from "../engine/mortalityRisk";
import { yearOrder } from "../engine/relativeWeights";
import { CaseMixError, Lang } from "../engine/text";
import { WeightTable } from "../engine/weightTable";
import { RenderResult } from "../report/excel/options";
import { WorkbookModel } from "../report/model";
import {
  DEFAULT_TRENDS_SETTINGS,
  TrendsSettings,
  TrendsUnit,
  trendsColumns,
  trendsRequiredColumns,
} from "../report/trends/settings";
import { TrendsPeriod } from "../report/trends/monitorTypes";
import { parseTargetBenchmark } from "../report/trends/targetSettings";
import { TrendsReport } from "../report/trends/types";
import { benchmarkRisk } from "../report/trends/quality";
import { computeTrendsReport } from "../report/trends/compute";
import { trendsWorkbook } from "../report/trends/sheets";
import { Detection, detectColumns, Overrides, overridesAsMapping, unmappedColumns } from "./build";
import { VERSION } from "./version";
import { DataSource, ReadCancelled, readPercent, readSource, SourceData } from "./excelData";
import { columnNames, formatNumber, paneText } from "./i18n";
import { parseNumber, weightSourceOf } from "./settings";
import { ReportDeps, outcomeLines, pauseForUi, writeReport } from "./writeReport";
import { TrendsStringKey, trendsText } from "./trendsI18n";

type Shape = Pick<TrendsSettings, "unit" | "weights">;

/** Required columns (for these settings) that the corrected mapping leaves out. */
export function trendsMissingColumns(detection: Detection, overrides: Overrides, shape: Shape): ColumnName[] {
  return unmappedColumns(detection, overrides, trendsRequiredColumns(shape));
}

/** Columns to show in the mapping: those the trends sheet reads, required ones first. */
export function trendsMappingColumns(shape: Shape): { column: ColumnName; required: boolean }[] {
  const required = trendsRequiredColumns(shape);
  return trendsColumns(shape).map((column) => ({ column, required: required.includes(column) }));
}

/** Reads the case table from the values read, with the user's corrections. */
export function trendsCaseTable(data: SourceData, detection: Detection, overrides: Overrides, shape: Shape): CaseTable {
  return readCaseTable(data.values, {
    headerRow: detection.headerRow,
    firstRow: data.rowIndex + 1,
    mapping: overridesAsMapping(overrides),
    columns: trendsColumns(shape),
    required: trendsRequiredColumns(shape),
  });
}

/**
 * The years of the data (oldest first) from the mapped year or discharge date column, for the
 * year pickers; empty when there is no such column or a cell is not a date (the build then
 * names the cell).
 */
export function yearsOf(data: SourceData, detection: Detection, overrides: Overrides): string[] {
  try {
    const table = readCaseTable(data.values, {
      headerRow: detection.headerRow,
      firstRow: data.rowIndex + 1,
      mapping: overridesAsMapping(overrides),
      columns: ["drg", "year", "dischargeDate"],
    });
    const codes = table.years?.codes ?? [];
    return Array.from(yearOrder(codes), (i) => codes[i]);
  } catch {
    return [];
  }
}

/** Risk levels from benchmark values read from the workbook (DRG group and died columns). */
export function benchmarkOf(data: SourceData): GroupRisk {
  const detection = detectColumns(data.values);
  const table = readCaseTable(data.values, {
    headerRow: detection.headerRow,
    firstRow: data.rowIndex + 1,
    columns: ["drg", "died", "cases"],
    required: ["drg", "died"],
  });
  return benchmarkRisk(table);
}

/** The form's settings as typed (text, so a half-typed number is not lost). */
export interface TrendsForm {
  unit: TrendsUnit;
  /** "" = the default (the two latest years). */
  before: string;
  after: string;
  weightMode: "data" | "table";
  levelMode: "data" | "benchmark";
  minCases: string;
  flagTolerance: string;
  topAdrgs: string;
  /** Share of the gap to the benchmark CMI a CMI target closes (0 to 1). */
  targetShare: string;
  /** The LOS and cost benchmark: "" (the hospital's own) or pNN. */
  targetBenchmark: string;
  /** The periods of the monitor sheet. */
  period: TrendsPeriod;
}

export const DEFAULT_TRENDS_FORM: TrendsForm = {
  unit: DEFAULT_TRENDS_SETTINGS.unit,
  before: "",
  after: "",
  weightMode: "data",
  levelMode: "data",
  minCases: String(DEFAULT_TRENDS_SETTINGS.minCases),
  flagTolerance: String(DEFAULT_TRENDS_SETTINGS.flagTolerance),
  topAdrgs: String(DEFAULT_TRENDS_SETTINGS.topAdrgs),
  targetShare: String(DEFAULT_TRENDS_SETTINGS.targetShare),
  targetBenchmark: "",
  period: DEFAULT_TRENDS_SETTINGS.period,
};

/**
 * Checks the form: the settings, or every error in the user's language. `weights` and
 * `benchmark` are what the user read, needed in "table" and "benchmark" mode.
 */
export function trendsSettingsFromForm(
  form: TrendsForm,
  lang: Lang,
  weights?: { table: WeightTable; name: string },
  benchmark?: { risk: GroupRisk; name: string },
): { settings?: TrendsSettings; errors: string[] } {
  const errors: string[] = [];
  const read = (text: string, field: TrendsStringKey, kind: "whole" | "fraction" | "share"): number => {
    const v = parseNumber(text);
    const name = trendsText(lang, field);
    if (v === undefined) errors.push(trendsText(lang, "notANumber", { field: name, value: text }));
    else if (v < 0 || (kind === "whole" ? !Number.isInteger(v) : kind === "share" ? v > 1 : v >= 1)) {
      errors.push(
        trendsText(lang, "notInRange", {
          field: name,
          value: text,
          what: trendsText(lang, kind === "whole" ? "wholeNumber" : kind === "share" ? "share" : "fraction"),
        }),
      );
    }
    return v ?? NaN;
  };
  const minCases = read(form.minCases, "minCases", "whole");
  const flagTolerance = read(form.flagTolerance, "flagTolerance", "fraction");
  const topAdrgs = read(form.topAdrgs, "topAdrgs", "whole");
  const targetShare = read(form.targetShare, "targetShare", "share");
  const targetBenchmark = parseTargetBenchmark(form.targetBenchmark, false);
  if (!targetBenchmark) {
    const field = trendsText(lang, "targetBenchmark");
    errors.push(trendsText(lang, "notABenchmark", { field, value: form.targetBenchmark.trim() }));
  }
  const before = form.before.trim() === "" ? undefined : form.before.trim();
  const after = form.after.trim() === "" ? undefined : form.after.trim();
  if (before !== undefined && before === after) errors.push(trendsText(lang, "sameYears"));
  if (form.weightMode === "table" && !weights) errors.push(paneText(lang, "weightTableNeeded"));
  if (form.levelMode === "benchmark" && !benchmark) errors.push(trendsText(lang, "benchmarkNeeded"));
  if (errors.length > 0) return { errors };
  return {
    errors,
    settings: {
      unit: form.unit,
      weights: weightSourceOf(form.weightMode, weights),
      before,
      after,
      levels:
        form.levelMode === "benchmark" && benchmark
          ? { source: "benchmark", risk: benchmark.risk, name: benchmark.name }
          : { source: "data" },
      minCases,
      flagTolerance,
      topAdrgs,
      targetShare,
      losBenchmark: targetBenchmark ?? { kind: "hospital" },
      costBenchmark: targetBenchmark ?? { kind: "hospital" },
      period: form.period,
    },
  };
}

/** The Excel calls and the screen, as the build needs them (see writeReport.ts). */
export type TrendsBuildDeps = ReportDeps;

/** The data source and, when they were read already, its values and detected columns. */
export interface TrendsPick {
  source: DataSource;
  data?: SourceData;
  detection?: Detection;
  overrides?: Overrides;
}

export interface TrendsBuilt {
  report: TrendsReport;
  model: WorkbookModel;
  rendered: RenderResult & { grouped: boolean };
  /** The values read and their detected columns (to keep for the next build). */
  data: SourceData;
  detection: Detection;
  syncs: number;
}

/** The error for required columns the mapping leaves out, naming them in both languages. */
function missingError(columns: readonly ColumnName[]): CaseMixError {
  return new CaseMixError("value", {
    en: trendsText("en", "missingColumns", { columns: columnNames(columns, "en") }),
    zh: trendsText("zh", "missingColumns", { columns: columnNames(columns, "zh") }),
  });
}

/**
 * Build: reads the source when it was not read yet, checks the columns, computes, asks about a
 * same-named sheet, writes. Throws `ReadCancelled` (also when the user closes the question) or
 * `RenderCancelled` when cancelled, nothing written.
 */
export async function buildTrends(
  pick: TrendsPick,
  settings: TrendsSettings,
  lang: Lang,
  deps: TrendsBuildDeps,
): Promise<TrendsBuilt> {
  const progress = deps.onProgress ?? (() => undefined);
  const cancelled = deps.isCancelled ?? (() => false);
  let syncs = 0;
  let data = pick.data;
  let detection = pick.data ? pick.detection : undefined;
  const overrides = pick.data ? (pick.overrides ?? {}) : {};
  if (!data) {
    progress(paneText(lang, "phaseReading", { percent: 0 }), 0);
    data = await deps.run((context) =>
      readSource(context, pick.source, {
        isCancelled: cancelled,
        yieldToUi: deps.yieldToUi,
        onProgress: (done, total) =>
          progress(
            paneText(lang, "phaseReading", { percent: readPercent(done, total) }),
            0.4 * (total > 0 ? done / total : 1),
          ),
      }),
    );
    syncs += data.syncs;
  }
  detection ??= detectColumns(data.values);
  const lacking = trendsMissingColumns(detection, overrides, settings);
  if (lacking.length > 0) throw missingError(lacking);

  progress(trendsText(lang, "phaseComputing"), 0.42);
  await pauseForUi(deps);
  const table = trendsCaseTable(data, detection, overrides, settings);
  const report = computeTrendsReport(table, settings, {
    source: data.address,
    sheet: data.sheet,
    version: VERSION,
    time: deps.time,
  });
  const model = trendsWorkbook(report, lang);
  if (cancelled()) throw new ReadCancelled();

  const { rendered, syncs: written } = await writeReport(model, deps, {
    checking: trendsText(lang, "phaseChecking"),
    writing: (percent) => trendsText(lang, "phaseWriting", { percent }),
  });
  syncs += written;
  return { report, model, rendered, data, detection, syncs };
}

/** The lines of the result summary shown after a build. */
export function trendsSummaryLines(
  built: Pick<TrendsBuilt, "report" | "rendered">,
  lang: Lang,
  seconds: number,
): string[] {
  const { report, rendered } = built;
  const sep = lang === "zh" ? "、" : ", ";
  const pct = (x: number) => (Number.isFinite(x) ? `${formatNumber(lang, x * 100, 2)}%` : "—");
  const lines = [trendsText(lang, "resultSheets", { sheets: rendered.sheets.map((s) => s.name).join(sep) })];
  const q = report.quality;
  const d = report.decomposition;
  const c = report.curve;
  if (q.available) {
    lines.push(
      trendsText(lang, "resultQuality", {
        rate: pct(q.overall.rate),
        deaths: formatNumber(lang, q.overall.deaths),
        cases: formatNumber(lang, q.overall.cases),
      }),
    );
  }
  if (d.available) {
    const o = d.overall;
    const signed = (x: number) => (Number.isFinite(x) ? `${x > 0 ? "+" : ""}${formatNumber(lang, x, 4)}` : "—");
    lines.push(
      trendsText(lang, "resultChange", {
        before: d.before,
        after: d.after,
        cmiBefore: formatNumber(lang, o.cmiBefore, 4),
        cmiAfter: formatNumber(lang, o.cmiAfter, 4),
        mix: signed(o.mix),
        severity: signed(o.severity),
      }),
    );
  }
  if (c.available && c.models[0]) {
    lines.push(
      trendsText(lang, "resultCurve", {
        model: CURVE_MODEL_NAMES[c.models[0].model][lang],
        r2: formatNumber(lang, c.models[0].rSquared, 3),
        flagged: c.units.filter((u) => u.flag === "high" || u.flag === "low").length,
        units: c.units.length,
      }),
    );
  }
  const m = report.monitor;
  if (m.available && m.hospital.length > 0) {
    lines.push(
      trendsText(lang, "resultMonitor", {
        periods: m.periods.length,
        first: `${m.hospital[0].period} ${formatNumber(lang, m.hospital[0].cmi, 4)}`,
        last: `${m.hospital[m.hospital.length - 1].period} ${formatNumber(lang, m.hospital[m.hospital.length - 1].cmi, 4)}`,
      }),
    );
  }
  for (const section of [q, d, c, m]) if (!section.available) lines.push(section.reason[lang]);
  const skipped = Object.values(report.skipped).reduce((a: number, b) => a + (b ?? 0), 0);
  lines.push(
    trendsText(lang, "resultRows", {
      read: formatNumber(lang, report.rowsRead),
      used: formatNumber(lang, report.rowsUsed),
      skipped: formatNumber(lang, skipped),
    }),
  );
  return [...lines, ...outcomeLines(rendered, seconds, lang)];
}

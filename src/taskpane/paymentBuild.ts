/**
 * What the Build button of the "DRG payment" view does, apart from the screen: read the case
 * table (the quadrant view's reader and column detection, build.ts), check the columns, compute
 * the profit and loss per group (src/report/payment/), ask about same-named sheets, write them.
 * The Excel calls come in as arguments, so the tests drive the whole build through the
 * office-addin-mock context, as for the trends view (trendsBuild.ts).
 */
import { CaseTable, gridFromRows, readCaseTable } from "../engine/caseTable";
import { ColumnName } from "../engine/columns";
import { groupMeansFromGrid } from "../engine/groupMeansGrid";
import { CaseMixError, Lang } from "../engine/text";
import { RenderResult } from "../report/excel/options";
import { WorkbookModel } from "../report/model";
import { computePaymentReport } from "../report/payment/compute";
import {
  DEFAULT_PAYMENT_SETTINGS,
  PaymentLayer,
  PaymentSettings,
  PaymentUnit,
  paymentColumns,
  paymentRequiredColumns,
} from "../report/payment/settings";
import { paymentWorkbook } from "../report/payment/sheets";
import { PaymentReport } from "../report/payment/types";
import { Detection, detectColumns, Overrides, overridesAsMapping, unmappedColumns } from "./build";
import { DataSource, ReadCancelled, readPercent, readSource, SourceData } from "./excelData";
import { columnNames, formatNumber, paneText } from "./i18n";
import { PaymentStringKey, paymentText } from "./paymentI18n";
import { parseNumber, ReadWeights } from "./settings";
import { VERSION } from "./version";
import { outcomeLines, pauseForUi, ReportDeps, writeReport } from "./writeReport";

type Shape = Pick<PaymentSettings, "layer" | "unit">;

/** Required columns (for these settings) that the corrected mapping leaves out. */
export function paymentMissingColumns(detection: Detection, overrides: Overrides, shape: Shape): ColumnName[] {
  return unmappedColumns(detection, overrides, paymentRequiredColumns(shape));
}

/** Columns to show in the mapping: those the payment sheets read, required ones first. */
export function paymentMappingColumns(shape: Shape): { column: ColumnName; required: boolean }[] {
  const required = paymentRequiredColumns(shape);
  return paymentColumns(shape).map((column) => ({ column, required: required.includes(column) }));
}

/** Reads the case table from the values read, with the user's corrections. */
export function paymentCaseTable(
  data: SourceData,
  detection: Detection,
  overrides: Overrides,
  shape: Shape,
): CaseTable {
  return readCaseTable(data.values, {
    headerRow: detection.headerRow,
    firstRow: data.rowIndex + 1,
    mapping: overridesAsMapping(overrides),
    columns: paymentColumns(shape),
    required: paymentRequiredColumns(shape),
  });
}

/** A regional table of group mean costs read from the workbook (group code and mean-cost columns). */
export function groupMeansOf(data: SourceData): ReadWeights {
  const table = groupMeansFromGrid(gridFromRows(data.values), { argName: data.address, firstRow: data.rowIndex + 1 });
  return { table, name: data.address };
}

/** The form's settings as typed (text, so a half-typed number is not lost). */
export interface PaymentForm {
  rate: string;
  pointValue: string;
  coefficient: string;
  layer: PaymentLayer;
  /** "both": department, and doctor too when the data has the column. */
  unit: PaymentUnit | "both";
  meansMode: "data" | "table";
}

export const DEFAULT_PAYMENT_FORM: PaymentForm = {
  rate: "",
  pointValue: String(DEFAULT_PAYMENT_SETTINGS.pointValue),
  coefficient: String(DEFAULT_PAYMENT_SETTINGS.coefficient),
  layer: DEFAULT_PAYMENT_SETTINGS.layer,
  unit: "both",
  meansMode: "data",
};

/** The unit and layer of the form, as the column lists need them. */
export function paymentShape(form: PaymentForm): Shape {
  return { layer: form.layer, unit: form.unit === "both" ? undefined : form.unit };
}

/**
 * Checks the form: the settings, or every error in the user's language. `weights` is the
 * weight table read (always needed); `means` the regional table, needed in "table" mode.
 */
export function paymentSettingsFromForm(
  form: PaymentForm,
  lang: Lang,
  weights?: ReadWeights,
  means?: ReadWeights,
): { settings?: PaymentSettings; errors: string[] } {
  const errors: string[] = [];
  const positive = (text: string, field: PaymentStringKey): number => {
    const v = parseNumber(text);
    const name = paymentText(lang, field);
    if (v === undefined) errors.push(paymentText(lang, "notANumber", { field: name, value: text }));
    else if (!(v > 0)) errors.push(paymentText(lang, "notPositive", { field: name, value: text }));
    return v ?? NaN;
  };
  const rate =
    form.rate.trim() === "" ? (errors.push(paymentText(lang, "rateNeeded")), NaN) : positive(form.rate, "rate");
  const pointValue = positive(form.pointValue, "pointValue");
  const coefficient = positive(form.coefficient, "coefficient");
  if (!weights) errors.push(paneText(lang, "weightTableNeeded"));
  if (form.meansMode === "table" && !means) errors.push(paymentText(lang, "meansNeeded"));
  if (errors.length > 0 || !weights) return { errors };
  return {
    errors,
    settings: {
      ...DEFAULT_PAYMENT_SETTINGS,
      ...paymentShape(form),
      rate,
      pointValue,
      coefficient,
      weights,
      groupMeans: form.meansMode === "table" ? means : undefined,
    },
  };
}

/** The data source and, when they were read already, its values and detected columns. */
export interface PaymentPick {
  source: DataSource;
  data?: SourceData;
  detection?: Detection;
  overrides?: Overrides;
}

export interface PaymentBuilt {
  report: PaymentReport;
  model: WorkbookModel;
  rendered: RenderResult & { grouped: boolean };
  data: SourceData;
  detection: Detection;
  syncs: number;
}

function missingError(columns: readonly ColumnName[]): CaseMixError {
  return new CaseMixError("value", {
    en: paymentText("en", "missingColumns", { columns: columnNames(columns, "en") }),
    zh: paymentText("zh", "missingColumns", { columns: columnNames(columns, "zh") }),
  });
}

/**
 * Build: reads the source when it was not read yet, checks the columns, computes, asks about
 * same-named sheets, writes. Throws `ReadCancelled` or `RenderCancelled` when cancelled, nothing written.
 */
export async function buildPayment(
  pick: PaymentPick,
  settings: PaymentSettings,
  lang: Lang,
  deps: ReportDeps,
): Promise<PaymentBuilt> {
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
  const lacking = paymentMissingColumns(detection, overrides, settings);
  if (lacking.length > 0) throw missingError(lacking);

  progress(paymentText(lang, "phaseComputing"), 0.42);
  await pauseForUi(deps);
  const table = paymentCaseTable(data, detection, overrides, settings);
  const report = computePaymentReport(table, settings, {
    source: data.address,
    sheet: data.sheet,
    version: VERSION,
    time: deps.time,
  });
  const model = paymentWorkbook(report, lang);
  if (cancelled()) throw new ReadCancelled();

  const { rendered, syncs: written } = await writeReport(model, deps, {
    checking: paymentText(lang, "phaseChecking"),
    writing: (percent) => paymentText(lang, "phaseWriting", { percent }),
  });
  syncs += written;
  return { report, model, rendered, data, detection, syncs };
}

/** The lines of the result summary shown after a build. */
export function paymentSummaryLines(
  built: Pick<PaymentBuilt, "report" | "rendered">,
  lang: Lang,
  seconds: number,
): string[] {
  const { report, rendered } = built;
  const t = report.total;
  const sep = lang === "zh" ? "、" : ", ";
  const money = (x: number) => formatNumber(lang, x, 2);
  const skipped = Object.values(report.skipped).reduce((a: number, b) => a + (b ?? 0), 0);
  return [
    paymentText(lang, "resultSheets", { sheets: rendered.sheets.map((s) => s.name).join(sep) }),
    paymentText(lang, "resultBalance", {
      revenue: money(t.revenue),
      cost: money(t.cost),
      balance: money(t.balance),
      rate: Number.isFinite(t.rate) ? `${formatNumber(lang, t.rate * 100, 2)}%` : "—",
    }),
    paymentText(lang, "resultCases", {
      cases: formatNumber(lang, t.cases),
      groups: formatNumber(lang, report.groups.length),
      normal: formatNumber(lang, t.normal),
      high: formatNumber(lang, t.high),
      low: formatNumber(lang, t.low),
      losing: formatNumber(lang, report.groups.filter((g) => g.balance < 0).length),
    }),
    paymentText(lang, "resultRows", {
      read: formatNumber(lang, report.rowsRead),
      used: formatNumber(lang, report.rowsUsed),
      skipped: formatNumber(lang, skipped),
    }),
    ...outcomeLines(rendered, seconds, lang),
  ];
}

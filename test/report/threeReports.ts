/** One model of each report (quadrant, audit, trends, payment, compare), for the tests that render them all. */
import { gridFromRows, readCaseTable } from "../../src/engine/caseTable";
import { weightTable } from "../../src/engine/weightTable";
import { auditTableFromGrid, auditVolumeFromGrid } from "../../src/engine/weightAudit/fromGrid";
import { computeAuditReport, DEFAULT_AUDIT_SETTINGS } from "../../src/report/audit/compute";
import { auditWorkbook } from "../../src/report/audit/sheets";
import { WorkbookModel } from "../../src/report/model";
import { DEFAULT_QUADRANT_SETTINGS } from "../../src/report/quadrant/settings";
import { computeQuadrantReport } from "../../src/report/quadrant/compute";
import { quadrantWorkbook } from "../../src/report/quadrant/sheets";
import {
  DEFAULT_TRENDS_SETTINGS,
  TrendsSettings,
  trendsColumns,
  trendsRequiredColumns,
} from "../../src/report/trends/settings";
import { computeTrendsReport } from "../../src/report/trends/compute";
import { trendsWorkbook } from "../../src/report/trends/sheets";
import { computePaymentReport } from "../../src/report/payment/compute";
import { DEFAULT_PAYMENT_SETTINGS, paymentColumns } from "../../src/report/payment/settings";
import { paymentWorkbook } from "../../src/report/payment/sheets";
import { computeCompareReport } from "../../src/report/compare/compute";
import { compareColumns, DEFAULT_COMPARE_SETTINGS } from "../../src/report/compare/settings";
import { compareWorkbook } from "../../src/report/compare/sheets";
import { sampleRows } from "../taskpane/excelLike";
import { compareRows, tableOf, WEIGHTS_A as COMPARE_A, WEIGHTS_B as COMPARE_B } from "./compare/compareCases";
import { paymentRows, RATE, REGIONAL, WEIGHTS as PAYMENT_WEIGHTS } from "./payment/paymentCases";
import { fiveGroupRows, WEIGHTS } from "./fiveGroups";

const TIME = new Date(Date.UTC(2025, 0, 31, 8, 0, 0));

/** The five-group quadrant report (test/report/fiveGroups.ts), both unit tables, in Chinese. */
export function quadrantModel(): WorkbookModel {
  const table = weightTable(
    WEIGHTS.map((w) => w[0]),
    WEIGHTS.map((w) => w[1]),
  );
  const settings = {
    ...DEFAULT_QUADRANT_SETTINGS,
    weights: { source: "table" as const, table, name: "w.csv" },
    money: { mode: "pool" as const, pool: 1000 },
    unit: "both" as const,
  };
  const report = computeQuadrantReport(readCaseTable(fiveGroupRows()), settings, {
    source: "five.csv",
    version: "1.2.3",
    time: TIME,
    utcOffset: 480,
  });
  return quadrantWorkbook(report, "zh");
}

/** The three-group audit of test/report/auditReport.test.ts, in English (findings, unit tables, bar chart). */
export function auditModel(): WorkbookModel {
  const table = (rows: unknown[][], source: string) => auditTableFromGrid(gridFromRows(rows), { source, firstRow: 1 });
  const base = table(
    [
      ["drg_code", "drg_name", "weight"],
      ["JR11", "乳腺恶性肿瘤，伴严重并发症", 2],
      ["JR13", "", 1.5],
      ["JR15", "", 1],
    ],
    "2023.csv",
  );
  const adjusted = table(
    [
      ["DRG编码", "权重"],
      ["JR11", 2.4],
      ["JR13", 1.5],
      ["JR15", 0.8],
    ],
    "2024.csv",
  );
  const volume = auditVolumeFromGrid(
    gridFromRows([
      ["DRG编码", "出院人数", "医院", "医院等级"],
      ["JR11", 10, "甲", "三级"],
      ["JR15", 10, "甲", "三级"],
      ["JR13", 10, "乙", "二级"],
      ["JR15", 30, "乙", "二级"],
    ]),
    { source: "volume.csv" },
  );
  const report = computeAuditReport({ base, adjusted, volume }, DEFAULT_AUDIT_SETTINGS, {
    version: "9.9.9",
    time: TIME,
    utcOffset: 480,
  });
  return auditWorkbook(report, "en");
}

/**
 * Trends of 3,000 sample cases (the generator's departments over three years), with the fitted
 * cost curve; the monitoring sheet by year (default) or by the given period.
 */
export function trendsModel(period: TrendsSettings["period"] = "year"): WorkbookModel {
  const rows = sampleRows(3000);
  const settings: TrendsSettings = { ...DEFAULT_TRENDS_SETTINGS, period };
  const table = readCaseTable(rows, { columns: trendsColumns(settings), required: trendsRequiredColumns(settings) });
  const report = computeTrendsReport(table, settings, {
    source: "sample",
    version: "9.9.9",
    time: TIME,
    utcOffset: 480,
  });
  return trendsWorkbook(report, "zh");
}

/** The DRG payment P&L of test/report/payment/paymentCases.ts with its regional means, in English (bar chart, units, outliers). */
export function paymentModel(): WorkbookModel {
  const table = (rows: [string, number][]) =>
    weightTable(
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
    );
  const settings = {
    ...DEFAULT_PAYMENT_SETTINGS,
    rate: RATE,
    weights: { table: table(PAYMENT_WEIGHTS), name: "w.csv" },
    groupMeans: { table: table(REGIONAL), name: "region.csv" },
  };
  const report = computePaymentReport(readCaseTable(paymentRows(), { columns: paymentColumns(settings) }), settings, {
    source: "cases.csv",
    version: "9.9.9",
    time: TIME,
    utcOffset: 480,
  });
  return paymentWorkbook(report, "en");
}

/** The two-versions comparison of test/report/compare/compareCases.ts by department, in Chinese (units, pairs). */
export function compareModel(): WorkbookModel {
  const settings = {
    ...DEFAULT_COMPARE_SETTINGS,
    weightsA: { table: tableOf(COMPARE_A), name: "a.csv" },
    weightsB: { table: tableOf(COMPARE_B), name: "b.csv" },
    names: ["医疗DRG", "医保DRG"] as [string, string],
    unit: "department" as const,
  };
  const report = computeCompareReport(readCaseTable(compareRows(), { columns: compareColumns(settings) }), settings, {
    source: "cases.csv",
    version: "9.9.9",
    time: TIME,
    utcOffset: 480,
  });
  return compareWorkbook(report, "zh");
}

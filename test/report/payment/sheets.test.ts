/** The workbook model of the payment P&L report: sheet names, the summary, the chart's bars. */
import { readCaseTable } from "../../../src/engine/caseTable";
import { weightTable } from "../../../src/engine/weightTable";
import { chartGroups } from "../../../src/report/payment/chart";
import { computePaymentReport } from "../../../src/report/payment/compute";
import { DEFAULT_PAYMENT_SETTINGS, paymentColumns, PaymentSettings } from "../../../src/report/payment/settings";
import { paymentSheetNames, paymentWorkbook } from "../../../src/report/payment/sheets";
import { PaymentGroupRow } from "../../../src/report/payment/types";
import { NUMBER_FORMATS } from "../../../src/report/layout/formats";
import { KeyValueBlock, TableBlock } from "../../../src/report/model";
import { paymentRows, RATE, WEIGHTS } from "./paymentCases";

function model(lang: "zh" | "en", extra: Partial<PaymentSettings> = {}) {
  const settings: PaymentSettings = {
    ...DEFAULT_PAYMENT_SETTINGS,
    rate: RATE,
    weights: {
      table: weightTable(
        WEIGHTS.map((w) => w[0]),
        WEIGHTS.map((w) => w[1]),
      ),
      name: "w.csv",
    },
    ...extra,
  };
  const report = computePaymentReport(readCaseTable(paymentRows(), { columns: paymentColumns(settings) }), settings, {
    source: "cases.csv",
    version: "9.9.9",
    time: new Date(Date.UTC(2026, 0, 1)),
    utcOffset: 480,
  });
  return paymentWorkbook(report, lang);
}

const row = (balance: number, group: string): PaymentGroupRow =>
  ({ group, name: "", balance }) as unknown as PaymentGroupRow;

test("sheet names in Chinese and English", () => {
  expect(model("zh").sheets.map((s) => s.name)).toEqual(paymentSheetNames("zh"));
  expect(paymentSheetNames("zh")).toEqual(["DRG盈亏", "科室医师盈亏", "高低倍率病例", "支付参数"]);
  expect(model("en").sheets.map((s) => s.name)).toEqual([
    "DRG P&L",
    "Units P&L",
    "Outlier Cases",
    "Payment Parameters",
  ]);
});

test("the summary comes first: 19 cases, 3 groups, 187,250 against 190,000, 1 group losing, AD11 the largest loss", () => {
  const sheet = model("en").sheets[0];
  const summary = sheet.blocks.find((b) => b.kind === "keyValue") as KeyValueBlock;
  const value = (key: string) => summary.rows.find((r) => r[0] === key)?.[1];
  expect(value("Cases")).toBe(19);
  expect([value("Normal"), value("High-cost"), value("Low-cost")]).toEqual([15, 3, 1]);
  expect(value("Groups")).toBe(3);
  expect(value("Expected revenue") as number).toBeCloseTo(187250, 6);
  expect(value("Balance") as number).toBeCloseTo(-2750, 6);
  expect(value("Groups losing money")).toBe(1);
  expect(value("Largest loss")).toBe("AD11 丙组: -4,750.00");
  const tables = sheet.blocks.filter((b): b is TableBlock => b.kind === "table");
  expect(tables[0].rows.map((r) => r[0])).toEqual(["AD11", "AC11", "AB11"]);
  expect(tables[0].totalRow?.[0]).toBe("Total");
});

test("the bar chart reads its own table: every group when there are at most 2N", () => {
  const sheet = model("en").sheets[0];
  const chart = sheet.barCharts![0];
  const table = sheet.blocks[chart.categories.blockIndex] as TableBlock;
  expect(table.rows.map((r) => r[0])).toEqual(["AD11", "AC11", "AB11"]);
  expect(chart.series[0].values.columnId).toBe("balance");
});

test("chartGroups: the N largest losses and the N largest gains, a loss never shown as a gain", () => {
  // balances sorted, largest loss first: -5 -3 -1 2 4 6 8
  const rows = [-5, -3, -1, 2, 4, 6, 8].map((b, i) => row(b, `G${i}`));
  expect(chartGroups(rows, 2).map((g) => g.balance)).toEqual([-5, -3, 6, 8]);
  // only one loss among the first 3: the others of the first N are gains, not repeated
  const mostlyGains = [-5, 1, 2, 3, 4, 5, 6, 7].map((b, i) => row(b, `G${i}`));
  expect(chartGroups(mostlyGains, 3).map((g) => g.balance)).toEqual([-5, 5, 6, 7]);
  expect(chartGroups(rows, 4)).toHaveLength(7);
});

test("without high or low cases the outlier sheet says so", () => {
  const rules = { ...DEFAULT_PAYMENT_SETTINGS.rules, high: [30, 20, 15], low: 0.01 };
  const sheet = model("zh", { rules }).sheets[2];
  expect(sheet.blocks.map((b) => (b.kind === "text" ? b.text : b.kind))).toContain("没有高倍率或低倍率病例。");
});

test("paid cases with an empty department are left out of the department table only, and said so", () => {
  const rows = paymentRows();
  rows[1][1] = ""; // an AB11 case (4,000, normal) without a department
  const settings: PaymentSettings = {
    ...DEFAULT_PAYMENT_SETTINGS,
    rate: RATE,
    weights: {
      table: weightTable(
        WEIGHTS.map((w) => w[0]),
        WEIGHTS.map((w) => w[1]),
      ),
      name: "w.csv",
    },
  };
  const report = computePaymentReport(readCaseTable(rows, { columns: paymentColumns(settings) }), settings, {
    source: "cases.csv",
    version: "9.9.9",
  });
  expect(report.units[0].rows.map((u) => [u.group, u.cases])).toEqual([
    ["外科", 9],
    ["内科", 9],
  ]);
  expect(report.units[1].total.cases).toBe(19);
  expect(report.total.cases).toBe(19);
  const sheet = paymentWorkbook(report, "zh").sheets[1];
  expect(sheet.blocks.map((b) => (b.kind === "text" ? b.text : ""))).toContain("科室为空的病例（不计入本表）：1");
});

test("no paid case (no group has a weight): an empty report, drawn without a chart", async () => {
  const settings: PaymentSettings = {
    ...DEFAULT_PAYMENT_SETTINGS,
    rate: RATE,
    weights: { table: weightTable(["XX99"], [1]), name: "w.csv" },
  };
  const report = computePaymentReport(readCaseTable(paymentRows(), { columns: paymentColumns(settings) }), settings, {
    source: "cases.csv",
    version: "9.9.9",
  });
  expect([report.total.cases, report.groups.length, report.skipped.noWeight]).toEqual([0, 0, 20]);
  const book = paymentWorkbook(report, "en");
  expect(book.sheets[0].barCharts).toBeUndefined();
  const { renderXlsx } = await import("../../../src/report/xlsx/render");
  expect((await renderXlsx(book)).length).toBeGreaterThan(0);
});

test("the group sheet freezes its key columns, not the summary; outlier rows show as 1931, not 1,931", () => {
  const [groups, , outliers] = model("zh").sheets;
  // the summary and the settlement check put the header far below MAX_FROZEN_ROWS
  expect(groups.freeze).toEqual({ rows: 0, columns: 2 });
  expect(groups.printTitles!.first).toBe(groups.printTitles!.last);
  const table = outliers.blocks.find((b): b is TableBlock => b.kind === "table")!;
  expect(table.columns[0]).toMatchObject({ id: "row", type: "rowNumber" });
  expect(NUMBER_FORMATS.rowNumber).toBe("0");
});

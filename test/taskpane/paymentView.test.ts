/**
 * The "DRG payment" view's build path through the office-addin-mock context: a small case table
 * and its weight table read from the workbook, the profit-and-loss sheets written (the data
 * untouched), a regional table of group means, the form's checks in both languages, and the
 * view rendered once in each language.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { renderWorkbook } from "../../src/report/excel/render";
import { RenderOptions } from "../../src/report/excel/options";
import { WorkbookModel } from "../../src/report/model";
import { paymentSheetNames } from "../../src/report/payment/sheets";
import { detectColumns, weightTableOf } from "../../src/taskpane/build";
import { readSource, SourceData } from "../../src/taskpane/excelData";
import {
  buildPayment,
  DEFAULT_PAYMENT_FORM,
  groupMeansOf,
  paymentMappingColumns,
  paymentSettingsFromForm,
  paymentShape,
  paymentSummaryLines,
} from "../../src/taskpane/paymentBuild";
import { PaymentView } from "../../src/taskpane/PaymentView";
import { ReportDeps } from "../../src/taskpane/writeReport";
import { MockWorkbook, mockContext } from "./excelMock";

const TIME = new Date(Date.UTC(2025, 0, 31, 8, 0, 0));
const noPause = () => Promise.resolve();

/**
 * Five cases. GB11 (weight 2, 200 points): three of 30,000, all at their mean, normal; each
 * paid 200 / 100 × 10,000 = 20,000. ES21 (weight 1, 100 points): two of 8,000, normal, each
 * paid 10,000. Revenue 3 × 20,000 + 2 × 10,000 = 80,000; cost 90,000 + 16,000 = 106,000;
 * balance −26,000; rate −26,000 / 80,000 = −0.325. GB11 loses 30,000, ES21 gains 4,000.
 */
function book(): MockWorkbook {
  const b = new MockWorkbook();
  b.addSheet("病例", [
    ["病案号", "DRG编码", "科室", "主诊医师", "住院总费用"],
    ["A1", "GB11", "普外科", "张三", 30000],
    ["A2", "GB11", "普外科", "张三", 30000],
    ["A3", "GB11", "普外科", "李四", 30000],
    ["A4", "ES21", "呼吸内科", "王五", 8000],
    ["A5", "ES21", "呼吸内科", "王五", 8000],
  ]);
  b.selection = { sheet: "病例", row: 0, column: 0, rows: 6, columns: 5 };
  b.addSheet("权重", [
    ["DRG编码", "权重"],
    ["GB11", 2],
    ["ES21", 1],
  ]);
  b.tables.push({ name: "Weights", sheet: "权重", row: 0, column: 0, rows: 3, columns: 2 });
  // Regional means: ES21 at 2,000 makes its 8,000 cases 4 × the mean, above every high threshold.
  b.addSheet("区域", [
    ["DRG编码", "次均费用"],
    ["GB11", 30000],
    ["ES21", 2000],
  ]);
  b.names.push({ name: "Region", sheet: "区域", row: 0, column: 0, rows: 3, columns: 2 });
  return b;
}

function deps(b: MockWorkbook): ReportDeps {
  const context = mockContext(b);
  return {
    run: (batch) => batch(context),
    render: async (model: WorkbookModel, options: RenderOptions) => ({
      ...(await renderWorkbook(context, model, options)),
      grouped: true,
    }),
    ask: async () => "replace",
    yieldToUi: noPause,
    time: TIME,
  };
}

const read = (b: MockWorkbook, source: Parameters<typeof readSource>[1]): Promise<SourceData> =>
  readSource(mockContext(b), source, { yieldToUi: noPause });

async function settingsOf(b: MockWorkbook, form = { ...DEFAULT_PAYMENT_FORM, rate: "10000" }) {
  const weights = { table: weightTableOf(await read(b, { kind: "table", name: "Weights" })), name: "权重!A1:B3" };
  const means = groupMeansOf(await read(b, { kind: "name", name: "Region" }));
  return paymentSettingsFromForm(form, "zh", weights, means);
}

describe("Build from the selection: the payment sheets", () => {
  test("writes the four sheets with the hand-computed balances; the data untouched", async () => {
    const b = book();
    const checked = await settingsOf(b);
    expect(checked.errors).toEqual([]);
    const built = await buildPayment({ source: { kind: "selection" } }, checked.settings!, "zh", deps(b));

    const t = built.report.total;
    expect([t.cases, t.normal, t.high, t.low]).toEqual([5, 5, 0, 0]);
    expect([t.revenue, t.cost, t.balance]).toEqual([80000, 106000, -26000]);
    expect(t.rate).toBeCloseTo(-0.325, 12);
    expect(built.report.groups.map((g) => [g.group, g.balance])).toEqual([
      ["GB11", -30000],
      ["ES21", 4000],
    ]);
    expect(built.rendered.sheets.map((s) => s.name)).toEqual(paymentSheetNames("zh"));
    expect(b.live().map((s) => s.name)).toEqual(["病例", "权重", "区域", ...paymentSheetNames("zh")]);
    expect(b.sheet("病例")!.written).toEqual([]);

    const lines = paymentSummaryLines(built, "zh", 1.2);
    expect(lines[1]).toBe("预收入 80,000.00，成本 106,000.00，结余 -26,000.00（-32.50%）");
    expect(lines[2]).toBe("2 个病组共 5 例：正常 5 例，高倍率 0 例，低倍率 0 例；1 个病组亏损");
    expect(lines[3]).toBe("读取 5 行，使用 5 行，跳过 0 行");
  });

  test("a regional table of group means turns ES21's cases into high-cost cases", async () => {
    const b = book();
    const checked = await settingsOf(b, { ...DEFAULT_PAYMENT_FORM, rate: "10000", meansMode: "table" });
    expect(checked.settings!.groupMeans?.name).toBe("区域!A1:B3");
    const built = await buildPayment({ source: { kind: "selection" } }, checked.settings!, "en", deps(b));
    const es21 = built.report.groups.find((g) => g.group === "ES21")!;
    expect([es21.normal, es21.high, es21.low]).toEqual([0, 2, 0]);
    // A high-cost case earns more than its normal 100 points.
    expect(es21.points).toBeGreaterThan(200);
    expect(built.report.total.high).toBe(2);
  });
});

describe("the form", () => {
  test("names every missing or wrong field, in the user's language", () => {
    const form = { ...DEFAULT_PAYMENT_FORM, pointValue: "abc", coefficient: "0", meansMode: "table" as const };
    expect(paymentSettingsFromForm(form, "en").errors).toEqual([
      "Enter the rate (money per weight point).",
      "Point value or settlement factor: “abc” is not a number",
      "Institution coefficient (机构系数): 0 must be a number above 0",
      "Read the weight table first.",
      "Read the table of group means first.",
    ]);
    expect(paymentSettingsFromForm({ ...DEFAULT_PAYMENT_FORM, rate: "-5" }, "zh").errors).toEqual([
      "费率（每权重点金额）：-5 应为大于 0 的数",
      "请先读取权重表。",
    ]);
  });

  test("the columns the view maps follow the cost and the unit", async () => {
    const b = book();
    const detection = detectColumns((await read(b, { kind: "selection" })).values);
    expect(detection.mapping.drg).toBeDefined();
    const charges = paymentMappingColumns(paymentShape(DEFAULT_PAYMENT_FORM));
    expect(charges.filter((c) => c.required).map((c) => c.column)).toEqual(["drg", "totalCost"]);
    const doctor = paymentMappingColumns(paymentShape({ ...DEFAULT_PAYMENT_FORM, unit: "doctor", layer: "marginal" }));
    expect(doctor.filter((c) => c.required).map((c) => c.column)).toEqual([
      "drg",
      "totalCost",
      "drugCost",
      "materialCost",
      "doctor",
    ]);
  });
});

test("the view renders in both languages", () => {
  const zh = renderToString(React.createElement(PaymentView, { lang: "zh" }));
  expect(zh).toContain("CaseMix：DRG 付费盈亏分析");
  expect(zh).toContain("高低倍率判定的病组均值");
  expect(zh).toContain('data-testid="payment-build"');
  const en = renderToString(React.createElement(PaymentView, { lang: "en" }));
  expect(en).toContain("CaseMix: DRG payment profit and loss");
  expect(en).toContain("Rate: money per weight point");
  expect(en).not.toContain("病组均值");
});

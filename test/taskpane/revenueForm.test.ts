/**
 * The quadrant form's revenue choice (收入口径 / Revenue): the settlement by default, the expected
 * DRG payment with its rate, point value and coefficient, and what is wrong with them in both languages.
 */
import { requiredColumns } from "../../src/report/quadrant/settings";
import { DEFAULT_FORM, settingsFromForm } from "../../src/taskpane/settings";

describe("the quadrant form's revenue", () => {
  it("is the settlement by default, with no payment", () => {
    const s = settingsFromForm(DEFAULT_FORM, "en").settings!;
    expect(s.revenue).toBe("settlement");
    expect(s.payment).toBeUndefined();
  });

  it("reads the payment fields into the settings, which then need the total cost", () => {
    const form = {
      ...DEFAULT_FORM,
      revenue: "payment" as const,
      rate: "5,000",
      pointValue: "0.98",
      paymentCoefficient: "1.05",
    };
    const s = settingsFromForm(form, "zh").settings!;
    expect([s.revenue, s.payment]).toEqual(["payment", { rate: 5000, pointValue: 0.98, coefficient: 1.05 }]);
    expect(requiredColumns(s)).toContain("totalCost");
    expect(requiredColumns(s)).not.toContain("selfPay");
  });

  it("says what is wrong: a blank rate, a factor of 0, not a number", () => {
    const form = { ...DEFAULT_FORM, revenue: "payment" as const };
    expect(settingsFromForm(form, "en").errors).toEqual([
      "Expected DRG payment needs the rate (money per weight point)",
    ]);
    expect(settingsFromForm(form, "zh").errors).toEqual(["预期DRG支付需要填写费率（每权重点金额）"]);
    expect(settingsFromForm({ ...form, rate: "5000", pointValue: "0" }, "en").errors).toEqual([
      "Point value: 0 must be above 0",
    ]);
    expect(settingsFromForm({ ...form, rate: "abc" }, "zh").errors).toEqual(["费率：“abc” 不是数字"]);
    // the settlement ignores the payment fields, even when they are wrong
    expect(settingsFromForm({ ...DEFAULT_FORM, rate: "abc" }, "en").errors).toEqual([]);
  });
});

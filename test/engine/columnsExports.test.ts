/**
 * Column detection on the two standard hospital exports (DOMAIN.md "Real exports: fee items and
 * payment columns"): header rows written from DOMAIN's lists, with the class prefixes and
 * numbering exports add, and hand-checked sums.
 */
import * as fc from "fast-check";
import { readCaseTable } from "../../src/engine/caseTable";
import { detectCaseColumns } from "../../src/engine/columnDetection";
import { detectExportLayout, FEE_ITEMS, feeItemOf } from "../../src/engine/exportLayouts";
import { marginContribution } from "../../src/engine/margins";
import { CaseMixError } from "../../src/engine/text";
import { FRONT_PAGE_HEADERS, FRONT_PAGE_ROW, SETTLEMENT_HEADERS, SETTLEMENT_ROW } from "../helpers/exportHeaders";

describe("fee items behind class prefixes and numbering", () => {
  it.each([
    ["西药类-西药费", "西药费", false],
    ["(13)西药费", "西药费", false],
    ["（13）西药费（元）", "西药费", false],
    ["13.西药费", "西药费", false],
    ["综合医疗服务类_护理费", "护理费", false],
    ["其中：抗菌药物费用", "抗菌药物费用", true],
    ["手术治疗费-其中-麻醉费", "麻醉费", true],
    ["耗材类：手术用一次性医用材料费", "手术用一次性医用材料费", false],
  ])("%s is %s", (header, item, ofWhich) => {
    expect(feeItemOf(header)).toEqual({ item, ofWhich });
  });

  it("knows neither other headers nor the canonical column names", () => {
    expect(feeItemOf("DRG编码")).toBeUndefined();
    expect(feeItemOf("住院总费用")).toBeUndefined();
    expect(feeItemOf("constructor")).toBeUndefined();
  });

  it("property: a number and a class prefix never change the item", () => {
    const names = Object.keys(FEE_ITEMS);
    const prefixes = ["", "西药类-", "综合医疗服务类_", "耗材类：", "治疗类—"];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom(...prefixes),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom("(n)", "（n）", "n.", "n、", ""),
        fc.constantFrom("", "(元)", "（元）"),
        (name, prefix, n, numbering, unit) => {
          const header = numbering.replace("n", String(n)) + prefix + name + unit;
          expect(feeItemOf(header)?.item).toBe(name);
        },
      ),
    );
  });
});

describe("the front page (病案首页)", () => {
  const d = detectCaseColumns(FRONT_PAGE_HEADERS);

  it("is recognised and mapped by DOMAIN's rules", () => {
    expect(d.layout).toBe("frontPage");
    expect(d.columns.totalCost).toBe(2); // (1)总费用
    expect(d.columns.insurancePaid).toBe(32);
    expect(d.sources.drugCost).toEqual([19, 21, 22]); // 西药费 + 中成药费 + 中草药费
    expect(d.sources.materialCost).toEqual([28, 29, 30]); // the three 一次性医用材料费
    expect(d.sources.selfPay).toEqual([3]); // 自付金额: the patient's total
    expect(d.sources.catMedical).toEqual([5, 12, 14, 17, 18, 29, 30]);
    expect(d.sources.catNursing).toEqual([6]);
    expect(d.sources.catTech).toEqual([8, 9, 10, 11, 28]);
    expect(d.sources.catDrug).toEqual([19, 21, 22, 23, 24, 25, 26, 27]);
    expect(d.sources.catAdmin).toEqual([4, 7, 31]);
  });

  it("recognises the 'of which' items and adds them to nothing", () => {
    const ofWhich = d.items.filter((i) => i.parent !== undefined);
    expect(ofWhich.map((i) => [i.index, i.item, i.parent])).toEqual([
      [13, "临床物理治疗费", "非手术治疗项目费"],
      [15, "麻醉费", "手术治疗费"],
      [16, "手术费", "手术治疗费"],
      [20, "抗菌药物费用", "西药费"],
    ]);
    const fed = new Set(Object.values(d.sources).flat());
    for (const i of [13, 15, 16, 20]) expect(fed.has(i)).toBe(false);
  });

  it("reads revenue, variable cost and margin as computed by hand; a row off its total is flagged", () => {
    const off = [...FRONT_PAGE_ROW];
    off[2] = 10500; // categories still 10000: 500 off
    const near = [...FRONT_PAGE_ROW];
    near[2] = 10000.5; // within 1 yuan
    const t = readCaseTable([["某医院病案首页导出"], FRONT_PAGE_HEADERS, FRONT_PAGE_ROW, off, near]);
    expect(Array.from(t.numbers.drugCost!)).toEqual([3000, 3000, 3000]); // 2500 + 300 + 200
    expect(Array.from(t.numbers.materialCost!)).toEqual([1000, 1000, 1000]); // 100 + 300 + 600
    expect(Array.from(t.numbers.selfPay!)).toEqual([2000, 2000, 2000]);
    expect(t.numbers.catMedical![0]).toBe(4000);
    expect(t.numbers.catTech![0]).toBe(1600);
    expect(t.numbers.catDrug![0]).toBe(3500);
    expect(t.numbers.catAdmin![0]).toBe(500);
    // revenue 7000 + 2000 = 9000, variable cost 3000 + 1000 = 4000, margin 5000, rate 5/9
    const m = marginContribution({
      revenue: [t.numbers.insurancePaid!, t.numbers.selfPay!],
      cost: [t.numbers.drugCost!, t.numbers.materialCost!],
    });
    expect(m.overall.revenue).toBe(27000);
    expect(m.overall.cost).toBe(12000);
    expect(m.overall.rate).toBeCloseTo(5 / 9, 12);
    expect(t.rowCount).toBe(3); // nothing dropped
    expect(t.flagged).toEqual({ categoryMismatch: 1, categoryMismatchRows: [4] }); // sheet row 4
  });
});

describe("the settlement list (医保结算清单)", () => {
  const d = detectCaseColumns(SETTLEMENT_HEADERS);

  it("is recognised and mapped by DOMAIN's rules", () => {
    expect(d.layout).toBe("settlement");
    expect(d.columns.totalCost).toBe(2);
    expect(d.columns.insurancePaid).toBe(17);
    expect(d.sources.drugCost).toEqual([11, 12, 13]);
    expect(d.sources.materialCost).toEqual([10]);
    // 个人自付 + 个人自费, never also 个人账户 + 个人现金 (the same money by source)
    expect(d.sources.selfPay).toEqual([20, 21]);
    expect(d.sources.catMedical).toEqual([7, 8, 10]); // 手术费 is a category here
    expect(d.sources.catNursing).toEqual([9]);
    expect(d.sources.catTech).toEqual([5, 6]);
    expect(d.sources.catDrug).toEqual([11, 12, 13]);
    expect(d.sources.catAdmin).toEqual([3, 4, 14, 15, 16]);
  });

  it("takes 个人账户 + 个人现金 when the 自付 / 自费 pair is absent", () => {
    const headers = SETTLEMENT_HEADERS.slice(0, 20);
    expect(detectCaseColumns(headers).sources.selfPay).toEqual([18, 19]);
  });

  it("reads the row as computed by hand, and the categories add up", () => {
    const t = readCaseTable([SETTLEMENT_HEADERS, SETTLEMENT_ROW]);
    expect(t.numbers.selfPay![0]).toBe(2700); // 1500 + 1200
    expect(t.numbers.drugCost![0]).toBe(2500);
    expect(t.numbers.materialCost![0]).toBe(1200);
    expect(t.numbers.catMedical![0]).toBe(3700);
    expect(t.numbers.catAdmin![0]).toBe(700);
    expect(t.flagged.categoryMismatch).toBe(0);
  });
});

describe("the mapping without a layout, and the user's corrections", () => {
  it("adds several generic patient-payment columns (自付 + 自费)", () => {
    expect(detectCaseColumns(["DRG编码", "自付", "自费"]).sources.selfPay).toEqual([1, 2]);
  });

  it("takes a direct total over its parts, and no categories from a few fee items", () => {
    const d = detectCaseColumns(["DRG编码", "药品费", "西药费", "中成药费", "护理费", "其他费用"]);
    expect(d.layout).toBeUndefined();
    expect(d.sources.drugCost).toEqual([1]);
    expect(d.sources.catNursing).toBeUndefined();
    expect(d.sources.catAdmin).toBeUndefined();
  });

  it("a correction may be a sum, written with + or as a list", () => {
    const rows = [
      ["DRG编码", "检查用一次性医用材料费", "治疗用一次性医用材料费", "手术用一次性医用材料费"],
      ["GB11", 1, 20, 300],
    ];
    const plus = readCaseTable(rows, { mapping: { materialCost: "检查用一次性医用材料费+治疗用一次性医用材料费" } });
    expect(plus.sources.materialCost).toEqual([1, 2]);
    expect(plus.numbers.materialCost![0]).toBe(21);
    const list = readCaseTable(rows, { mapping: { materialCost: [3, "治疗用一次性医用材料费"] } });
    expect(list.numbers.materialCost![0]).toBe(320);
    expect(readCaseTable(rows).numbers.materialCost![0]).toBe(321);
  });

  it("a sum of code columns, or a part naming no header, is an error naming it", () => {
    expect.assertions(2);
    const rows = [
      ["DRG编码", "科室", "病区"],
      ["GB11", "a", "b"],
    ];
    expect(() => readCaseTable(rows, { mapping: { department: "科室+病区" } })).toThrow(CaseMixError);
    try {
      readCaseTable(rows, { mapping: { totalCost: "科室+费用" } });
    } catch (e) {
      expect((e as CaseMixError).messageIn("en")).toContain('mapping totalCost: no header is "费用"');
    }
  });

  it("detectExportLayout needs three of a layout's own items", () => {
    expect(detectExportLayout(["床位费", "检查费"]).layout).toBeUndefined();
    expect(detectExportLayout(["床位费", "检查费", "化验费"]).layout).toBe("settlement");
  });
});

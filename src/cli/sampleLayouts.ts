/**
 * The sample's cases written as the two standard exports (DOMAIN.md "Real exports"): the front
 * page (病案首页: class-prefixed and numbered fee items, "of which" items filled in, 自付金额) and
 * the settlement list (医保结算清单: fee categories, 个人自付 / 个人自费 and 个人账户 / 个人现金).
 * A case's drugs and materials are split over their items, the rest of its charges over the
 * other items, by fixed shares, so that the five categories add up to the total (to rounding)
 * and the default mapping gives back the sample's drug and material costs.
 *
 *     layoutCells("frontPage", { charges: 1000, insurance: 700, selfPay: 300, drug: 200, material: 100 })
 *     // [1000, 300, 56, 49, 70, ...]: 总费用, 自付金额, then 8%, 7%, 10% of the rest 700, ...
 */

export type SampleLayout = "summary" | "frontPage" | "settlement";

/** The money of one case the layouts split. */
export interface CaseMoney {
  charges: number;
  insurance: number;
  selfPay: number;
  drug: number;
  material: number;
}

/** An item: its header, and what it is: a share of drugs (D), materials (M), the rest (R), ... */
type Part = [header: string, of: "D" | "M" | "R" | "P" | "I" | "total", share: number];

// Shares of the rest R = charges - drugs - materials add up to 1 ("of which" items aside).
const FRONT_PAGE: readonly Part[] = [
  ["(1)总费用", "total", 1],
  ["其中：自付金额", "P", 1],
  ["综合医疗服务类-一般医疗服务费", "R", 0.08],
  ["综合医疗服务类-一般治疗操作费", "R", 0.07],
  ["综合医疗服务类-护理费", "R", 0.1],
  ["综合医疗服务类-其他费用", "R", 0.02],
  ["诊断类-病理诊断费", "R", 0.03],
  ["诊断类-实验室诊断费", "R", 0.15],
  ["诊断类-影像学诊断费", "R", 0.12],
  ["诊断类-临床诊断项目费", "R", 0.05],
  ["治疗类-非手术治疗项目费", "R", 0.12],
  ["其中：临床物理治疗费", "R", 0.02],
  ["治疗类-手术治疗费", "R", 0.16],
  ["其中：麻醉费", "R", 0.04],
  ["其中：手术费", "R", 0.1],
  ["康复类-康复费", "R", 0.02],
  ["中医类-中医治疗费", "R", 0.02],
  ["(13)西药费", "D", 0.8],
  ["其中：抗菌药物费用", "D", 0.16],
  ["中药类-中成药费", "D", 0.15],
  ["中药类-中草药费", "D", 0.05],
  ["血液和血液制品类-血费", "R", 0.03],
  ["血液和血液制品类-白蛋白类制品费", "R", 0.02],
  ["血液和血液制品类-球蛋白类制品费", "R", 0],
  ["血液和血液制品类-凝血因子类制品费", "R", 0],
  ["血液和血液制品类-细胞因子类制品费", "R", 0],
  ["耗材类-检查用一次性医用材料费", "M", 0.2],
  ["耗材类-治疗用一次性医用材料费", "M", 0.35],
  ["耗材类-手术用一次性医用材料费", "M", 0.45],
  ["其他类-其他费", "R", 0.01],
  ["医保统筹支付", "I", 1],
];

const SETTLEMENT: readonly Part[] = [
  ["医疗费总额", "total", 1],
  ["床位费", "R", 0.1],
  ["诊察费", "R", 0.03],
  ["检查费", "R", 0.2],
  ["化验费", "R", 0.17],
  ["治疗费", "R", 0.2],
  ["手术费", "R", 0.18],
  ["护理费", "R", 0.08],
  ["卫生材料费", "M", 1],
  ["西药费", "D", 0.8],
  ["中药饮片费", "D", 0.05],
  ["中成药费", "D", 0.15],
  ["一般诊疗费", "R", 0.02],
  ["挂号费", "R", 0.01],
  ["其他费", "R", 0.01],
  ["医保统筹基金支付", "I", 1],
  ["个人账户支付", "P", 0.3],
  ["个人现金支付", "P", 0.7],
  ["个人自付", "P", 0.6],
  ["个人自费", "P", 0.4],
];

const PARTS: Record<Exclude<SampleLayout, "summary">, readonly Part[]> = {
  frontPage: FRONT_PAGE,
  settlement: SETTLEMENT,
};

/** The key columns every layout starts with (as the summary sample has them). */
export const KEY_HEADERS = ["病案号", "出院科室", "主诊医师", "DRG编码", "DRG名称", "出院日期", "住院天数", "离院方式"];

/** The headers of a layout's money columns, in order. */
export function layoutHeaders(layout: Exclude<SampleLayout, "summary">): string[] {
  return PARTS[layout].map((p) => p[0]);
}

/** A case's money columns in a layout, rounded to cents. */
export function layoutCells(layout: Exclude<SampleLayout, "summary">, m: CaseMoney): number[] {
  const rest = m.charges - m.drug - m.material;
  const base = { D: m.drug, M: m.material, R: rest, P: m.selfPay, I: m.insurance, total: m.charges };
  return PARTS[layout].map(([, of, share]) => Math.round(base[of] * share * 100) / 100);
}

/** `--layout`'s words for the layouts. */
export const LAYOUT_OPTIONS: Record<string, SampleLayout> = {
  summary: "summary",
  "front-page": "frontPage",
  settlement: "settlement",
};

/** The sheet a sample written as .xlsx holds its cases in (the README's example reads it by name). */
export const SAMPLE_SHEET = "出院病例";

/** The cells of a sample row for a sheet: numbers as numbers, the rest (codes, dates) as text. */
export function sheetRow(cells: readonly string[], headerRow: boolean): (string | number)[] {
  if (headerRow) return [...cells];
  // 病案号 and DRG编码 stay text; money, days and discharge ways are numbers.
  return cells.map((v, c) => (c !== 0 && c !== 3 && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v));
}

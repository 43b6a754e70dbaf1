/**
 * The fee items and payment columns of the two standard hospital exports (DOMAIN.md "Real
 * exports: fee items and payment columns"): the national inpatient front page (病案首页) and the
 * insurance settlement list (医保结算清单), and which canonical columns they feed by default.
 *
 * - A header names a fee item after its decorations are taken off: spaces and full-width forms
 *   (`headerKey`), a unit in brackets at the end (`西药费(元)`), a number in front (`(13)西药费`,
 *   `13.西药费`), and a class or parent prefix before a separator (`西药类-西药费`,
 *   `综合医疗服务类_护理费`, `其中：麻醉费`).
 * - "Of which" items (临床物理治疗费, 麻醉费, 手术费 of the front page, 抗菌药物费用, 自付金额 within
 *   总费用) are recognised and feed nothing: they are already inside their parent.
 * - The layout is the one with at least `LAYOUT_MIN_ITEMS` of its own items among the headers
 *   (more than the other); without one the five categories are not built from fee items (a lone
 *   `其他费用` column is not a front page), but drugs and materials are.
 * - Patient payment (DOMAIN's rule): a column holding the patient's total (自付金额, 个人支付)
 *   alone; else 个人自付 + 个人自费; else 个人账户支付 + 个人现金支付 (the same money split by
 *   source: never added to the other pair).
 *
 *     feeItemOf("(13)西药类-西药费(元)")  // { item: "西药费", ofWhich: false }
 *     detectExportLayout(["DRG编码", "床位费", "检查费", "化验费"]).layout  // "settlement"
 */
import { ColumnName, headerKey } from "./columns";

export type ExportLayout = "frontPage" | "settlement";

/** Canonical columns that may be the sum of several source columns. */
export type SummedColumn =
  "drugCost" | "materialCost" | "selfPay" | "catMedical" | "catNursing" | "catTech" | "catDrug" | "catAdmin";

export const SUMMED_COLUMNS: readonly SummedColumn[] = [
  "drugCost",
  "materialCost",
  "selfPay",
  "catMedical",
  "catNursing",
  "catTech",
  "catDrug",
  "catAdmin",
];

export const CATEGORY_COLUMNS = ["catMedical", "catNursing", "catTech", "catDrug", "catAdmin"] as const;
export type CategoryColumn = (typeof CATEGORY_COLUMNS)[number];

interface FeeItem {
  /** Layout -> the columns it feeds there, or the parent item it is part of ("of which"). */
  in: Partial<Record<ExportLayout, readonly SummedColumn[] | { parent: string }>>;
}

const BOTH = (feeds: readonly SummedColumn[]) => ({ frontPage: feeds, settlement: feeds });
const FRONT = (feeds: readonly SummedColumn[]) => ({ frontPage: feeds });
const SETTLEMENT = (feeds: readonly SummedColumn[]) => ({ settlement: feeds });

/** Fee items by name (DOMAIN's lists); the decision of which columns each feeds is DOMAIN's. */
export const FEE_ITEMS: Readonly<Record<string, FeeItem>> = {
  // 病案首页: 综合医疗服务类
  一般医疗服务费: { in: FRONT(["catAdmin"]) },
  一般治疗操作费: { in: FRONT(["catMedical"]) },
  护理费: { in: BOTH(["catNursing"]) },
  其他费用: { in: FRONT(["catAdmin"]) },
  // 诊断类
  病理诊断费: { in: FRONT(["catTech"]) },
  实验室诊断费: { in: FRONT(["catTech"]) },
  影像学诊断费: { in: FRONT(["catTech"]) },
  临床诊断项目费: { in: FRONT(["catTech"]) },
  // 治疗类
  非手术治疗项目费: { in: FRONT(["catMedical"]) },
  临床物理治疗费: { in: { frontPage: { parent: "非手术治疗项目费" } } },
  手术治疗费: { in: FRONT(["catMedical"]) },
  麻醉费: { in: { frontPage: { parent: "手术治疗费" } } },
  手术费: { in: { frontPage: { parent: "手术治疗费" }, settlement: ["catMedical"] } },
  // 康复类, 中医类
  康复费: { in: FRONT(["catMedical"]) },
  中医治疗费: { in: FRONT(["catMedical"]) },
  // 西药类, 中药类
  西药费: { in: BOTH(["drugCost", "catDrug"]) },
  抗菌药物费用: { in: { frontPage: { parent: "西药费" } } },
  中成药费: { in: BOTH(["drugCost", "catDrug"]) },
  中草药费: { in: FRONT(["drugCost", "catDrug"]) },
  // 血液和血液制品类: not a drug cost (a class of its own) but in the drug category
  血费: { in: FRONT(["catDrug"]) },
  白蛋白类制品费: { in: FRONT(["catDrug"]) },
  球蛋白类制品费: { in: FRONT(["catDrug"]) },
  凝血因子类制品费: { in: FRONT(["catDrug"]) },
  细胞因子类制品费: { in: FRONT(["catDrug"]) },
  // 耗材类
  检查用一次性医用材料费: { in: FRONT(["materialCost", "catTech"]) },
  治疗用一次性医用材料费: { in: FRONT(["materialCost", "catMedical"]) },
  手术用一次性医用材料费: { in: FRONT(["materialCost", "catMedical"]) },
  // 其他类 (both layouts)
  其他费: { in: BOTH(["catAdmin"]) },
  // 医保结算清单
  床位费: { in: SETTLEMENT(["catAdmin"]) },
  诊察费: { in: SETTLEMENT(["catAdmin"]) },
  检查费: { in: SETTLEMENT(["catTech"]) },
  化验费: { in: SETTLEMENT(["catTech"]) },
  治疗费: { in: SETTLEMENT(["catMedical"]) },
  卫生材料费: { in: SETTLEMENT(["materialCost", "catMedical"]) },
  中药饮片费: { in: SETTLEMENT(["drugCost", "catDrug"]) },
  一般诊疗费: { in: SETTLEMENT(["catAdmin"]) },
  挂号费: { in: SETTLEMENT(["catAdmin"]) },
};

/** Other spellings exports use for an item. */
const ITEM_ALIASES: Readonly<Record<string, string>> = {
  抗菌药物费: "抗菌药物费用",
  中草药费用: "中草药费",
};

/** Patient-payment columns by their role in DOMAIN's rule. */
type PaymentRole = "total" | "coPay" | "outOfCatalogue" | "account" | "cash";

const PAYMENT_WORDS: Readonly<Record<string, PaymentRole>> = {
  自付金额: "total",
  个人支付: "total",
  个人负担: "total",
  个人负担总额: "total",
  SELFPAY: "total",
  个人自付: "coPay",
  个人自付金额: "coPay",
  自付: "coPay",
  患者自付: "coPay",
  个人自费: "outOfCatalogue",
  个人自费金额: "outOfCatalogue",
  自费: "outOfCatalogue",
  患者自费: "outOfCatalogue",
  个人账户支付: "account",
  个人账户: "account",
  个人现金支付: "cash",
  现金支付: "cash",
};

/** How many of a layout's own items make a header row that layout. */
export const LAYOUT_MIN_ITEMS = 3;

const TRAILING_BRACKET = /\([^()]*\)$/;
const LEADING_NUMBER = /^(\(\d+\)|\d+[.、)]|\[\d+\])/;
const SEPARATORS = /[-_—:、/|·]/;

/** The header of a fee item without its decorations (module comment), and whether it says "of which". */
function bareName(header: unknown): { name: string; saysOfWhich: boolean } {
  let key = headerKey(header).replace(/：/g, ":");
  key = key.replace(TRAILING_BRACKET, "").replace(LEADING_NUMBER, "");
  const parts = key.split(SEPARATORS).filter((p) => p !== "");
  let name = parts.length > 0 ? parts[parts.length - 1] : "";
  let saysOfWhich = parts.slice(0, -1).some((p) => p.includes("其中"));
  if (name.startsWith("其中")) {
    name = name.slice(2);
    saysOfWhich = true;
  }
  name = name.replace(LEADING_NUMBER, "");
  return { name: ITEM_ALIASES[name] ?? name, saysOfWhich };
}

/** A header without its decorations (unit, number, class or parent prefix, 其中), as a `headerKey`. */
export function bareHeader(header: unknown): string {
  return bareName(header).name;
}

/** The fee item a header names, or undefined. */
export function feeItemOf(header: unknown): { item: string; ofWhich: boolean } | undefined {
  const { name, saysOfWhich } = bareName(header);
  if (!Object.prototype.hasOwnProperty.call(FEE_ITEMS, name)) return undefined;
  return { item: name, ofWhich: saysOfWhich };
}

/** The patient-payment role of a header, or undefined. */
function paymentRoleOf(header: unknown): PaymentRole | undefined {
  const { name } = bareName(header);
  return Object.prototype.hasOwnProperty.call(PAYMENT_WORDS, name) ? PAYMENT_WORDS[name] : undefined;
}

/** Items that belong to one layout only (they tell the layouts apart). */
function ownItems(layout: ExportLayout): Set<string> {
  const other: ExportLayout = layout === "frontPage" ? "settlement" : "frontPage";
  const out = new Set<string>();
  for (const [name, item] of Object.entries(FEE_ITEMS)) if (item.in[layout] && !item.in[other]) out.add(name);
  return out;
}
const OWN: Record<ExportLayout, Set<string>> = { frontPage: ownItems("frontPage"), settlement: ownItems("settlement") };

/** A header recognised as a fee item, and what became of it. */
export interface RecognisedItem {
  index: number;
  item: string;
  /** The parent it is part of when it is an "of which" item (it feeds nothing then). */
  parent?: string;
  /** The canonical columns it feeds. */
  feeds: SummedColumn[];
}

export interface ExportLayoutDetection {
  layout?: ExportLayout;
  /** Summed column -> the source columns (0-based) added up into it, in header order. */
  sources: Partial<Record<SummedColumn, number[]>>;
  /** Every header recognised as a fee item, in header order. */
  items: RecognisedItem[];
}

/** The layout of a header row: the one with the most own items, if at least LAYOUT_MIN_ITEMS. */
function layoutOf(names: readonly (string | undefined)[]): ExportLayout | undefined {
  const count = (layout: ExportLayout) => names.filter((n) => n !== undefined && OWN[layout].has(n)).length;
  const front = count("frontPage");
  const settlement = count("settlement");
  if (front >= LAYOUT_MIN_ITEMS && front >= settlement) return "frontPage";
  if (settlement >= LAYOUT_MIN_ITEMS) return "settlement";
  return undefined;
}

/** What an item does in a layout (or, with none, where it means the same in every layout). */
function roleIn(item: string, layout: ExportLayout | undefined): readonly SummedColumn[] | { parent: string } {
  const where = FEE_ITEMS[item].in;
  if (layout) return where[layout] ?? where.frontPage ?? where.settlement ?? [];
  const roles = Object.values(where);
  // Without a layout only drugs and materials are taken, and only where every layout agrees.
  const first = roles[0];
  if (!Array.isArray(first)) return roles.length === 1 ? first : [];
  const agreed = first.filter((c) => c === "drugCost" || c === "materialCost");
  return roles.every((r) => Array.isArray(r)) ? agreed : [];
}

function isFeeds(role: readonly SummedColumn[] | { parent: string }): role is readonly SummedColumn[] {
  return Array.isArray(role);
}

/** The patient-payment columns DOMAIN's rule adds up (module comment), in header order. */
function patientPayment(headers: readonly unknown[]): number[] {
  const byRole = new Map<PaymentRole, number>();
  headers.forEach((h, i) => {
    const role = paymentRoleOf(h);
    if (role !== undefined && !byRole.has(role)) byRole.set(role, i);
  });
  const pick = (...roles: PaymentRole[]) => roles.map((r) => byRole.get(r)).filter((i): i is number => i !== undefined);
  for (const group of [pick("total"), pick("coPay", "outOfCatalogue"), pick("account", "cash")])
    if (group.length > 0) return group.sort((a, b) => a - b);
  return [];
}

/**
 * The fee items and patient payments of a header row and the columns they feed (module
 * comment). A summed column another header names directly (药品费, 医疗) is the caller's to keep.
 */
export function detectExportLayout(headers: readonly unknown[]): ExportLayoutDetection {
  const found = headers.map((h) => feeItemOf(h));
  const layout = layoutOf(found.map((f) => f?.item));
  const sources: Partial<Record<SummedColumn, number[]>> = {};
  const items: RecognisedItem[] = [];
  const taken = new Set<string>();
  found.forEach((f, index) => {
    if (!f) return;
    const role = roleIn(f.item, layout);
    if (f.ofWhich || !isFeeds(role)) {
      const parent = isFeeds(role) ? "" : role.parent;
      items.push({ index, item: f.item, parent, feeds: [] });
      return;
    }
    // The same item twice (a second 西药费 column) is taken once, like any other column.
    const feeds = taken.has(f.item) ? [] : [...role];
    taken.add(f.item);
    for (const column of feeds) (sources[column] ??= []).push(index);
    items.push({ index, item: f.item, feeds });
  });
  const payment = patientPayment(headers);
  if (payment.length > 0) sources.selfPay = payment;
  return { layout, sources, items };
}

/** Whether a canonical column can be the sum of several source columns. */
export function isSummed(column: ColumnName): column is SummedColumn {
  return (SUMMED_COLUMNS as readonly string[]).includes(column);
}

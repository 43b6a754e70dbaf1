/**
 * The canonical input columns and the header words that map to them (DOMAIN.md "Inputs").
 * Headers are matched ignoring spaces, case and full-width forms.
 *
 *     matchHeader("出院科室")        // "department"
 *     matchHeader("Total Discharges") // "cases"
 */
import { basicCellValue, isDataTypeCell } from "./cellValue";
import { Text } from "./text";

export type ColumnName =
  | "drg"
  | "drgName"
  | "drgB"
  | "department"
  | "doctor"
  | "hospital"
  | "year"
  | "dischargeDate"
  | "period"
  | "cases"
  | "totalCost"
  | "los"
  | "died"
  | "insurancePaid"
  | "selfPay"
  | "drugCost"
  | "materialCost"
  | "allocatedDirect"
  | "allocatedAux"
  | "allocatedAdmin"
  | "catMedical"
  | "catNursing"
  | "catTech"
  | "catDrug"
  | "catAdmin"
  | "weight";

/** Header words per column, most specific first. Words are compared after `headerKey`. */
export const HEADER_WORDS: Record<ColumnName, readonly string[]> = {
  drg: [
    "DRG编码",
    "DRG组",
    "DRG分组",
    "DRG组编码",
    "DRG代码",
    "病组编码",
    "病组代码",
    "DIP编码",
    "DIP病种",
    "DRG Definition",
    "MS-DRG",
    "DRG",
    "group",
  ],
  drgName: ["DRG名称", "病组名称", "DRG组名称", "DIP名称", "drgName", "group name"],
  // A second grouping of the same cases (医保 DRG beside 医疗 DRG): `casemix compare`'s version B.
  // Listed after drg and drgName, so a contained word of theirs of the same length wins (医保DRG名称).
  drgB: [
    "医保DRG编码",
    "医保DRG",
    "医保DRG组",
    "医保DRG组编码",
    "医保分组编码",
    "医保DRG分组",
    "Insurance DRG",
    "drgB",
  ],
  department: ["科室", "出院科室", "科室名称", "Department"],
  doctor: ["主诊医师", "主治医师", "医生", "医师", "Doctor"],
  hospital: ["医院", "机构", "医疗机构", "医院名称", "机构名称", "Provider Name", "Hospital"],
  year: ["年度", "年份", "出院年份", "Year"],
  dischargeDate: ["出院日期", "出院时间", "Discharge Date"],
  period: ["统计期", "统计期间", "期间", "月份", "统计月份", "结算月份", "Period", "Month"],
  cases: ["病例数", "例数", "出院人数", "Total Discharges", "cases"],
  totalCost: [
    "住院总费用",
    "总费用",
    "医疗费总额",
    "医疗总费用",
    "费用",
    "Total Cost",
    "Average Total Payments",
    "cost",
  ],
  los: ["住院天数", "实际住院天数", "LOS", "Length of Stay"],
  died: ["死亡", "是否死亡", "离院方式", "出院方式", "LYFS", "Died", "Death"],
  insurancePaid: ["医保结算", "医保支付", "统筹支付", "基金支付", "医保基金结算", "医保统筹基金支付", "Insurance Paid"],
  selfPay: [
    "自付",
    "自费",
    "个人支付",
    "个人自付",
    "患者自付",
    "自付金额",
    "个人自费",
    "个人账户支付",
    "个人现金支付",
    "Self Pay",
  ],
  drugCost: ["药品费", "西药费", "中成药费", "中草药费", "Drug Cost"],
  materialCost: ["耗材费", "卫生材料费", "医用耗材", "Material Cost"],
  allocatedDirect: ["分摊直接费用", "分摊直接成本", "Allocated Direct"],
  allocatedAux: ["分摊医辅费用", "分摊医辅成本", "Allocated Auxiliary"],
  allocatedAdmin: ["分摊管理费用", "分摊管理成本", "Allocated Admin"],
  catMedical: ["医疗", "医疗类", "医疗费用", "Medical"],
  catNursing: ["护理", "护理类", "护理费用", "Nursing"],
  catTech: ["医技", "医技类", "医技费用", "Technical"],
  catDrug: ["药品", "药品类", "Drugs"],
  catAdmin: ["管理", "管理类", "Administration"],
  weight: ["权重", "RW", "相对权重", "weight"],
};

/** Each column's name for a user, in both languages (shown instead of the internal key). */
export const COLUMN_TITLES: Record<ColumnName, Text> = {
  drg: { en: "DRG group", zh: "DRG 组" },
  drgName: { en: "Group name", zh: "病组名称" },
  drgB: { en: "DRG group B (second grouping)", zh: "DRG 组 B（第二分组）" },
  department: { en: "Department", zh: "科室" },
  doctor: { en: "Doctor", zh: "医师" },
  hospital: { en: "Hospital", zh: "医院" },
  year: { en: "Year", zh: "年度" },
  dischargeDate: { en: "Discharge date", zh: "出院日期" },
  period: { en: "Period", zh: "统计期" },
  cases: { en: "Cases (aggregate rows)", zh: "病例数（汇总行）" },
  totalCost: { en: "Total cost", zh: "住院总费用" },
  los: { en: "Length of stay", zh: "住院天数" },
  died: { en: "Died", zh: "死亡" },
  insurancePaid: { en: "Insurance paid", zh: "医保结算" },
  selfPay: { en: "Self-pay", zh: "自付" },
  drugCost: { en: "Drug cost", zh: "药品费" },
  materialCost: { en: "Material cost", zh: "耗材费" },
  allocatedDirect: { en: "Allocated direct cost", zh: "分摊直接费用" },
  allocatedAux: { en: "Allocated auxiliary cost", zh: "分摊医辅费用" },
  allocatedAdmin: { en: "Allocated admin cost", zh: "分摊管理费用" },
  catMedical: { en: "Medical", zh: "医疗" },
  catNursing: { en: "Nursing", zh: "护理" },
  catTech: { en: "Technical", zh: "医技" },
  catDrug: { en: "Drugs", zh: "药品" },
  catAdmin: { en: "Administration", zh: "管理" },
  weight: { en: "Weight", zh: "权重" },
};

/** The comparison key of a header: no spaces, upper case, full-width folded. */
export function headerKey(header: unknown): string {
  if (typeof header !== "string") return isDataTypeCell(header) ? headerKey(basicCellValue(header)) : "";
  let out = "";
  for (const ch of header) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (!/\s/.test(ch) && c !== 0x3000) out += ch;
  }
  return out.toUpperCase();
}

const LOOKUP = new Map<string, ColumnName>();
for (const [column, words] of Object.entries(HEADER_WORDS) as [ColumnName, readonly string[]][]) {
  for (const word of words) {
    const key = headerKey(word);
    if (!LOOKUP.has(key)) LOOKUP.set(key, column);
  }
}

/** The canonical column a header names, or undefined. */
export function matchHeader(header: unknown): ColumnName | undefined {
  return LOOKUP.get(headerKey(header));
}

/**
 * Maps a header row to columns: each canonical column gets the index of the first header
 * that names it. Drug cost may be split over several headers (西药费 + 中成药费 + 中草药费);
 * `drugCostParts` lists all of them so callers can add them up.
 */
export function detectColumns(headers: readonly unknown[]): {
  columns: Partial<Record<ColumnName, number>>;
  drugCostParts: number[];
} {
  const columns: Partial<Record<ColumnName, number>> = {};
  const drugCostParts: number[] = [];
  headers.forEach((header, i) => {
    const column = matchHeader(header);
    if (column === undefined) return;
    if (column === "drugCost") drugCostParts.push(i);
    if (columns[column] === undefined) columns[column] = i;
  });
  return { columns, drugCostParts };
}

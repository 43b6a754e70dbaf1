/**
 * The four-quadrant and incentive report computed from a case table (DOMAIN.md "Four-quadrant
 * analysis and incentives"). Steps, so that an auditor can redo them:
 * 1. Weights: computed from every row of the data (relativeWeights on 住院总费用, trimmed, years
 *    blended 1:2:7) or taken from a weight table.
 * 2. Rows analysed: each row is counted once under the first reason that leaves it out:
 *    blank row, empty group, blank or zero case count, other year (or no year) when one year is
 *    analysed, group without a weight. The others are the cases of the report.
 * 3. Per group: cases, revenue (insurance + self-pay, or with revenue "payment" the expected DRG
 *    payment of each case, paymentRevenue.ts), cost at the layer, contribution, rate,
 *    RW; the quadrant and coefficient (quadrants.ts) with x cut at the hospital CMI of the
 *    analysed cases (caseMix), 1, the median RW or a number, and y cut at 0, the median rate or
 *    a number; points = cases x RW x coefficient.
 * 4. Per unit (department, doctor or both): cases, total weight, CMI, points, amount
 *    (incentives.ts), by amount with a rank; a doctor's department is the one with most of
 *    the doctor's cases (unitRanking.ts). Rows with an empty unit are left out of the unit
 *    table only.
 */
import { CaseTable, missingColumnsError } from "../../engine/caseTable";
import { caseMix } from "../../engine/caseMix";
import { compareCodes } from "../../engine/codes";
import { unitIncentives } from "../../engine/incentives";
import { CostParts, layerParts, marginContribution, MarginResult } from "../../engine/margins";
import { yearOrder } from "../../engine/relativeWeights";
import { classifyQuadrants, Quadrant, QuadrantResult, QUADRANTS } from "../../engine/quadrants";
import { CaseMixError } from "../../engine/text";
import { WeightTable, weightsForCodes } from "../../engine/weightTable";
import { checkRequiredColumns } from "../caseColumns";
import { sourceColumns } from "../columnSources";
import { ReportContext, skipCounter, timedContext } from "../common";
import { SkipReason } from "../i18n";
import { reportWeights } from "../reportWeights";
import { paymentPerCase } from "./paymentRevenue";
import { PaymentRevenue, QuadrantSettings, requiredColumns, unitDimensions } from "./settings";
import { GroupRow, QuadrantReport, SeveralDepartments, UnitRow, UnitTable } from "./types";
import { departmentsOfDoctors, rankByAmount } from "./unitRanking";

type Bump = (reason: SkipReason, rows?: number) => void;

/**
 * Computes the report from a case table; see the module comment. Throws (with the column
 * names) when a column the settings need is missing, and on the engine's errors.
 */
export function computeQuadrantReport(
  table: CaseTable,
  settings: QuadrantSettings,
  context: ReportContext,
): QuadrantReport {
  checkRequiredColumns(table, requiredColumns(settings));
  const skipped: Partial<Record<SkipReason, number>> = {};
  const bump = skipCounter(skipped);
  bump("blankRow", table.skipped.blankRows);
  bump("emptyGroup", table.skipped.emptyGroup);

  // 1. Weights.
  const { weights, info, missingCost } = reportWeights(table, settings.weights, settings.minCases);
  bump("noCost", missingCost);

  // 2. The rows analysed.
  const weightById = weightsForCodes(table.groups.codes, weights);
  const rows = analysedRows(table, weightById, yearIdOf(table, settings.year), bump);
  info.missingCodes = rows.missingCodes;
  const years = analysedYears(table, rows.cases);

  // 3. Groups, and 4. units.
  const mix = caseMix({ groups: table.groups, counts: rows.cases }, weights, { missing: "exclude" });
  const revenue =
    settings.revenue === "payment"
      ? [paymentPerCase(table, rows.cases, weights, paymentOf(settings))]
      : [settlementColumn(table, "insurancePaid"), settlementColumn(table, "selfPay")];
  const { groups, margin, quadrants } = groupRows(table, settings, rows.cases, weightById, mix.overall.cmi, revenue);
  const units = unitTables(table, settings, rows.cases, weights, groups, bump);

  let totalPoints = 0;
  for (const g of groups) totalPoints += g.points;
  const o = margin.overall;
  return {
    settings,
    years,
    context: timedContext(context),
    columns: sourceColumns(table),
    flagged: table.flagged,
    headerRow: table.headerRowNumber,
    rowsRead: table.rowCount,
    rowsUsed: rows.used,
    skipped,
    weights: info,
    hospital: {
      cases: mix.overall.cases,
      totalWeight: mix.overall.totalWeight,
      cmi: mix.overall.cmi,
      groups: mix.overall.groupCount,
      revenue: o.revenue,
      cost: o.cost,
      contribution: o.contribution,
      rate: o.rate,
      points: totalPoints,
    },
    cuts: { x: quadrants.xCut, y: quadrants.yCut },
    quadrantCounts: quadrants.counts,
    groups,
    units,
  };
}

function settlementColumn(table: CaseTable, column: "insurancePaid" | "selfPay"): Float64Array {
  return table.numbers[column] as Float64Array;
}

/** The payment arguments of revenue "payment"; an error when they are missing. */
function paymentOf(settings: QuadrantSettings): PaymentRevenue {
  if (!settings.payment || !(settings.payment.rate > 0)) {
    throw new CaseMixError("value", {
      en: "revenue payment: give the rate (money per weight point) above 0",
      zh: "收入口径为预期DRG支付：请给出大于 0 的费率（每权重点金额）",
    });
  }
  return settings.payment;
}

/** The id of the analysed year, -1 for every year; throws when the data has no such year. */
function yearIdOf(table: CaseTable, year: string | undefined): number {
  if (year === undefined) return -1;
  if (!table.years) {
    throw new CaseMixError("value", {
      en: `year ${year}: the data has no year or discharge date column`,
      zh: `年份 ${year}：数据中没有年份或出院日期列`,
    });
  }
  const id = table.years.codes.indexOf(year);
  if (id < 0) {
    throw new CaseMixError("value", {
      en: `year ${year}: no case of that year; the data has ${table.years.codes.join(", ")}`,
      zh: `年份 ${year}：没有该年份的病例；数据中的年份为 ${table.years.codes.join("、")}`,
    });
  }
  return id;
}

/** The years of the rows analysed, oldest first (numerically when they read as numbers). */
function analysedYears(table: CaseTable, cases: Float64Array): string[] {
  const years = table.years;
  if (!years) return [];
  const seen = new Uint8Array(years.codes.length);
  for (let i = 0; i < cases.length; i++) if (cases[i] > 0 && years.ids[i] >= 0) seen[years.ids[i]] = 1;
  return Array.from(yearOrder(years.codes))
    .filter((y) => seen[y] === 1)
    .map((y) => years.codes[y]);
}

/** The effective case count of each row (0 when left out, the reason counted), and the groups without a weight. */
function analysedRows(
  table: CaseTable,
  weightById: Float64Array,
  yearId: number,
  bump: Bump,
): { cases: Float64Array; used: number; missingCodes: string[] } {
  const n = table.rowCount;
  const ids = table.groups.ids;
  const counts = table.numbers.cases;
  const yearIds = table.years?.ids;
  const cases = new Float64Array(n);
  const missing = new Set<number>();
  let used = 0;
  for (let i = 0; i < n; i++) {
    const g = ids[i];
    if (g < 0) continue; // blank row or empty group, counted by the table
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      bump("noCases");
      continue;
    }
    if (yearId >= 0) {
      const y = (yearIds as Int32Array)[i];
      if (y < 0 || y !== yearId) {
        bump(y < 0 ? "noYear" : "otherYear");
        continue;
      }
    }
    const w = weightById[g];
    if (!(w === w)) {
      bump("noWeight");
      missing.add(g);
      continue;
    }
    cases[i] = c;
    used++;
  }
  const missingCodes = [...missing].map((g) => table.groups.codes[g]).sort(compareCodes);
  return { cases, used, missingCodes };
}

/** Margins, RW, quadrant, coefficient and points per group, sorted by quadrant then code. */
function groupRows(
  table: CaseTable,
  settings: QuadrantSettings,
  cases: Float64Array,
  weightById: Float64Array,
  cmi: number,
  revenue: Float64Array[],
): { groups: GroupRow[]; margin: MarginResult; quadrants: QuadrantResult } {
  const num = table.numbers;
  const parts: CostParts = {
    drug: num.drugCost as Float64Array,
    material: num.materialCost as Float64Array,
    allocatedDirect: num.allocatedDirect,
    allocatedAux: num.allocatedAux,
    allocatedAdmin: num.allocatedAdmin,
  };
  // Revenue and the layer's cost added across inside the one pass (no per-row columns made).
  const margin = marginContribution({
    revenue,
    cost: layerParts(settings.layer).map((name) => parts[name] as Float64Array),
    counts: cases,
    by: table.groups,
  });
  const marginRows = (margin.rows ?? []).slice().sort((a, b) => compareCodes(a.key, b.key));
  const idOf = new Map<string, number>();
  table.groups.codes.forEach((code, g) => idOf.set(code, g));
  const rw = Float64Array.from(marginRows, (r) => weightById[idOf.get(r.key) as number]);
  const quadrants = classifyQuadrants(
    { rw, rate: Float64Array.from(marginRows, (r) => r.rate), cases: Float64Array.from(marginRows, (r) => r.cases) },
    {
      xCut: settings.xCut,
      yCut: settings.yCut,
      cmi,
      hospitalRate: margin.overall.rate,
      minCases: settings.minCases,
      coefficients: settings.coefficients,
    },
  );
  const groups: GroupRow[] = marginRows.map((r, j) => ({
    group: r.key,
    name: table.groupNames[idOf.get(r.key) as number] ?? "",
    cases: r.cases,
    rw: rw[j],
    revenue: r.revenue,
    cost: r.cost,
    contribution: r.contribution,
    rate: r.rate,
    quadrant: quadrants.quadrant[j],
    coefficient: quadrants.coefficient[j],
    points: r.cases * rw[j] * quadrants.coefficient[j],
  }));
  const rank = (q: Quadrant) => QUADRANTS.indexOf(q);
  groups.sort((a, b) => rank(a.quadrant) - rank(b.quadrant) || compareCodes(a.group, b.group));
  return { groups, margin, quadrants };
}

/**
 * Cases, total weight, CMI, points and amount per unit, for each dimension of the settings, by
 * amount with a rank (unitRanking.ts); doctors with their department when the data has one.
 */
function unitTables(
  table: CaseTable,
  settings: QuadrantSettings,
  cases: Float64Array,
  weights: WeightTable,
  groups: GroupRow[],
  bump: Bump,
): UnitTable[] {
  const coefficientOf = new Map<string, number>();
  for (const g of groups) coefficientOf.set(g.group, g.coefficient);
  return unitDimensions(settings.unit).map((dimension) => {
    const by = table[dimension];
    if (!by) throw missingColumnsError([dimension], table.headers);
    const r = unitIncentives({ groups: table.groups, counts: cases, by }, weights, coefficientOf, settings.money);
    bump("emptyUnit", r.skipped.emptyKey);
    const row = (x: (typeof r.rows)[number]): UnitRow => ({
      rank: 0,
      unit: x.key,
      cases: x.cases,
      totalWeight: x.totalWeight,
      cmi: x.cmi,
      points: x.points,
      amount: x.amount,
    });
    const out: UnitTable = {
      dimension,
      rows: rankByAmount(r.rows.map(row)),
      total: row(r.total),
      emptyUnitRows: r.skipped.emptyKey,
    };
    if (dimension === "doctor" && table.department)
      addDepartments(out, departmentsOfDoctors(by, table.department, cases));
    return out;
  });
}

/** Each doctor's main department, and the list of doctors working in several. */
function addDepartments(t: UnitTable, departments: Map<string, SeveralDepartments["departments"]>): void {
  const several: SeveralDepartments[] = [];
  for (const r of t.rows) {
    const list = departments.get(r.unit) ?? [];
    r.department = list[0]?.department ?? "";
    if (list.length > 1) several.push({ doctor: r.unit, departments: list });
  }
  t.severalDepartments = several;
}

/**
 * The DRG payment profit-and-loss report computed from a case table (DOMAIN.md "DRG payment:
 * profit and loss per group"). Steps, so that an auditor can redo them:
 * 1. Each row is one case. Its points and payment come from the point-payment rules
 *    (engine/pointPayment.ts) on its total cost (住院总费用): normal, high-cost or low-cost
 *    against the group mean, the hospital's own (the mean of the group's cases here) or a
 *    regional table's. Rows with an empty group, or (missing = "exclude") whose group has no
 *    weight or no regional mean, are left out and counted.
 * 2. Per group (engine/paymentGroups.ts): cases, normal / high / low, points, expected revenue
 *    (预收入), cost at the layer (total charges or a costing layer), balance (结余), rate and
 *    balance per case; largest loss first; the total row adds every paid case.
 * 3. The same per department and per doctor (paid cases with an empty unit left out of that
 *    table only); the expected revenue against the settlement columns when the data has them;
 *    the high- and low-cost cases with how each was scored.
 */
import { CaseTable, groupNamesByCode, missingColumnsError } from "../../engine/caseTable";
import { addAcross } from "../../engine/margins";
import { GroupBalance, paymentByGroup } from "../../engine/paymentGroups";
import {
  drgPayment,
  HIGH_COST_CASE,
  highThreshold,
  LOW_COST_CASE,
  NO_MEAN_CASE,
  NO_WEIGHT_CASE,
  PaymentResult,
} from "../../engine/pointPayment";
import { CaseMixError } from "../../engine/text";
import { weightsForCodes } from "../../engine/weightTable";
import { checkRequiredColumns } from "../caseColumns";
import { sourceColumns } from "../columnSources";
import { ReportContext, skipCounter, timedContext } from "../common";
import { layerColumns, paymentRequiredColumns, PaymentSettings, PaymentUnit } from "./settings";
import { OutlierCase, PaymentReport, PaymentSkip, PaymentUnitTable, SettlementCheck } from "./types";

/**
 * Computes the report from a case table; see the module comment. Throws (naming the column and
 * row) on a missing column, a blank total cost of a case to score, a row counting other than one
 * case, and on the engine's errors.
 */
export function computePaymentReport(
  table: CaseTable,
  settings: PaymentSettings,
  context: ReportContext,
): PaymentReport {
  checkRequiredColumns(table, paymentRequiredColumns(settings));
  checkOneCasePerRow(table);
  const skipped: Partial<Record<PaymentSkip, number>> = {};
  const bump = skipCounter(skipped);
  bump("blankRow", table.skipped.blankRows);
  bump("emptyGroup", table.skipped.emptyGroup);

  const totalCost = table.numbers.totalCost as Float64Array;
  const paid = drgPayment({ groups: table.groups, costs: totalCost }, settings.weights.table, {
    rate: settings.rate,
    pointValue: settings.pointValue,
    coefficient: settings.coefficient,
    rules: settings.rules,
    groupMeans: settings.groupMeans?.table,
    missing: settings.missing,
    tableName: settings.weights.name,
    costsName: headerOf(table, "totalCost"),
    firstRow: table.firstDataRow,
  });
  for (let i = 0; i < paid.kind.length; i++) {
    if (paid.kind[i] === NO_WEIGHT_CASE) bump("noWeight");
    else if (paid.kind[i] === NO_MEAN_CASE) bump("noMean");
  }

  const cost = layerCost(table, settings);
  const byGroup = paymentByGroup(paid, table.groups, cost);
  const nameOf = groupNamesByCode(table);
  const groups = byGroup.groups.map((row) => ({ ...row, name: nameOf.get(row.group) ?? "" }));
  const units = unitTables(table, settings, paid, cost, bump);

  return {
    settings,
    moneyPerWeight: settings.rate * settings.pointValue * settings.coefficient,
    context: timedContext(context),
    columns: sourceColumns(table),
    flagged: table.flagged,
    headerRow: table.headerRowNumber,
    rowsRead: table.rowCount,
    rowsUsed: paid.cases,
    skipped,
    weights: { source: "table", tableName: settings.weights.name, missingCodes: paid.missingCodes },
    groups,
    total: byGroup.total,
    units,
    settlement: settlementCheck(table, paid),
    outliers: outlierCases(
      table,
      settings,
      paid,
      groups.map((g) => g.group),
    ),
    missingMeanCodes: paid.missingMeanCodes,
  };
}

function headerOf(table: CaseTable, column: "totalCost" | "cases"): string {
  const at = table.mapping[column];
  return at !== undefined ? table.headers[at] || column : column;
}

/** Payment scores one case a row: a row of an aggregate export (a case count other than 1) is an error. */
function checkOneCasePerRow(table: CaseTable): void {
  const counts = table.numbers.cases;
  if (!counts) return;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (table.groups.ids[i] < 0 || c !== c || c === 1) continue;
    throw new CaseMixError("value", {
      en: `${headerOf(table, "cases")} row ${i + table.firstDataRow} is ${c}: the payment report scores one case a row; give one row per case`,
      zh: `${headerOf(table, "cases")} 第 ${i + table.firstDataRow} 行为 ${c}：支付盈亏报告按每行一例计分；请每个病例一行`,
    });
  }
}

/** The cost of each case at the settings' layer (its columns added across, a blank counting as 0). */
function layerCost(table: CaseTable, settings: PaymentSettings): Float64Array {
  if (settings.layer === "charges") return table.numbers.totalCost as Float64Array;
  return addAcross(layerColumns(settings.layer).map((c) => table.numbers[c as "drugCost"] as Float64Array));
}

/** The department and doctor tables (or the one unit asked for), by balance, largest loss first. */
function unitTables(
  table: CaseTable,
  settings: PaymentSettings,
  paid: PaymentResult,
  cost: Float64Array,
  bump: (reason: PaymentSkip, rows?: number) => void,
): PaymentUnitTable[] {
  const dimensions: PaymentUnit[] = settings.unit
    ? [settings.unit]
    : (["department", "doctor"] as const).filter((d) => table[d] !== undefined);
  return dimensions.map((dimension) => {
    const by = table[dimension];
    if (!by) throw missingColumnsError([dimension], table.headers);
    let emptyUnitRows = 0;
    for (let i = 0; i < by.ids.length; i++) if (by.ids[i] < 0 && paid.payment[i] === paid.payment[i]) emptyUnitRows++;
    bump("emptyUnit", emptyUnitRows);
    const r = paymentByGroup(paid, by, cost);
    return { dimension, rows: r.groups, total: r.total, emptyUnitRows };
  });
}

/** Expected revenue against the settlement columns, over the paid cases; undefined without an insurance column. */
function settlementCheck(table: CaseTable, paid: PaymentResult): SettlementCheck | undefined {
  const insurance = table.numbers.insurancePaid;
  if (!insurance) return undefined;
  const patient = table.numbers.selfPay;
  let ins = 0;
  let own = 0;
  for (let i = 0; i < paid.payment.length; i++) {
    if (paid.payment[i] !== paid.payment[i]) continue;
    if (insurance[i] === insurance[i]) ins += insurance[i];
    if (patient && patient[i] === patient[i]) own += patient[i];
  }
  const actual = ins + own;
  return {
    insurance: ins,
    ...(patient ? { patient: own } : {}),
    actual,
    expected: paid.totalPayment,
    difference: paid.totalPayment - actual,
  };
}

/** The high- and low-cost cases, in the order of the groups table, high before low, then by row. */
function outlierCases(
  table: CaseTable,
  settings: PaymentSettings,
  paid: PaymentResult,
  groupOrder: string[],
): OutlierCase[] {
  const rules = settings.rules;
  const weightById = weightsForCodes(table.groups.codes, settings.weights.table);
  const rank = new Map<string, number>();
  groupOrder.forEach((g, k) => rank.set(g, k));
  const dept = table.department;
  const out: OutlierCase[] = [];
  for (let i = 0; i < paid.kind.length; i++) {
    const k = paid.kind[i];
    if ((k !== HIGH_COST_CASE && k !== LOW_COST_CASE) || paid.payment[i] !== paid.payment[i]) continue;
    const g = table.groups.ids[i];
    const basePoints = weightById[g] * rules.pointsPerWeight;
    const mean = paid.groupMean[g];
    const multiplier = k === HIGH_COST_CASE ? highThreshold(basePoints, rules) : rules.low;
    const cost = (table.numbers.totalCost as Float64Array)[i];
    out.push({
      row: i + table.firstDataRow,
      group: table.groups.codes[g],
      department: dept && dept.ids[i] >= 0 ? dept.codes[dept.ids[i]] : "",
      kind: k === HIGH_COST_CASE ? "high" : "low",
      cost,
      groupMean: mean,
      ratio: cost / mean,
      multiplier,
      threshold: multiplier * mean,
      basePoints,
      points: paid.points[i],
      payment: paid.payment[i],
    });
  }
  const order = (o: OutlierCase) => rank.get(o.group) ?? 0;
  out.sort((a, b) => order(a) - order(b) || (a.kind === b.kind ? 0 : a.kind === "high" ? -1 : 1) || a.row - b.row);
  return out;
}

/** The row of the largest loss (the first group), undefined when no group loses money. */
export function largestLoss<R extends GroupBalance>(rows: readonly R[]): R | undefined {
  return rows.length > 0 && rows[0].balance < 0 ? rows[0] : undefined;
}

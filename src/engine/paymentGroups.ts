/**
 * DRG payment profit and loss per group (医保办), DOMAIN.md "DRG payment: profit and loss per
 * group": from the per-case result of `drgPayment`, per group
 *
 *     revenue  = sum of the cases' payments (预收入)
 *     balance  = revenue - cost (结余);  rate = balance / revenue;  per case = balance / cases
 *
 * with the cases split into normal, high-cost and low-cost. Rows are sorted by balance,
 * largest loss first (ties by group code); the total row adds every paid case. Data only
 * (codes and numbers): the words belong to the report or the function that shows it.
 *
 * Example: FR13 (RW 1.2, rate 5,000), cases costing 25,000 (high, paid 9,000), 3,000 (low,
 * paid 1,800) and 9,000 (normal, paid 6,000): revenue 16,800, cost 37,000, balance -20,200,
 * rate -20,200 / 16,800 = -1.2024, per case -6,733.33.
 */
import { compareCodes, Interned } from "./codes";
import { HIGH_COST_CASE, LOW_COST_CASE, PaymentResult } from "./pointPayment";

export interface GroupBalance {
  /** Group code; "" for the total row. */
  group: string;
  cases: number;
  normal: number;
  high: number;
  low: number;
  points: number;
  /** Expected revenue (预收入): the payments of the cases. */
  revenue: number;
  cost: number;
  /** revenue - cost. */
  balance: number;
  /** balance / revenue; NaN when the revenue is 0. */
  rate: number;
  /** balance / cases. */
  perCase: number;
}

export interface PaymentByGroup {
  /** One row a group with a paid case, largest loss first. */
  groups: GroupBalance[];
  total: GroupBalance;
}

function emptyRow(group: string): GroupBalance {
  return {
    group,
    cases: 0,
    normal: 0,
    high: 0,
    low: 0,
    points: 0,
    revenue: 0,
    cost: 0,
    balance: 0,
    rate: NaN,
    perCase: NaN,
  };
}

function addCase(row: GroupBalance, kind: number, points: number, payment: number, cost: number): void {
  row.cases++;
  if (kind === HIGH_COST_CASE) row.high++;
  else if (kind === LOW_COST_CASE) row.low++;
  else row.normal++;
  row.points += points;
  row.revenue += payment;
  row.cost += cost;
}

function close(row: GroupBalance): GroupBalance {
  row.balance = row.revenue - row.cost;
  row.rate = row.revenue !== 0 ? row.balance / row.revenue : NaN;
  row.perCase = row.cases > 0 ? row.balance / row.cases : NaN;
  return row;
}

/**
 * Per-group profit and loss of a `drgPayment` result over the same cases. Only paid cases
 * count (rows with an empty group, or left out by missing = "exclude", are in neither the
 * groups nor the total; the payment result counts them).
 */
export function paymentByGroup(paid: PaymentResult, groups: Interned, costs: ArrayLike<number>): PaymentByGroup {
  const rows: (GroupBalance | undefined)[] = new Array(groups.codes.length);
  const total = emptyRow("");
  for (let i = 0; i < groups.ids.length; i++) {
    const g = groups.ids[i];
    const pay = paid.payment[i];
    if (g < 0 || pay !== pay) continue;
    const row = (rows[g] ??= emptyRow(groups.codes[g]));
    addCase(row, paid.kind[i], paid.points[i], pay, costs[i]);
    addCase(total, paid.kind[i], paid.points[i], pay, costs[i]);
  }
  const list: GroupBalance[] = [];
  for (const row of rows) if (row) list.push(close(row));
  list.sort((a, b) => a.balance - b.balance || compareCodes(a.group, b.group));
  return { groups: list, total: close(total) };
}

/**
 * Incentives (差异化激励), DOMAIN.md "Four-quadrant analysis and incentives".
 *
 *     points of a case  = RW of its group x coefficient of the group's quadrant
 *     points of a unit  = sum of its cases' points            (unit: department or doctor)
 *     amount, per point = points x money per point, rounded to cents
 *     amount, pool      = pool x points / all units' points, in cents, by largest remainder
 *
 * Pool mode (奖金池): each unit's exact share q_i = pool x p_i / sum p (in cents) is cut down to
 * whole cents, and the cents left over (pool minus the sum of the cut-down shares, always
 * fewer than the number of units) go one each to the units with the largest cut-off
 * fractions (the largest-remainder, or Hamilton, method), so the amounts add up to the pool
 * exactly. Tie rule: among equal fractions the unit with more points first, then the unit
 * listed first (display order).
 *
 *     allocatePool([1, 1, 1], 100)   // [33.34, 33.33, 33.33]: 10,000 cents / 3 = 3,333.33 each,
 *                                    // 1 cent left, all fractions equal, all points equal:
 *                                    // the first unit gets it
 */
import { Interned } from "./codes";
import { caseMix } from "./caseMix";
import { SkippedRows } from "./grouping";
import { CaseMixError } from "./text";
import { WeightTable, weightsForCodes } from "./weightTable";

export type IncentiveMoney = { mode: "perPoint"; moneyPerPoint: number } | { mode: "pool"; pool: number };

/**
 * Points per case of each group: RW x coefficient.
 *
 *     casePoints([2, 0.5], [1.5, 0.8])  // Float64Array [3, 0.4]
 */
export function casePoints(rw: ArrayLike<number>, coefficient: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rw.length);
  for (let i = 0; i < rw.length; i++) out[i] = rw[i] * coefficient[i];
  return out;
}

/**
 * Rounds money to cents, half away from zero, as Excel's ROUND(x, 2) does on the decimal the
 * user sees (1.005 -> 1.01, although 1.005 x 100 is 100.49999… in binary).
 */
export function roundCents(x: number): number {
  const cents = Number((Math.abs(x) * 100).toPrecision(15));
  return (Math.sign(x) * Math.round(cents)) / 100;
}

function checkMoney(value: number, name: string): void {
  if (!(value >= 0 && value < Infinity)) {
    throw new CaseMixError("value", {
      en: `${name}: ${value} must be a number of zero or more`,
      zh: `${name}：${value} 应为大于或等于 0 的数`,
    });
  }
}

/** A pool of money as whole cents; an amount with a fraction of a cent cannot be paid out exactly. */
export function poolInCents(pool: number): number {
  checkMoney(pool, "pool");
  const exact = Number((pool * 100).toPrecision(15));
  const cents = Math.round(exact);
  if (cents !== exact || cents > Number.MAX_SAFE_INTEGER) {
    throw new CaseMixError("value", {
      en: `pool: ${pool} is not a whole number of cents; give the pool with at most two decimals`,
      zh: `pool：${pool} 不是整分金额；奖金池金额最多保留两位小数`,
    });
  }
  return cents;
}

/**
 * Shares `poolCents` (an integer) in proportion to `points` by the largest-remainder method;
 * see the module comment for the tie rule. Returns whole cents per unit, adding up to
 * `poolCents` exactly. Throws "div0" when there are no points to share in proportion to.
 *
 *     allocatePoolCents([2, 1], 100)  // [67, 33]: shares 66.67 and 33.33, the cent left goes to the first
 */
export function allocatePoolCents(points: ArrayLike<number>, poolCents: number): Float64Array {
  const n = points.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (!(p >= 0 && p < Infinity)) {
      throw new CaseMixError("value", {
        en: `points item ${i + 1}: ${p} must be a number of zero or more`,
        zh: `points 第 ${i + 1} 项：${p} 应为大于或等于 0 的数`,
      });
    }
    total += p;
  }
  const out = new Float64Array(n);
  if (poolCents === 0) return out;
  if (!(total > 0)) {
    throw new CaseMixError("div0", {
      en: "pool: no unit has any points, so the pool cannot be shared in proportion to points",
      zh: "pool：所有单元的点数均为 0，无法按点数分配奖金池",
    });
  }
  const fraction = new Float64Array(n);
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const quota = (poolCents * points[i]) / total;
    const whole = Math.floor(quota);
    out[i] = whole;
    fraction[i] = quota - whole;
    assigned += whole;
  }
  let left = poolCents - assigned;
  // Fewer than n cents are left in exact arithmetic; the loop also absorbs rounding noise.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => fraction[b] - fraction[a] || points[b] - points[a] || a - b,
  );
  const eligible = order.filter((i) => points[i] > 0);
  for (let r = 0; left > 0; r++, left--) out[eligible[r % eligible.length]]++;
  for (let r = eligible.length - 1; left < 0; r = (r - 1 + eligible.length) % eligible.length) {
    const i = eligible[r];
    if (out[i] > 0) {
      out[i]--;
      left++;
    }
  }
  return out;
}

/**
 * Shares a pool of money in proportion to points, in whole cents adding up to the pool exactly.
 *
 *     allocatePool([1, 1, 1], 100)  // [33.34, 33.33, 33.33]
 */
export function allocatePool(points: ArrayLike<number>, pool: number): Float64Array {
  const cents = allocatePoolCents(points, poolInCents(pool));
  for (let i = 0; i < cents.length; i++) cents[i] /= 100;
  return cents;
}

/**
 * Amounts of units from their points: x money per point rounded to cents, or a share of the pool.
 *
 *     incentiveAmounts([10, 30], { mode: "perPoint", moneyPerPoint: 50 })  // [500, 1500]
 *     incentiveAmounts([10, 30], { mode: "pool", pool: 1000 })              // [250, 750]
 */
export function incentiveAmounts(points: ArrayLike<number>, money: IncentiveMoney): Float64Array {
  if (money.mode === "pool") return allocatePool(points, money.pool);
  checkMoney(money.moneyPerPoint, "per_point");
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) out[i] = roundCents(points[i] * money.moneyPerPoint);
  return out;
}

export interface UnitIncentiveRow {
  key: string;
  cases: number;
  totalWeight: number;
  /** NaN when the unit has no weighted case. */
  cmi: number;
  points: number;
  amount: number;
}

export interface UnitIncentiveResult {
  /** One row per unit, in display order (numbers numerically, Chinese in pinyin order). */
  rows: UnitIncentiveRow[];
  /** The sums over the rows (cmi = total weight / cases; amount: the pool itself in pool mode). */
  total: UnitIncentiveRow;
  /** Cases left out because their group has no weight. */
  excludedCases: number;
  skipped: SkippedRows;
}

/** keyPoints[unit] += cases x point weight over the rows with a group, a weight, cases > 0 and a unit (closure-free). */
function pointsByKey(
  ids: Int32Array,
  counts: Float64Array | undefined,
  pointById: Float64Array,
  keyIds: Int32Array,
  keyPoints: Float64Array,
): void {
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    if (g < 0) continue;
    const c = counts === undefined ? 1 : counts[i];
    if (!(c > 0)) continue;
    const w = pointById[g];
    if (w !== w) continue;
    const k = keyIds[i];
    if (k >= 0) keyPoints[k] += c * w;
  }
}

/**
 * Incentives by unit: cases, total weight, CMI, points and amount per department or doctor.
 * `weights` gives each group's RW and `coefficientOf` its quadrant's coefficient (groups it
 * does not list count 1.0). Cases whose group has no weight are left out and counted; rows
 * with an empty unit are skipped and counted (`skipped.emptyKey`).
 *
 *     // GB11 (RW 2, strategic 1.5) x 2 cases in 内科, ES21 (RW 0.5, weak 0.8) x 1 in 外科:
 *     // 内科 points 2 x 2 x 1.5 = 6, 外科 0.5 x 0.8 = 0.4; pool 1,000: 937.50 and 62.50
 */
export function unitIncentives(
  input: { groups: Interned; counts?: Float64Array; by: Interned },
  weights: WeightTable,
  coefficientOf: ReadonlyMap<string, number>,
  money: IncentiveMoney,
): UnitIncentiveResult {
  const mix = caseMix(input, weights, { missing: "exclude" });
  // Points per unit: the same rows as `mix` (a group with a weight, cases > 0, a unit), each
  // case counting RW x its group's coefficient.
  const { groups, counts, by } = input;
  const pointById = weightsForCodes(groups.codes, weights);
  groups.codes.forEach((code, g) => (pointById[g] *= coefficientOf.get(code) ?? 1));
  const keyPoints = new Float64Array(by.codes.length);
  pointsByKey(groups.ids, counts, pointById, by.ids, keyPoints);
  const keyId = new Map<string, number>();
  by.codes.forEach((code, k) => keyId.set(code, k));
  const mixRows = mix.rows ?? [];
  const points = Float64Array.from(mixRows, (r) => keyPoints[keyId.get(r.key) as number]);
  const amounts = incentiveAmounts(points, money);
  const rows: UnitIncentiveRow[] = mixRows.map((r, i) => ({
    key: r.key,
    cases: r.cases,
    totalWeight: r.totalWeight,
    cmi: r.cmi,
    points: points[i],
    amount: amounts[i],
  }));
  let cases = 0;
  let totalWeight = 0;
  let totalPoints = 0;
  let amountCents = 0;
  for (const r of rows) {
    cases += r.cases;
    totalWeight += r.totalWeight;
    totalPoints += r.points;
    amountCents += Math.round(r.amount * 100);
  }
  const total: UnitIncentiveRow = {
    key: "",
    cases,
    totalWeight,
    cmi: cases > 0 ? totalWeight / cases : NaN,
    points: totalPoints,
    amount: amountCents / 100,
  };
  return { rows, total, excludedCases: mix.excludedCases, skipped: mix.skipped };
}

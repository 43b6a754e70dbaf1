/**
 * Policy tilt (weight adjustment stage 2), DOMAIN.md "DRG payment: profit and loss per group":
 * multiply chosen groups' weights by a factor, then rescale every weight by the neutrality
 * factor over a volume so that the total weight is unchanged:
 *
 *     tilted_g = RW_g x t_g;   f = sum_g n_g x RW_g / sum_g n_g x tilted_g;   after_g = f x tilted_g
 *
 * (n_g the cases of g in the volume; each group once without one).
 *
 * Rule syntax, clauses separated by ";" (or "；" or a new line), each `condition: factor`:
 * - `rw>=2`, `rw<0.8`, `rw>1`, `rw<=1.5`, `rw=1` (also `权重`): the base weight against a number;
 * - `MDCF`: the MDC letter (the first letter of a CHS-DRG code);
 * - a code or its start: `FR1` (an ADRG: FR11, FR13, FR15), `FR13` (one group); several
 *   separated by commas: `FR1,FT2: 1.1`;
 * - conditions joined by `&` must all hold: `MDCF & rw>=2: 1.2`.
 * Decision: the first matching clause wins (so a group gets one factor that can be read off the
 * rule; write specific clauses first); a group no clause matches keeps factor 1.
 *
 * Example: weights A 1, B 2 (no volume), rule "rw>=2: 1.1": tilted 1, 2.2; f = 3 / 3.2 = 0.9375;
 * after 0.9375, 2.0625 (total 3 as before).
 */
import { normalizeCode } from "./codes";
import { cellNumber } from "./input";
import { CaseMixError } from "./text";
import { neutrality } from "./weightAudit/neutrality";

type Test = (code: string, weight: number) => boolean;

export interface TiltClause {
  /** The clause as written, for messages and the audit view. */
  text: string;
  test: Test;
  factor: number;
}

function clauseError(argName: string, clause: string, en: string, zh: string): CaseMixError {
  return new CaseMixError("value", {
    en: `${argName}: clause "${clause}" ${en}`,
    zh: `${argName}：条件 "${clause}" ${zh}`,
  });
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  ">=": (a, b) => a >= b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  "<": (a, b) => a < b,
  "=": (a, b) => a === b,
};

function condition(raw: string, clause: string, argName: string): Test {
  const text = raw
    .trim()
    .replace(/[＞]/g, ">")
    .replace(/[＜]/g, "<")
    .replace(/[＝]/g, "=")
    .replace(/≥/g, ">=")
    .replace(/≤/g, "<=");
  const rw = /^(?:rw|权重|weight)\s*(>=|<=|>|<|=)\s*(.+)$/i.exec(text);
  if (rw) {
    const limit = cellNumber(rw[2].trim());
    if (limit === undefined || limit !== limit) {
      throw clauseError(
        argName,
        clause,
        `compares rw with "${rw[2].trim()}", which is not a number`,
        `将权重与 "${rw[2].trim()}" 比较，但它不是数`,
      );
    }
    const op = COMPARE[rw[1]];
    return (_code, weight) => op(weight, limit);
  }
  const mdc = /^mdc\s*([a-z])$/i.exec(text);
  if (mdc) {
    const letter = mdc[1].toUpperCase();
    return (code) => code.startsWith(letter);
  }
  const prefixes = text
    .split(/[,，、\s]+/)
    .filter((s) => s !== "")
    .map(normalizeCode);
  if (prefixes.length === 0 || prefixes.some((p) => !/^[A-Z0-9]+$/.test(p))) {
    throw clauseError(
      argName,
      clause,
      `has a condition "${raw.trim()}" that is not rw>=x, rw<x, MDC letter (MDCF) or codes (FR1, FR13)`,
      `中的条件 "${raw.trim()}" 不是 rw>=x、rw<x、MDC 字母（如 MDCF）或编码（如 FR1、FR13）`,
    );
  }
  return (code) => prefixes.some((p) => code.startsWith(p));
}

/**
 * Parses a tilt rule (syntax in the module comment).
 *
 *     tiltRule("rw>=2: 1.1; rw<0.8: 0.95")  // two clauses
 *     tiltRule("rw>=2 1.1")                 // error: clause "rw>=2 1.1" has no ":"
 */
export function tiltRule(rule: string, argName = "factors_or_rule"): TiltClause[] {
  const clauses: TiltClause[] = [];
  for (const part of rule.split(/[;；\n]+/)) {
    const clause = part.trim();
    if (clause === "") continue;
    const at = Math.max(clause.lastIndexOf(":"), clause.lastIndexOf("："));
    if (at < 0) {
      throw clauseError(
        argName,
        clause,
        `has no ":" before its factor (e.g. "rw>=2: 1.1")`,
        `缺少因子前的 ":"（如 "rw>=2: 1.1"）`,
      );
    }
    const factor = cellNumber(clause.slice(at + 1).trim());
    if (factor === undefined || !(factor > 0 && factor < Infinity)) {
      throw clauseError(argName, clause, `needs a factor above 0 after ":"`, `的 ":" 之后应为大于 0 的因子`);
    }
    const tests = clause
      .slice(0, at)
      .split(/[&＆]/)
      .map((c) => condition(c, clause, argName));
    clauses.push({ text: clause, factor, test: (code, w) => tests.every((t) => t(code, w)) });
  }
  if (clauses.length === 0) {
    throw new CaseMixError("value", { en: `${argName}: the rule has no clause`, zh: `${argName}：规则中没有任何条件` });
  }
  return clauses;
}

/**
 * The clause each group falls under: the index of the first matching clause, else -1.
 *
 *     ruleMatches(["A", "B"], [1, 2], tiltRule("rw>=2: 1.1"))  // [-1, 0]
 */
export function ruleMatches(
  codes: readonly string[],
  weights: ArrayLike<number>,
  clauses: readonly TiltClause[],
): Int32Array {
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = clauses.findIndex((c) => c.test(codes[i], weights[i]));
  return out;
}

/** The factor of each group: the first matching clause's, else 1. */
export function ruleFactors(
  codes: readonly string[],
  weights: ArrayLike<number>,
  clauses: readonly TiltClause[],
): Float64Array {
  const matches = ruleMatches(codes, weights, clauses);
  return Float64Array.from(matches, (k) => (k >= 0 ? clauses[k].factor : 1));
}

export interface TiltResult {
  /** Per group, in the input order: base weight, tilt factor, tilted, and rescaled (after). */
  before: Float64Array;
  factors: Float64Array;
  tilted: Float64Array;
  after: Float64Array;
  /** The neutrality factor f: total before / total tilted over the volume. */
  neutralityFactor: number;
  totalBefore: number;
  totalAfter: number;
}

/**
 * Tilts and rescales. `counts[g]` the cases of group g (default 1 each); groups with a NaN
 * weight stay NaN and take no part. An error ("div0") when no group with cases has a weight.
 *
 *     weightTilt([1, 2], [1, 1.1])  // f = 3 / 3.2: after [0.9375, 2.0625]
 */
export function weightTilt(
  before: ArrayLike<number>,
  factors: ArrayLike<number>,
  counts?: ArrayLike<number>,
): TiltResult {
  const n = before.length;
  const tilted = new Float64Array(n);
  for (let i = 0; i < n; i++) tilted[i] = before[i] * factors[i];
  const totals = neutrality(before, tilted, counts);
  const f = totals.restoringFactor;
  if (!(f > 0 && f < Infinity)) {
    throw new CaseMixError("div0", {
      en: "the tilted total weight over the volume is 0: no group with cases has a weight",
      zh: "倾斜后按病例量计的总权重为 0：没有任何有病例的病组有权重",
    });
  }
  const after = new Float64Array(n);
  for (let i = 0; i < n; i++) after[i] = tilted[i] * f;
  return {
    before: Float64Array.from(before),
    factors: Float64Array.from(factors),
    tilted,
    after,
    neutralityFactor: f,
    totalBefore: totals.totalBefore,
    totalAfter: neutrality(before, after, counts).totalAfter,
  };
}

/**
 * CMI change decomposition between two periods with one weight table (DOMAIN.md "CMI change
 * decomposition"): how much of a CMI change comes from a different mix of ADRGs, and how
 * much from heavier (more severe) groups inside the same ADRGs, the pattern tied to coding
 * intensity (高套编码).
 *
 *     CMI = sum_a p_a x w_a     p_a share of cases in ADRG a, w_a mean weight of its cases
 *     mix      = sum_a (p1_a - p0_a) x w0_a
 *     severity = sum_a p1_a x (w1_a - w0_a)
 *     mix + severity = sum_a p1_a w1_a - p0_a w0_a = CMI1 - CMI0   (exactly, no interaction term)
 *
 * An ADRG present in one period only falls wholly in the mix term, its mean weight taken
 * from the period in which it occurs: present only after, mix += p1 w1; only before,
 * mix -= p0 w0. ADRG = the first three characters of the group code.
 *
 * Example: before GB11 (2.0) x 2, GB15 (1.0) x 2, ES21 (0.5) x 4; after GB11 x 3, GB15 x 1,
 * ES21 x 4. p0 = p1 = (0.5 GB1, 0.5 ES2): no mix change. w0(GB1) = 1.5, w1(GB1) = 1.75.
 * CMI0 = (4 + 2 + 2) / 8 = 1, CMI1 = (6 + 1 + 2) / 8 = 1.125; mix = 0;
 * severity = 0.5 x (1.75 - 1.5) = 0.125 = the whole change.
 */
import { adrgOf, compareCodes, Interned } from "./codes";
import { SkippedRows, noSkips, sortedOrder } from "./grouping";
import { caseWeights, MissingWeightRule, WeightTable } from "./weightTable";

export interface DecompositionInput {
  /** Group codes of the cases of both periods. */
  groups: Interned;
  /** Per row: 0 before, 1 after, anything else left out (not counted as skipped). */
  period: ArrayLike<number>;
  /** Cases a row stands for (aggregated rows); blank or 0 skips the row. */
  counts?: ArrayLike<number>;
  /** A dimension (department, doctor, hospital): one decomposition per key. */
  by?: Interned;
}

export interface DecompositionRow {
  key: string;
  casesBefore: number;
  casesAfter: number;
  /** NaN when the period has no case. */
  cmiBefore: number;
  cmiAfter: number;
  change: number;
  mix: number;
  severity: number;
}

export interface AdrgRow {
  adrg: string;
  casesBefore: number;
  casesAfter: number;
  shareBefore: number;
  shareAfter: number;
  /** Mean weight of the ADRG's cases; NaN in a period without them. */
  weightBefore: number;
  weightAfter: number;
  /** This ADRG's part of the mix and severity terms. */
  mix: number;
  severity: number;
}

export interface DecompositionResult {
  overall: DecompositionRow;
  /** Per ADRG (over all keys), sorted by code. */
  adrgs: AdrgRow[];
  /** One row per key in display order, with `by`. */
  rows?: DecompositionRow[];
  /** Cases left out because their group has no weight (missing = "exclude"). */
  excludedCases: number;
  missingCodes: string[];
  skipped: SkippedRows;
}

/**
 * The terms of one ADRG from its case counts n and weight sums s in both periods, with N0,
 * N1 the periods' case totals. Writes [mix, severity] into `out`.
 */
export function adrgTerms(
  n0: number,
  s0: number,
  n1: number,
  s1: number,
  N0: number,
  N1: number,
  out: Float64Array,
): void {
  const p0 = N0 > 0 ? n0 / N0 : 0;
  const p1 = N1 > 0 ? n1 / N1 : 0;
  if (n0 > 0 && n1 > 0) {
    const w0 = s0 / n0;
    const w1 = s1 / n1;
    out[0] = (p1 - p0) * w0;
    out[1] = p1 * (w1 - w0);
  } else if (n1 > 0) {
    out[0] = p1 * (s1 / n1); // only after: wholly mix
    out[1] = 0;
  } else if (n0 > 0) {
    out[0] = -p0 * (s0 / n0); // only before: wholly mix
    out[1] = 0;
  } else {
    out[0] = 0;
    out[1] = 0;
  }
}

function row(
  key: string,
  N0: number,
  S0: number,
  N1: number,
  S1: number,
  mix: number,
  severity: number,
): DecompositionRow {
  const cmiBefore = N0 > 0 ? S0 / N0 : NaN;
  const cmiAfter = N1 > 0 ? S1 / N1 : NaN;
  const both = N0 > 0 && N1 > 0;
  return {
    key,
    casesBefore: N0,
    casesAfter: N1,
    cmiBefore,
    cmiAfter,
    change: cmiAfter - cmiBefore,
    mix: both ? mix : NaN,
    severity: both ? severity : NaN,
  };
}

/**
 * Decomposes the CMI change overall, per ADRG and (with `by`) per key. A group without a
 * weight is an error naming the first such code and how many cases (both periods) it
 * affects, or, with missing = "exclude", its cases are left out and counted.
 */
export function decomposeCmi(
  input: DecompositionInput,
  table: WeightTable,
  options: { tableName?: string; missing?: MissingWeightRule } = {},
): DecompositionResult {
  const { groups, period, counts, by } = input;
  const ids = groups.ids;
  const n = ids.length;
  const { weightById, missingCases, missingCodes } = caseWeights(groups, table, {
    counts,
    argName: options.tableName ?? "weight_table",
    missing: options.missing,
  });

  // ADRG of each interned group.
  const adrgIndex = new Map<string, number>();
  const adrgCodes: string[] = [];
  const adrgOfGroup = new Int32Array(groups.codes.length);
  groups.codes.forEach((code, g) => {
    const a = adrgOf(code);
    let id = adrgIndex.get(a);
    if (id === undefined) {
      id = adrgCodes.length;
      adrgCodes.push(a);
      adrgIndex.set(a, id);
    }
    adrgOfGroup[g] = id;
  });
  const nA = adrgCodes.length;
  const cnt = [new Float64Array(nA), new Float64Array(nA)];
  const wsum = [new Float64Array(nA), new Float64Array(nA)];
  const N = [0, 0];
  const S = [0, 0];

  const nKeys = by ? by.codes.length : 0;
  const keyN = [new Float64Array(nKeys), new Float64Array(nKeys)];
  const keyS = [new Float64Array(nKeys), new Float64Array(nKeys)];
  // Sparse (key, ADRG) cells: slot per pair met, so memory follows the data, not keys x ADRGs.
  const slotOf = new Map<number, number>();
  const slotKey: number[] = [];
  const slotAdrg: number[] = [];
  const slotN: [number[], number[]] = [[], []];
  const slotS: [number[], number[]] = [[], []];

  const skipped = noSkips();
  for (let i = 0; i < n; i++) {
    const t = period[i];
    if (t !== 0 && t !== 1) continue;
    const g = ids[i];
    if (g < 0) {
      skipped.emptyGroup++;
      continue;
    }
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      skipped.noCases++;
      continue;
    }
    const w = weightById[g];
    if (w !== w) continue; // no weight: counted in missingCases
    const a = adrgOfGroup[g];
    if (by) {
      const k = by.ids[i];
      if (k < 0) {
        skipped.emptyKey++;
        continue;
      }
      keyN[t][k] += c;
      keyS[t][k] += c * w;
      const pair = k * nA + a;
      let slot = slotOf.get(pair);
      if (slot === undefined) {
        slot = slotKey.length;
        slotOf.set(pair, slot);
        slotKey.push(k);
        slotAdrg.push(a);
        slotN[0].push(0);
        slotN[1].push(0);
        slotS[0].push(0);
        slotS[1].push(0);
      }
      slotN[t][slot] += c;
      slotS[t][slot] += c * w;
    }
    cnt[t][a] += c;
    wsum[t][a] += c * w;
    N[t] += c;
    S[t] += c * w;
  }

  const terms = new Float64Array(2);
  const adrgs: AdrgRow[] = [];
  let mix = 0;
  let severity = 0;
  const adrgOrder = Array.from(adrgCodes.keys()).sort((x, y) => compareCodes(adrgCodes[x], adrgCodes[y]));
  for (const a of adrgOrder) {
    const n0 = cnt[0][a];
    const n1 = cnt[1][a];
    if (n0 === 0 && n1 === 0) continue;
    adrgTerms(n0, wsum[0][a], n1, wsum[1][a], N[0], N[1], terms);
    mix += terms[0];
    severity += terms[1];
    adrgs.push({
      adrg: adrgCodes[a],
      casesBefore: n0,
      casesAfter: n1,
      shareBefore: N[0] > 0 ? n0 / N[0] : NaN,
      shareAfter: N[1] > 0 ? n1 / N[1] : NaN,
      weightBefore: n0 > 0 ? wsum[0][a] / n0 : NaN,
      weightAfter: n1 > 0 ? wsum[1][a] / n1 : NaN,
      mix: terms[0],
      severity: terms[1],
    });
  }
  const overall = row("", N[0], S[0], N[1], S[1], mix, severity);

  let rows: DecompositionRow[] | undefined;
  if (by) {
    const keyMix = new Float64Array(nKeys);
    const keySeverity = new Float64Array(nKeys);
    for (let slot = 0; slot < slotKey.length; slot++) {
      const k = slotKey[slot];
      adrgTerms(slotN[0][slot], slotS[0][slot], slotN[1][slot], slotS[1][slot], keyN[0][k], keyN[1][k], terms);
      keyMix[k] += terms[0];
      keySeverity[k] += terms[1];
    }
    rows = [];
    for (const k of sortedOrder(by.codes)) {
      if (keyN[0][k] === 0 && keyN[1][k] === 0) continue;
      rows.push(row(by.codes[k], keyN[0][k], keyS[0][k], keyN[1][k], keyS[1][k], keyMix[k], keySeverity[k]));
    }
  }
  return { overall, adrgs, rows, excludedCases: missingCases, missingCodes, skipped };
}

/** The change of every group weighed in both tables. */
import { compareCodes } from "../codes";
import { AuditTable } from "./table";

export interface WeightChange {
  code: string;
  family: string;
  before: number;
  after: number;
  /** after - before. */
  change: number;
  /** after / before - 1; NaN when the weight before is 0 or less. */
  relative: number;
  /** Cases of the volume in the group; absent without a volume. */
  cases?: number;
}

/** Every group weighed in both tables, by |relative| descending (NaN last), then code. */
export function weightChanges(
  base: AuditTable,
  adjusted: AuditTable,
  casesOf: (code: string) => number | undefined,
): WeightChange[] {
  const changes: WeightChange[] = [];
  for (let k = 0; k < base.codes.length; k++) {
    const code = base.codes[k];
    const before = base.weights[k];
    const ai = adjusted.index.get(code);
    if (ai === undefined || before !== before) continue;
    const after = adjusted.weights[ai];
    if (after !== after) continue;
    const change: WeightChange = {
      code,
      family: base.severity[k]?.family ?? "",
      before,
      after,
      change: after - before,
      relative: before > 0 ? after / before - 1 : NaN,
    };
    const cases = casesOf(code);
    if (cases !== undefined) change.cases = cases;
    changes.push(change);
  }
  changes.sort((x, y) => {
    const ax = Math.abs(x.relative);
    const ay = Math.abs(y.relative);
    if (ax !== ax || ay !== ay) return ax !== ax ? (ay !== ay ? compareCodes(x.code, y.code) : 1) : -1;
    return ay - ax || compareCodes(x.code, y.code);
  });
  return changes;
}

/** The first `n` changes of `changes` (sorted as `weightChanges` sorts) that are finite and not zero. */
export function largestChanges(changes: readonly WeightChange[], n: number): WeightChange[] {
  const out: WeightChange[] = [];
  for (const c of changes) {
    if (out.length >= n) break;
    if (c.relative !== 0 && Number.isFinite(c.relative)) out.push(c);
  }
  return out;
}

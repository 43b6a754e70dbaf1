/**
 * The results every side of the benchmark produces, in one shape, and their comparison.
 * Tables are keyed by group code or department so that row order does not matter.
 */

export interface WeightRow {
  code: string;
  weight: number;
  cases: number;
  kept: number;
  meanCost: number;
}

export interface CmiRow {
  key: string;
  cmi: number;
  cases: number;
  totalWeight: number;
  /** Absent where a side does not compute it (the spreadsheet formulas). */
  groupCount?: number;
}

export interface CostIndexRow {
  key: string;
  index: number;
  cases: number;
  meanCost: number;
}

export interface Results {
  weights: WeightRow[];
  cmiOverall: number;
  cmiByDepartment: CmiRow[];
  costIndexByDepartment: CostIndexRow[];
}

/** Timings of one side, milliseconds per repetition, per step. */
export interface SideReport {
  side: string;
  rows: number;
  /** Step name -> one time per repetition (ms). */
  times: Record<string, number[]>;
  /** Peak resident set size of the process (bytes). */
  peakRss: number;
  results?: Results;
  report?: ReportResults;
  notes?: string[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** |a - b| <= tol x max(1, |a|, |b|): relative for large numbers, absolute near 0. */
export function close(a: number, b: number, tol: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Differences between two result sets (empty when they agree to `tol`): every key of one must
 * be in the other, and every number present on both sides must agree.
 */
export function compareResults(a: Results, b: Results, tol = 1e-9, names = ["a", "b"]): string[] {
  const out: string[] = [];
  const check = (what: string, x: number | undefined, y: number | undefined) => {
    if (x === undefined || y === undefined) return;
    if (!close(x, y, tol)) out.push(`${what}: ${names[0]} ${x} vs ${names[1]} ${y}`);
  };
  function table<T>(what: string, xs: T[], ys: T[], key: (r: T) => string, fields: (keyof T)[]) {
    const byKey = new Map(ys.map((r) => [key(r), r]));
    if (xs.length !== ys.length) out.push(`${what}: ${names[0]} has ${xs.length} rows, ${names[1]} ${ys.length}`);
    for (const r of xs) {
      const other = byKey.get(key(r));
      if (!other) {
        out.push(`${what}: ${key(r)} missing in ${names[1]}`);
        continue;
      }
      for (const f of fields) check(`${what} ${key(r)} ${String(f)}`, r[f] as number | undefined, other[f] as number | undefined);
    }
  }
  table("weights", a.weights, b.weights, (r) => r.code, ["weight", "cases", "kept", "meanCost"]);
  check("CMI overall", a.cmiOverall, b.cmiOverall);
  table("CMI by department", a.cmiByDepartment, b.cmiByDepartment, (r) => r.key, ["cmi", "cases", "totalWeight", "groupCount"]);
  table("cost index by department", a.costIndexByDepartment, b.costIndexByDepartment, (r) => r.key, ["index", "cases", "meanCost"]);
  return out;
}

/** What `casemix report --json` computes with the default settings (quadrants by department). */
export interface ReportGroupRow {
  group: string;
  cases: number;
  rw: number;
  revenue: number;
  cost: number;
  contribution: number;
  rate: number;
  coefficient: number;
  points: number;
}

export interface ReportUnitRow {
  unit: string;
  cases: number;
  totalWeight: number;
  cmi: number;
  points: number;
  amount: number;
}

export interface ReportResults {
  cmi: number;
  groups: ReportGroupRow[];
  units: ReportUnitRow[];
}

/** Differences between two report results (empty when they agree to `tol`). */
export function compareReports(a: ReportResults, b: ReportResults, tol = 1e-9, names = ["a", "b"]): string[] {
  const out: string[] = [];
  const check = (what: string, x: number, y: number) => {
    if (!close(x, y, tol)) out.push(`${what}: ${names[0]} ${x} vs ${names[1]} ${y}`);
  };
  check("hospital CMI", a.cmi, b.cmi);
  function table<T>(what: string, xs: T[], ys: T[], key: (r: T) => string, fields: (keyof T)[]) {
    const byKey = new Map(ys.map((r) => [key(r), r]));
    if (xs.length !== ys.length) out.push(`${what}: ${names[0]} has ${xs.length} rows, ${names[1]} ${ys.length}`);
    for (const r of xs) {
      const other = byKey.get(key(r));
      if (!other) out.push(`${what}: ${key(r)} missing in ${names[1]}`);
      else for (const f of fields) check(`${what} ${key(r)} ${String(f)}`, r[f] as number, other[f] as number);
    }
  }
  table("groups", a.groups, b.groups, (r) => r.group, ["cases", "rw", "revenue", "cost", "contribution", "rate", "coefficient", "points"]);
  table("units", a.units, b.units, (r) => r.unit, ["cases", "totalWeight", "cmi", "points", "amount"]);
  return out;
}

/**
 * The engine as Excel drives it: the custom-function adapters (DRG_WEIGHT, CMI, COST_INDEX)
 * called with any[][] ranges deserialized from JSON, a fresh copy for every call, so nothing
 * is shared between calls except what the add-in itself chooses to keep.
 *
 * Per repetition: the intern cache (if the engine has one) is cleared first, so the first call
 * of the repetition pays for reading the codes, as after a change of the data in Excel.
 * Deserializing the ranges is not timed (Excel does it before the function runs).
 */
import * as codes from "../src/engine/codes";
import { cmi } from "../src/functions/caseMix";
import { costIndex } from "../src/functions/efficiency";
import { setLanguage } from "../src/functions/excel";
import { drgWeight } from "../src/functions/weights";
import { excelRanges, generateCases } from "./data";
import { CmiRow, CostIndexRow, Results, SideReport, WeightRow } from "./results";

declare const gc: undefined | (() => void);
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Before a timed call: the garbage of earlier calls and copies is collected (when node runs
 * with --expose-gc), then the thread sleeps 100 ms so that V8's concurrent sweeping is done,
 * as it would be between two recalculations in Excel. Without the pause the call right
 * after a forced collection runs several times slower.
 */
function settle(): void {
  if (typeof gc === "function") gc();
  Atomics.wait(pause, 0, 0, 100);
}

const isNote = (row: unknown[]) => typeof row[0] === "string" && /^[(（]/.test(row[0] as string);

function weightRows(spill: unknown[][]): WeightRow[] {
  return spill.filter((r) => !isNote(r)).map((r) => ({
    code: r[0] as string,
    weight: r[1] as number,
    cases: r[2] as number,
    kept: r[3] as number,
    meanCost: r[4] as number,
  }));
}

function cmiRows(spill: unknown[][]): CmiRow[] {
  return spill.filter((r) => !isNote(r)).map((r) => ({
    key: r[0] as string,
    cmi: r[1] as number,
    cases: r[2] as number,
    totalWeight: r[3] as number,
    groupCount: r[4] as number,
  }));
}

function costIndexRows(spill: unknown[][]): CostIndexRow[] {
  return spill.filter((r) => !isNote(r)).map((r) => ({
    key: r[0] as string,
    index: r[1] as number,
    cases: r[2] as number,
    meanCost: r[3] as number,
  }));
}

export const ENGINE_STEPS = [
  "DRG_WEIGHT",
  "CMI by department",
  "COST_INDEX by department",
  "target: the three calls",
  "CMI overall",
  "again, unchanged data: the three calls",
];

export function runEngine(rows: number, reps: number): SideReport {
  setLanguage("en");
  const ranges = excelRanges(generateCases(rows));
  const json = {
    groups: JSON.stringify(ranges.groups),
    departments: JSON.stringify(ranges.departments),
    costs: JSON.stringify(ranges.costs),
  };
  const fresh = (s: string) => JSON.parse(s) as any[][];
  const clearCache = (codes as unknown as { clearInternCache?: () => void }).clearInternCache;
  const times: Record<string, number[]> = {};
  for (const s of ENGINE_STEPS) times[s] = [];
  const timed = <T>(step: string | undefined, body: () => T): [T, number] => {
    settle();
    const t0 = performance.now();
    const out = body();
    const ms = performance.now() - t0;
    if (step) times[step].push(ms);
    return [out, ms];
  };
  /** The three target calls, each on its own fresh copies of its ranges. */
  const threeCalls = (record: boolean) => {
    const g1 = fresh(json.groups);
    const c1 = fresh(json.costs);
    const [weights, tw] = timed(record ? "DRG_WEIGHT" : undefined, () => drgWeight(g1, c1));
    const table = JSON.parse(JSON.stringify(weights)) as any[][];
    const g = fresh(json.groups);
    const d = fresh(json.departments);
    const [byDepartment, tc] = timed(record ? "CMI by department" : undefined, () => cmi(g, table, d));
    const g2 = fresh(json.groups);
    const c2 = fresh(json.costs);
    const d2 = fresh(json.departments);
    const [costIdx, te] = timed(record ? "COST_INDEX by department" : undefined, () => costIndex(g2, c2, d2));
    return { weights, byDepartment, costIdx, total: tw + tc + te };
  };
  let results: Results | undefined;
  // One untimed warm-up repetition (JIT), then the timed ones.
  for (let rep = -1; rep < reps; rep++) {
    if (clearCache) clearCache();
    const cold = threeCalls(true);
    times["target: the three calls"].push(cold.total);
    const g = fresh(json.groups);
    const [overall] = timed("CMI overall", () => cmi(g, JSON.parse(JSON.stringify(cold.weights))));
    // The same three calls again, as after a change elsewhere in the workbook: the codes are
    // unchanged, so the intern cache serves every code column.
    const warm = threeCalls(false);
    times["again, unchanged data: the three calls"].push(warm.total);
    if (rep < 0) {
      for (const s of ENGINE_STEPS) times[s].length = 0;
      results = {
        weights: weightRows(cold.weights),
        cmiOverall: overall[0][0] as number,
        cmiByDepartment: cmiRows(cold.byDepartment),
        costIndexByDepartment: costIndexRows(cold.costIdx),
      };
    }
  }
  return {
    side: "engine",
    rows,
    times,
    peakRss: process.resourceUsage().maxRSS * 1024,
    results,
    notes: [
      clearCache ? "intern cache cleared before each repetition" : "engine without an intern cache",
    ],
  };
}

/**
 * Winners and losers: total weight and CMI per unit (hospital, hospital level, department)
 * before and after, and the change once the adjusted table is rescaled to neutrality.
 */
import { compareKeys } from "../grouping";
import { AuditTable, weightsOf } from "./table";
import { VolumeInput, VolumeSums } from "./volume";

export interface UnitChange {
  unit: string;
  /** Cases of the unit with a weight in both tables. */
  cases: number;
  /** Cases of the unit left out because their group lacks a weight in one table. */
  casesWithoutWeight: number;
  totalWeightBefore: number;
  totalWeightAfter: number;
  /** NaN when the unit has no covered case. */
  cmiBefore: number;
  cmiAfter: number;
  /** after / before - 1 of the unit's total weight (= of its CMI); NaN when before is 0. */
  change: number;
  /** The same once the adjusted table is rescaled to neutrality: who gains at a constant total. */
  changeAtNeutral: number;
}

/** The sums of a unit, before the ratios. */
type UnitSums = Pick<UnitChange, "unit" | "cases" | "casesWithoutWeight" | "totalWeightBefore" | "totalWeightAfter">;

/** A unit's CMI and changes from its sums; `factor` is the restoring factor of the whole volume. */
function unitChange(s: UnitSums, factor: number): UnitChange {
  const { cases, totalWeightBefore: tb, totalWeightAfter: ta } = s;
  return {
    ...s,
    cmiBefore: cases > 0 ? tb / cases : NaN,
    cmiAfter: cases > 0 ? ta / cases : NaN,
    change: tb !== 0 ? ta / tb - 1 : NaN,
    changeAtNeutral: tb !== 0 && Number.isFinite(factor) ? (ta * factor) / tb - 1 : NaN,
  };
}

/**
 * One row a unit of `volume.units` with at least one case, winners first (NaN last). Rows
 * with an empty unit are counted in `sums.skipped.emptyKey`.
 */
export function unitChanges(
  base: AuditTable,
  adjusted: AuditTable,
  volume: VolumeInput,
  sums: VolumeSums,
  factor: number,
): UnitChange[] {
  const units = volume.units!;
  const gCodes = volume.groups.codes;
  const before = weightsOf(gCodes, base);
  const after = weightsOf(gCodes, adjusted);
  const nUnits = units.codes.length;
  const cases = new Float64Array(nUnits);
  const missing = new Float64Array(nUnits);
  const tb = new Float64Array(nUnits);
  const ta = new Float64Array(nUnits);
  const { ids } = volume.groups;
  const uIds = units.ids;
  const counts = volume.counts;
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    if (g < 0) continue;
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) continue;
    const u = uIds[i];
    if (u < 0) {
      sums.skipped.emptyKey++;
      continue;
    }
    const b = before[g];
    const a = after[g];
    if (b !== b || a !== a) {
      missing[u] += c;
      continue;
    }
    cases[u] += c;
    tb[u] += c * b;
    ta[u] += c * a;
  }
  const rows: UnitChange[] = [];
  for (let u = 0; u < nUnits; u++) {
    if (cases[u] === 0 && missing[u] === 0) continue;
    const unit = units.codes[u];
    rows.push(
      unitChange(
        { unit, cases: cases[u], casesWithoutWeight: missing[u], totalWeightBefore: tb[u], totalWeightAfter: ta[u] },
        factor,
      ),
    );
  }
  rows.sort((x, y) => {
    const nx = x.change !== x.change;
    const ny = y.change !== y.change;
    if (nx || ny) return nx === ny ? compareKeys(x.unit, y.unit) : nx ? 1 : -1;
    return y.change - x.change || compareKeys(x.unit, y.unit);
  });
  return rows;
}

/** All units together (unit = ""): the sums of the rows, with the same formulas. */
export function unitTotal(rows: readonly UnitChange[], factor: number): UnitChange {
  const total: UnitSums = { unit: "", cases: 0, casesWithoutWeight: 0, totalWeightBefore: 0, totalWeightAfter: 0 };
  for (const r of rows) {
    total.cases += r.cases;
    total.casesWithoutWeight += r.casesWithoutWeight;
    total.totalWeightBefore += r.totalWeightBefore;
    total.totalWeightAfter += r.totalWeightAfter;
  }
  return unitChange(total, factor);
}

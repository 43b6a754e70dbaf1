/** The case volume of the audit: which groups (and units) the cases fall in, and how many. */
import { Interned } from "../codes";
import { noSkips, SkippedRows } from "../grouping";
import { CaseMixError } from "../text";

export interface VolumeInput {
  /** Group of each row: one row a case, or one row a group (or unit x group) with `counts`. */
  groups: Interned;
  /** Cases a row stands for (default 1); blank (NaN) or 0 skips the row, counted in `skipped.noCases`. */
  counts?: Float64Array;
  /** Unit of each row (hospital, hospital level, department) for winners and losers. */
  units?: Interned;
}

/** Cases per distinct volume group, and the rows skipped. */
export interface VolumeSums {
  cases: Float64Array;
  total: number;
  skipped: SkippedRows;
  byCode: Map<string, number>;
}

/** Adds up the cases of each group of the volume; rows with an empty group or no cases are counted as skipped. */
export function sumVolume(volume: VolumeInput): VolumeSums {
  const { ids, codes } = volume.groups;
  const counts = volume.counts;
  const units = volume.units;
  if (counts && counts.length !== ids.length) throw volumeSizeError("counts", counts.length, ids.length);
  if (units && units.ids.length !== ids.length) throw volumeSizeError("units", units.ids.length, ids.length);
  const cases = new Float64Array(codes.length);
  const skipped = noSkips();
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
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
    cases[g] += c;
    total += c;
  }
  const byCode = new Map<string, number>();
  for (let g = 0; g < codes.length; g++) byCode.set(codes[g], g);
  return { cases, total, skipped, byCode };
}

function volumeSizeError(what: string, got: number, want: number): CaseMixError {
  return new CaseMixError("value", {
    en: `volume: the ${what} have ${got} rows but the groups have ${want}; they must be the same size`,
    zh: `volume：${what === "counts" ? "病例数" : "单位"}有 ${got} 行，而病组有 ${want} 行，大小必须相同`,
  });
}

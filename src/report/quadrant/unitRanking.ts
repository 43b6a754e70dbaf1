/**
 * The order of the incentive tables and the department of each doctor (issue 12, item 4).
 *
 * - Rows run by amount, largest first; equal amounts keep the engine's name order (numbers
 *   numerically, Chinese in pinyin order). Equal amounts share a rank and the next rank skips,
 *   as Excel's RANK.EQ does: amounts 500, 300, 300, 100 rank 1, 2, 2, 4.
 * - A doctor's department is the department with most of the doctor's analysed cases; on equal
 *   cases the department first in code order. Rows with an empty department do not count.
 */
import { compareCodes, Interned } from "../../engine/codes";
import { SeveralDepartments, UnitRow } from "./types";

/** The rows by amount, largest first, each with its rank (see the module comment). */
export function rankByAmount(rows: readonly UnitRow[]): UnitRow[] {
  const sorted = rows.slice().sort((a, b) => b.amount - a.amount); // stable: ties keep name order
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.amount !== sorted[i - 1].amount) rank = i + 1;
    return { ...r, rank };
  });
}

/**
 * The departments of each doctor with their cases, most cases first (equal cases in code order),
 * over the rows with cases > 0, a doctor and a department.
 *
 *     // 王医生 with 5 cases in 内科 and 5 in 外科: a tie, broken by code order (内 U+5185 before
 *     // 外 U+5916), so [内科 5, 外科 5] and 王医生's department is 内科.
 */
export function departmentsOfDoctors(
  doctor: Interned,
  department: Interned,
  cases: Float64Array,
): Map<string, SeveralDepartments["departments"]> {
  const byDoctor = new Map<number, Map<number, number>>();
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const d = doctor.ids[i];
    const k = department.ids[i];
    if (!(c > 0) || d < 0 || k < 0) continue;
    let counts = byDoctor.get(d);
    if (!counts) byDoctor.set(d, (counts = new Map()));
    counts.set(k, (counts.get(k) ?? 0) + c);
  }
  const out = new Map<string, SeveralDepartments["departments"]>();
  for (const [d, counts] of byDoctor) {
    const list = [...counts].map(([k, n]) => ({ department: department.codes[k], cases: n }));
    list.sort((a, b) => b.cases - a.cases || compareCodes(a.department, b.department));
    out.set(doctor.codes[d], list);
  }
  return out;
}

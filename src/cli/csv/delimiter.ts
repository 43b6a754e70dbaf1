/**
 * The delimiter of a CSV: a comma, or a tab when the first line has more tabs than commas;
 * a file separated by semicolons is refused.
 */
import { CaseMixError } from "../../engine/text";
import { HEAD_ROWS } from "./headRows";

/**
 * The delimiter, from the first line of b[0, n): a tab when it has more tabs than commas, else
 * a comma; undefined while the line is not complete (and more bytes are to come).
 */
export function delimiterOf(b: Uint8Array, n: number, final: boolean): string | undefined {
  let k = 0;
  while (k < n && b[k] !== 10 && b[k] !== 13) k++;
  if (k === n && !final) return undefined;
  let tabs = 0;
  let commas = 0;
  for (let i = 0; i < k; i++) {
    if (b[i] === 9) tabs++;
    else if (b[i] === 44) commas++;
  }
  return tabs > commas ? "\t" : ",";
}

/**
 * Refuses a file separated by semicolons (Excel's CSV where the decimal mark is a comma): none
 * of its first 32 lines has a comma or a tab, and one has a semicolon. Read as commas, each line
 * would be one cell and the header never found.
 */
export function checkDelimiter(path: string, head: Uint8Array): void {
  let semicolons = 0;
  let lines = 0;
  for (let i = 0; i < head.length && lines < HEAD_ROWS; i++) {
    const c = head[i];
    if (c === 44 || c === 9) return;
    if (c === 59) semicolons++;
    else if (c === 10) lines++;
  }
  if (semicolons > 0)
    throw new CaseMixError("value", {
      en: `${path}: its columns are separated by semicolons (;), not commas or tabs; save it again as CSV with commas (or as .xlsx)`,
      zh: `${path}：各列以分号（;）分隔，而不是逗号或制表符；请重新另存为以逗号分隔的 CSV（或 .xlsx）`,
    });
}

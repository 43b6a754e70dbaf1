/**
 * The head rows of a CSV: the top rows kept as text (the header is found among them), and the
 * choice of the columns kept below them.
 */

/** Rows kept as strings at the top (the header row is searched among the first 30). */
export const HEAD_ROWS = 32;

/**
 * Which columns a reader keeps below the head rows: their 0-based indices, or a function that
 * chooses them from the head rows (the header is among them), undefined for all.
 */
export type KeepColumns = readonly number[] | ChooseColumns;

/** Chooses the columns to keep from the head rows (their cells as text). */
export type ChooseColumns = (head: readonly (readonly string[])[]) => readonly number[] | undefined;

/** The choice of columns to keep; every column when it fails (the reader of the table then says why). */
export function chosen(choose: ChooseColumns, head: readonly (readonly string[])[]): readonly number[] | undefined {
  try {
    return choose(head);
  } catch {
    return undefined;
  }
}

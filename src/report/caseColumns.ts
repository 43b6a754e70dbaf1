/** The columns of the case table a report needs and the ones it found, for every report. */
import { CaseTable, missingColumnsError } from "../engine/caseTable";
import { ColumnName } from "../engine/columns";

/** Throws (naming the columns and the headers found) when a required column is not in the table. */
export function checkRequiredColumns(table: CaseTable, required: readonly ColumnName[]): void {
  const missing = required.filter((c) => {
    if (c === "drg") return false;
    if (c === "department" || c === "doctor" || c === "drgB") return table[c] === undefined;
    return table.numbers[c as keyof CaseTable["numbers"]] === undefined;
  });
  if (missing.length > 0) throw missingColumnsError(missing, table.headers);
}

/**
 * Excel data-type cells as plain cell values. With `allowCustomDataForDataTypeAny` in the
 * custom-functions metadata (the generator sets it), a cell holding a data type reaches a
 * function as its JSON form, `{ type: "Double", basicValue: 100 }`, instead of the value
 * `Range.values` would show. Every reader of cells takes the basic value instead
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts,
 * https://learn.microsoft.com/javascript/api/excel/excel.entitycellvalue):
 * - Double, FormattedNumber, String, Boolean (and a "NotAvailable" value type): `basicValue`;
 * - Empty: a blank cell (null);
 * - Error, and any type whose basic type is an error (an entity, an image, an array, whose
 *   `Range.values` is `#VALUE!`): that Excel error value, as `{ code }`.
 */

/** The Excel error code of each `ErrorCellValueType` (Excel.ErrorCellValueType). */
const ERROR_CODES: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Placeholder: "#N/A",
  Python: "#PYTHON!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

interface DataTypeCell {
  type: string;
  basicValue?: unknown;
  basicType?: unknown;
  errorType?: unknown;
}

/** True for a data-type cell: an object with a text `type` (a plain error value has none). */
export function isDataTypeCell(value: unknown): value is DataTypeCell {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
  );
}

/** The error value of an error-typed data-type cell: its code, from `basicValue` or `errorType`. */
function errorOf(cell: DataTypeCell): { code: string } {
  const basic = cell.basicValue;
  if (typeof basic === "string" && basic.startsWith("#")) return { code: basic };
  const byType = typeof cell.errorType === "string" ? ERROR_CODES[cell.errorType] : undefined;
  return { code: byType ?? "#VALUE!" };
}

/**
 * The value a cell stands for: a data-type cell's basic value (see the module comment); any
 * other value unchanged.
 *
 *     basicCellValue({ type: "Double", basicValue: 100, numberFormat: "0.00" })  // 100
 *     basicCellValue({ type: "Error", errorType: "Div0" })                    // { code: "#DIV/0!" }
 */
export function basicCellValue(value: unknown): unknown {
  if (!isDataTypeCell(value)) return value;
  if (value.type === "Empty" || value.basicType === "Empty") return null;
  if (value.type === "Error" || value.basicType === "Error") return errorOf(value);
  const basic = value.basicValue;
  if (typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic;
  // No basic value: Range.values shows #VALUE! for such a cell.
  return { code: "#VALUE!" };
}

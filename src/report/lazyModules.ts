/**
 * ExcelJS and JSZip, loaded on first use. Loading them takes about 0.2 s, which a command that
 * neither reads nor writes an .xlsx file (`casemix report cases.csv --json`) should not pay.
 */
import type * as ExcelJSModule from "exceljs";
import type JSZipModule from "jszip";

let excel: typeof ExcelJSModule | undefined;
let zip: typeof JSZipModule | undefined;

export function excelJS(): typeof ExcelJSModule {
  if (excel === undefined) excel = require("exceljs") as typeof ExcelJSModule;
  return excel;
}

export function jsZip(): typeof JSZipModule {
  if (zip === undefined) zip = require("jszip") as typeof JSZipModule;
  return zip;
}

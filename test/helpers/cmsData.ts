/**
 * The US CMS "IPPS Provider Summary for the Top 100 DRGs, FY2011" file from the repository's data
 * folder (see data/SOURCES.md): 163,065 rows of provider x MS-DRG, with `Total
 * Discharges` as the case count and money columns as per-discharge averages. Read once with
 * Node's zlib and a small CSV parser (quoted fields, doubled quotes, commas inside quotes),
 * then cached.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { dataFile } from "../../src/cli/repository";

export const CMS_FILE = dataFile("ipps_fy2011_top100_drg_provider_summary.csv.gz");

export interface CmsData {
  drg: string[];
  provider: string[];
  providerName: string[];
  state: string[];
  discharges: Float64Array;
  coveredCharges: Float64Array;
  totalPayments: Float64Array;
  medicarePayments: Float64Array;
}

/** Splits CSV text into rows of fields (RFC 4180 quoting; CRLF or LF line ends). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error(`unterminated quoted field at character ${i}`);
        s += text.slice(j, q);
        if (text[q + 1] === '"') {
          s += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      field = s;
    } else {
      let j = i;
      while (j < n && text[j] !== "," && text[j] !== "\n" && text[j] !== "\r") j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = text[i];
    if (c === ",") {
      i++;
      if (i >= n) {
        row.push("");
        rows.push(row);
      }
    } else if (c === "\r" || c === "\n") {
      rows.push(row);
      row = [];
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      throw new Error(`unexpected character after quoted field at character ${i}`);
    }
  }
  return rows;
}

let cache: CmsData | undefined;

export function loadCms(): CmsData {
  if (cache !== undefined) return cache;
  const text = zlib.gunzipSync(fs.readFileSync(CMS_FILE)).toString("utf8");
  const rows = parseCsv(text);
  const header = rows[0];
  const col = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`CMS file: no column "${name}"`);
    return at;
  };
  const cDrg = col("DRG Definition");
  const cProvider = col("Provider Id");
  const cName = col("Provider Name");
  const cState = col("Provider State");
  const cDischarges = col("Total Discharges");
  const cCovered = col("Average Covered Charges");
  const cTotal = col("Average Total Payments");
  const cMedicare = col("Average Medicare Payments");
  const data = rows.slice(1).filter((r) => r.length > 1);
  const n = data.length;
  const out: CmsData = {
    drg: new Array<string>(n),
    provider: new Array<string>(n),
    providerName: new Array<string>(n),
    state: new Array<string>(n),
    discharges: new Float64Array(n),
    coveredCharges: new Float64Array(n),
    totalPayments: new Float64Array(n),
    medicarePayments: new Float64Array(n),
  };
  const num = (s: string): number => (s.trim() === "" ? NaN : Number(s.replace(/[$,]/g, "")));
  for (let i = 0; i < n; i++) {
    const r = data[i];
    out.drg[i] = r[cDrg];
    out.provider[i] = r[cProvider];
    out.providerName[i] = r[cName];
    out.state[i] = r[cState];
    out.discharges[i] = num(r[cDischarges]);
    out.coveredCharges[i] = num(r[cCovered]);
    out.totalPayments[i] = num(r[cTotal]);
    out.medicarePayments[i] = num(r[cMedicare]);
  }
  cache = out;
  return out;
}

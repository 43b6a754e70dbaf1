/**
 * Reads the cached cell values of chosen sheets of an .xlsx with nothing but Node's zlib: the
 * benchmark only needs the small result sheets of LibreOffice's output, and parsing the
 * 100,000-row case sheet with a full workbook reader would take longer than the recalculation.
 */
import * as fs from "fs";
import * as zlib from "zlib";

/** The files of a zip archive by name (stored or deflated entries). */
function unzip(buf: Buffer, wanted: (name: string) => boolean): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let e = 0; e < entries; e++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad zip central directory");
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!wanted(name)) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    out.set(name, method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data));
  }
  return out;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    switch (e) {
      case "lt": return "<";
      case "gt": return ">";
      case "amp": return "&";
      case "quot": return '"';
      case "apos": return "'";
      default: return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

function columnIndex(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    c = c * 26 + (ch - 64);
  }
  return c - 1;
}

/**
 * Rows of cached values (numbers, strings, booleans; null for empty cells) of each named
 * sheet, from the first row on.
 */
export function readSheets(file: string, sheetNames: string[]): Map<string, unknown[][]> {
  const buf = fs.readFileSync(file);
  const meta = unzip(buf, (n) => n === "xl/workbook.xml" || n === "xl/_rels/workbook.xml.rels" || n === "xl/sharedStrings.xml");
  const workbook = meta.get("xl/workbook.xml")?.toString("utf8") ?? "";
  const rels = meta.get("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const pathOf = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && rid && targets.has(rid)) pathOf.set(unescapeXml(name), targets.get(rid)!);
  }
  const shared: string[] = [];
  const sst = meta.get("xl/sharedStrings.xml")?.toString("utf8") ?? "";
  for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    let text = "";
    for (const t of m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += t[1];
    shared.push(unescapeXml(text));
  }
  const paths = new Set(sheetNames.map((n) => pathOf.get(n)).filter((p): p is string => p !== undefined));
  const sheets = unzip(buf, (n) => paths.has(n));
  const out = new Map<string, unknown[][]>();
  for (const name of sheetNames) {
    const p = pathOf.get(name);
    const xml = p ? sheets.get(p)?.toString("utf8") : undefined;
    if (xml === undefined) throw new Error(`sheet ${name} not found in ${file}`);
    const rows: unknown[][] = [];
    for (const rm of xml.matchAll(/<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(rm[1]) - 1;
      const row: unknown[] = [];
      for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = cm[1];
        const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1];
        const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
        const body = cm[2] ?? "";
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let value: unknown = null;
        if (type === "s" && v !== undefined) value = shared[Number(v)];
        else if (type === "inlineStr") value = unescapeXml(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? "");
        else if (type === "str" || type === "e") value = v === undefined ? null : unescapeXml(v);
        else if (type === "b") value = v === "1";
        else if (v !== undefined) value = Number(v);
        row[ref ? columnIndex(ref) : row.length] = value;
      }
      rows[r] = row;
    }
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    out.set(name, rows);
  }
  return out;
}

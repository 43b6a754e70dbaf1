/**
 * Zip surgery on the package ExcelJS wrote, which cannot hold charts: per sheet with charts, an
 * `xl/drawings/drawingN.xml` anchoring them, per chart an `xl/charts/chartN.xml` (and for
 * corner labels a `chartUserShapes` drawing), the relationships and the content types.
 */
import type JSZip from "jszip";
import { BarPlan, LinePlan, ScatterPlan } from "../layout/charts";
import { jsZip } from "../lazyModules";
import { ChartModel } from "../model";
import { NS_A, NS_C, NS_R, barXml, cornerShapesXml, lineXml, scatterXml } from "./chartXml";

const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_SHAPES = "application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml";

/** A chart to add to the sheet of that name. */
export type ChartJob = { sheetName: string } & (
  { kind: "scatter"; plan: ScatterPlan } | { kind: "bar"; plan: BarPlan } | { kind: "line"; plan: LinePlan }
);

function drawingXml(anchors: { chart: { anchor: ChartModel["anchor"] }; relId: string; id: number }[]): string {
  const body = anchors
    .map(({ chart, relId, id }) => {
      const a = chart.anchor;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${a.column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${a.column + a.width}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row + a.height}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="Chart ${id}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${body}</xdr:wsDr>`;
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

/** Adds relationships to an existing .rels part (or a new one); returns the ids given. */
function addRels(
  existing: string | undefined,
  rels: { type: string; target: string }[],
): { xml: string; ids: string[] } {
  const xml = existing ?? relsXml([]);
  const used = new Set([...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let k = 1;
  const ids: string[] = [];
  let added = "";
  for (const r of rels) {
    while (used.has(`rIdCm${k}`)) k++;
    const id = `rIdCm${k}`;
    used.add(id);
    ids.push(id);
    added += `<Relationship Id="${id}" Type="${REL}/${r.type}" Target="${r.target}"/>`;
  }
  return { xml: xml.replace("</Relationships>", added + "</Relationships>"), ids };
}

/** The worksheet part of each sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const wbXml = await zip.file("xl/workbook.xml")!.async("string");
  const relXml = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const rid = /r:id="([^"]+)"/.exec(m[0])?.[1];
    if (!name || !rid) continue;
    const target = targets.get(rid);
    const decoded = name
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    if (target) out.set(decoded, `xl/${target}`);
  }
  return out;
}

/** Children of <worksheet> that must come after <drawing> (CT_Worksheet order). */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/**
 * Where <drawing> goes in a worksheet's XML: before the first child of <worksheet> that must
 * follow it, else before </worksheet>. Only direct children count (a conditional format has
 * an <extLst> of its own).
 */
export function drawingPosition(xml: string): number {
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, name, selfClosing] = m;
    const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : name;
    if (closing) {
      depth--;
      if (depth === 0 && local === "worksheet") return m.index;
      continue;
    }
    if (depth === 1 && AFTER_DRAWING.has(local)) return m.index;
    if (!selfClosing) depth++;
  }
  throw new Error("xlsx: a worksheet without </worksheet>");
}

/** Points the worksheet part at its drawing: a relationship and a <drawing> element in its place. */
async function linkDrawing(zip: JSZip, part: string, drawingId: number): Promise<void> {
  const dir = part.slice(0, part.lastIndexOf("/"));
  const file = part.slice(part.lastIndexOf("/") + 1);
  const relPath = `${dir}/_rels/${file}.rels`;
  const sheetRels = addRels(await zip.file(relPath)?.async("string"), [
    { type: "drawing", target: `../drawings/drawing${drawingId}.xml` },
  ]);
  zip.file(relPath, sheetRels.xml);
  let sheetXml = await zip.file(part)!.async("string");
  if (!/xmlns:r="/.test(sheetXml.slice(0, 2000)))
    sheetXml = sheetXml.replace("<worksheet ", `<worksheet xmlns:r="${NS_R}" `);
  const at = drawingPosition(sheetXml);
  sheetXml = sheetXml.slice(0, at) + `<drawing r:id="${sheetRels.ids[0]}"/>` + sheetXml.slice(at);
  zip.file(part, sheetXml);
}

/** The print area of a sheet (by its position in the workbook): ranges in A1 style, each printed from a new page. */
export interface PrintAreaJob {
  sheetIndex: number;
  sheetName: string;
  areas: string[];
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The defined name of a print area: 'Sheet'!$A$1:$K$529,'Sheet'!$M$3:$V$28. */
export function printAreaName(job: PrintAreaJob): string {
  const sheet = `'${job.sheetName.replace(/'/g, "''")}'`;
  const ranges = job.areas.map((a) => `${sheet}!${a.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`).join(",");
  return `<definedName name="_xlnm.Print_Area" localSheetId="${job.sheetIndex}">${xmlText(ranges)}</definedName>`;
}

/** Adds the sheets' print areas to workbook.xml, in its <definedNames> (made after <sheets> when absent). */
async function addPrintAreas(zip: JSZip, jobs: readonly PrintAreaJob[]): Promise<void> {
  if (jobs.length === 0) return;
  let xml = await zip.file("xl/workbook.xml")!.async("string");
  if (/_xlnm\.Print_Area/.test(xml)) throw new Error("xlsx: the workbook already has a print area");
  const names = jobs.map(printAreaName).join("");
  if (xml.includes("</definedNames>")) xml = xml.replace("</definedNames>", names + "</definedNames>");
  else if (xml.includes("<definedNames/>"))
    xml = xml.replace("<definedNames/>", `<definedNames>${names}</definedNames>`);
  else xml = xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
  zip.file("xl/workbook.xml", xml);
}

/** Adds the charts and print areas to the package ExcelJS wrote and returns the new package. */
export async function addCharts(
  buffer: Buffer,
  jobs: readonly ChartJob[],
  lang: string,
  printAreas: readonly PrintAreaJob[] = [],
): Promise<Buffer> {
  const zip = await jsZip().loadAsync(buffer);
  await addPrintAreas(zip, printAreas);
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  const bySheet = new Map<string, ChartJob[]>();
  for (const job of jobs) bySheet.set(job.sheetName, [...(bySheet.get(job.sheetName) ?? []), job]);
  const existing = (prefix: string) => Object.keys(zip.files).filter((f) => f.startsWith(prefix)).length;
  let chartNo = existing("xl/charts/chart");
  let drawingNo = existing("xl/drawings/drawing");
  for (const [sheetName, sheetJobs] of bySheet) {
    const part = parts.get(sheetName);
    if (!part) throw new Error(`xlsx: no worksheet part for sheet ${sheetName}`);
    const drawingId = ++drawingNo;
    const drawingPath = `xl/drawings/drawing${drawingId}.xml`;
    const anchors: { chart: { anchor: ChartModel["anchor"] }; relId: string; id: number }[] = [];
    const drawingRels: { type: string; target: string }[] = [];
    for (const job of sheetJobs) {
      const n = ++chartNo;
      const shapes = job.kind === "scatter" ? cornerShapesXml(job.plan.corners, lang) : undefined;
      let shapesRel: string | undefined;
      if (shapes) {
        const shapesId = ++drawingNo;
        zip.file(`xl/drawings/drawing${shapesId}.xml`, shapes);
        overrides.push(`<Override PartName="/xl/drawings/drawing${shapesId}.xml" ContentType="${CT_SHAPES}"/>`);
        const rels = addRels(undefined, [{ type: "chartUserShapes", target: `../drawings/drawing${shapesId}.xml` }]);
        zip.file(`xl/charts/_rels/chart${n}.xml.rels`, rels.xml);
        shapesRel = rels.ids[0];
      }
      const xml =
        job.kind === "bar"
          ? barXml(job.plan, sheetName, lang)
          : job.kind === "line"
            ? lineXml(job.plan, sheetName, lang)
            : scatterXml(job.plan, sheetName, lang, shapesRel);
      zip.file(`xl/charts/chart${n}.xml`, xml);
      overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT_CHART}"/>`);
      drawingRels.push({ type: "chart", target: `../charts/chart${n}.xml` });
      anchors.push({ chart: job.plan.model, relId: "", id: n });
    }
    const dRels = addRels(undefined, drawingRels);
    anchors.forEach((a, i) => (a.relId = dRels.ids[i]));
    zip.file(drawingPath, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawingId}.xml.rels`, dRels.xml);
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CT_DRAWING}"/>`);
    await linkDrawing(zip, part, drawingId);
  }
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", overrides.join("") + "</Types>"));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

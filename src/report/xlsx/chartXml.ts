/**
 * DrawingML chart parts for the layout's chart plans: a scatter chart (one series per model
 * series, each cut line and the fitted line as a dashed series, fixed axis bounds and tick
 * step so the lines span the plot), its corner labels as a `chartUserShapes` part, and a
 * clustered bar chart. Every series takes its values from the sheet's cells, with a cache of
 * the values so the chart shows before any recalculation; no literal (`numLit`) values, which
 * LibreOffice does not draw.
 */
import { columnRange } from "../layout/addresses";
import { AxisBounds } from "../layout/axes";
import { BarPlan, ColumnCells, CornerLabel, LinePlan, MARKER_SIZE, ScatterPlan } from "../layout/charts";
import { PALETTE } from "../layout/palette";

export const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_CDR = "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing";

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const hex = (color: string) => color.replace(/^#/, "").toUpperCase();
const num = (x: number) => (Number.isFinite(x) ? String(x) : "0");

function points(values: readonly number[]): string {
  let out = `<c:ptCount val="${values.length}"/>`;
  values.forEach((v, i) => {
    if (Number.isFinite(v)) out += `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`;
  });
  return out;
}

/** A reference to sheet cells with the cache of their values. */
function numData(sheet: string, cells: ColumnCells, values: readonly number[]): string {
  const formula = columnRange(sheet, cells.column, cells.row, cells.rows);
  return `<c:numRef><c:f>${esc(formula)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${points(values.length ? values : [NaN])}</c:numCache></c:numRef>`;
}

function richText(text: string, lang: string, size: number, bold: boolean): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="${lang}" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function solidFill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${hex(color)}"/></a:solidFill>`;
}

function marker(color: string | undefined): string {
  const fill = color
    ? `<a:solidFill><a:srgbClr val="${hex(color)}"><a:alpha val="80000"/></a:srgbClr></a:solidFill>`
    : "";
  return `<c:marker><c:symbol val="circle"/><c:size val="${MARKER_SIZE}"/><c:spPr>${fill}<a:ln w="6350"><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:marker>`;
}

const GRIDLINES = `<c:majorGridlines><c:spPr><a:ln w="3175">${solidFill(PALETTE.gridline)}</a:ln></c:spPr></c:majorGridlines>`;

function valAx(
  id: number,
  cross: number,
  pos: "b" | "l",
  title: string,
  lang: string,
  bounds: AxisBounds,
  format: string,
): string {
  const log = bounds.logBase ? `<c:logBase val="${bounds.logBase}"/>` : "";
  const unit = bounds.step !== undefined ? `<c:majorUnit val="${num(bounds.step)}"/>` : "";
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling>${log}<c:orientation val="minMax"/><c:max val="${num(bounds.max)}"/><c:min val="${num(bounds.min)}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${pos}"/>${GRIDLINES}` +
    `<c:title>${richText(title, lang, 1000, true)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${esc(format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="min"/><c:crossBetween val="midCat"/>${unit}</c:valAx>`
  );
}

/** Where the plot sits inside the chart (fractions of the chart area), fixed so the corner labels land in its corners. */
const PLOT = { x: 0.1, y: 0.1, w: 0.86, h: 0.66 };

function chartSpace(
  lang: string,
  title: string,
  plotArea: string,
  legend: string,
  plotVisibleOnly: boolean,
  tail = "",
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:lang val="${lang}"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(title, lang, 1300, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea>${plotArea}</c:plotArea>${legend}<c:plotVisOnly val="${plotVisibleOnly ? 1 : 0}"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln>${solidFill(PALETTE.chartBorder)}</a:ln></c:spPr>` +
    `${tail}</c:chartSpace>`
  );
}

const LEGEND = `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>`;

export function scatterXml(plan: ScatterPlan, sheet: string, lang: string, shapesRelId: string | undefined): string {
  let series = "";
  let idx = 0;
  const data = (s: ScatterPlan["points"][number]) =>
    `<c:xVal>${numData(sheet, s.x, s.xValues)}</c:xVal><c:yVal>${numData(sheet, s.y, s.yValues)}</c:yVal><c:smooth val="0"/></c:ser>`;
  const head = (name: string) =>
    `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${esc(name)}</c:v></c:tx>`;
  for (const s of plan.points) {
    series += head(s.name) + `<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>${marker(s.color)}` + data(s);
    idx++;
  }
  for (const l of plan.lines) {
    series +=
      head(l.name) +
      `<c:spPr><a:ln w="15875">${solidFill(PALETTE.chartLine)}<a:prstDash val="dash"/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>` +
      data(l);
    idx++;
  }
  const layout =
    `<c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/>` +
    `<c:x val="${PLOT.x}"/><c:y val="${PLOT.y}"/><c:w val="${PLOT.w}"/><c:h val="${PLOT.h}"/></c:manualLayout></c:layout>`;
  const plotArea =
    `${layout}<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="500100"/><c:axId val="500200"/></c:scatterChart>` +
    valAx(500100, 500200, "b", plan.model.xTitle, lang, plan.x, plan.xFormat) +
    valAx(500200, 500100, "l", plan.model.yTitle, lang, plan.y, plan.yFormat);
  const helpers = [...plan.points, ...plan.lines].some((s) => s.helper);
  return chartSpace(
    lang,
    plan.model.title,
    plotArea,
    LEGEND,
    !helpers,
    shapesRelId ? `<c:userShapes r:id="${shapesRelId}"/>` : "",
  );
}

/** The corner labels as text boxes in the corners of the plot, or undefined when there are none. */
export function cornerShapesXml(corners: readonly CornerLabel[], lang: string): string | undefined {
  if (corners.length === 0) return undefined;
  const inset = 0.01;
  const w = 0.3;
  const h = 0.06;
  const shapes = corners
    .map((c, i) => {
      const x0 = c.side === "left" ? PLOT.x + inset : PLOT.x + PLOT.w - inset - w;
      const y0 = c.edge === "top" ? PLOT.y + inset : PLOT.y + PLOT.h - inset - h;
      return (
        `<cdr:relSizeAnchor><cdr:from><cdr:x>${x0.toFixed(4)}</cdr:x><cdr:y>${y0.toFixed(4)}</cdr:y></cdr:from>` +
        `<cdr:to><cdr:x>${(x0 + w).toFixed(4)}</cdr:x><cdr:y>${(y0 + h).toFixed(4)}</cdr:y></cdr:to>` +
        `<cdr:sp macro="" textlink=""><cdr:nvSpPr><cdr:cNvPr id="${i + 2}" name="Quadrant label ${i + 1}"/><cdr:cNvSpPr txBox="1"/></cdr:nvSpPr>` +
        `<cdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></cdr:spPr>` +
        `<cdr:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="ctr"/><a:lstStyle/>` +
        `<a:p><a:pPr algn="${c.side === "left" ? "l" : "r"}"/><a:r><a:rPr lang="${lang}" sz="1100" b="1">${solidFill(PALETTE.chartLine)}</a:rPr>` +
        `<a:t>${esc(c.text)}</a:t></a:r></a:p></cdr:txBody></cdr:sp></cdr:relSizeAnchor>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:userShapes xmlns:c="${NS_C}" xmlns:cdr="${NS_CDR}" xmlns:a="${NS_A}">${shapes}</c:userShapes>`;
}

/** The category labels of a bar or line chart: a reference to the table's cells with their cache. */
function categoryData(sheet: string, categories: BarPlan["categories"]): string {
  const cats = categories.labels;
  const strCache =
    `<c:ptCount val="${cats.length}"/>` + cats.map((c, i) => `<c:pt idx="${i}"><c:v>${esc(c)}</c:v></c:pt>`).join("");
  const catRef = esc(columnRange(sheet, categories.column, categories.row, categories.rows));
  return `<c:cat><c:strRef><c:f>${catRef}</c:f><c:strCache>${strCache}</c:strCache></c:strRef></c:cat>`;
}

function barSeriesXml(plan: BarPlan, sheet: string, lang: string): string {
  const cat = categoryData(sheet, plan.categories);
  return plan.series
    .map((s, idx) => {
      const negative = s.model.negativeColor;
      let dPts = "";
      if (negative)
        s.values.forEach((v, i) => {
          if (v < 0)
            dPts += `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solidFill(negative)}</c:spPr></c:dPt>`;
        });
      return (
        `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${esc(s.model.name)}</c:v></c:tx>` +
        `<c:spPr>${solidFill(s.color)}</c:spPr><c:invertIfNegative val="0"/>${dPts}` +
        `<c:dLbls><c:numFmt formatCode="${esc(plan.formats.label)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
        `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="${lang}"/></a:p></c:txPr>` +
        `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
        cat +
        `<c:val>${numData(sheet, s.cells, s.values)}</c:val></c:ser>`
      );
    })
    .join("");
}

export function barXml(plan: BarPlan, sheet: string, lang: string): string {
  const chart = plan.model;
  const horizontal = chart.horizontal === true;
  // Horizontal bars list the first row at the top: the category axis runs max to min and the
  // value axis crosses it at its maximum (the bottom).
  const catAx =
    `<c:catAx><c:axId val="500300"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/><c:title>${richText(chart.xTitle, lang, 1000, true)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="500400"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAxis =
    `<c:valAx><c:axId val="500400"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/>` +
    `${GRIDLINES}<c:title>${richText(chart.yTitle, lang, 1000, true)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${esc(plan.formats.axis)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500300"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`;
  const plotArea =
    `<c:layout/><c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${barSeriesXml(plan, sheet, lang)}` +
    `<c:gapWidth val="60"/><c:axId val="500300"/><c:axId val="500400"/></c:barChart>${catAx}${valAxis}`;
  return chartSpace(lang, chart.title, plotArea, plan.series.length > 1 ? LEGEND : "", true);
}

/** A line chart: one <c:lineChart> series per line with circle markers, blank cells as gaps. */
export function lineXml(plan: LinePlan, sheet: string, lang: string): string {
  const chart = plan.model;
  const cat = categoryData(sheet, plan.categories);
  const series = plan.series
    .map(
      (s, idx) =>
        `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${esc(s.model.name)}</c:v></c:tx>` +
        `<c:spPr><a:ln w="22225" cap="rnd">${solidFill(s.color)}<a:round/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="${MARKER_SIZE}"/><c:spPr>${solidFill(s.color)}<a:ln w="9525">${solidFill(s.color)}</a:ln></c:spPr></c:marker>` +
        cat +
        `<c:val>${numData(sheet, s.cells, s.values)}</c:val><c:smooth val="0"/></c:ser>`,
    )
    .join("");
  const catAx =
    `<c:catAx><c:axId val="500500"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="b"/><c:title>${richText(chart.xTitle, lang, 1000, true)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="500600"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAxis =
    `<c:valAx><c:axId val="500600"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `${GRIDLINES}<c:title>${richText(chart.yTitle, lang, 1000, true)}<c:overlay val="0"/></c:title>` +
    `<c:numFmt formatCode="${esc(plan.axisFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500500"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const plotArea =
    `<c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}` +
    `<c:marker val="1"/><c:axId val="500500"/><c:axId val="500600"/></c:lineChart>${catAx}${valAxis}`;
  return chartSpace(lang, chart.title, plotArea, LEGEND, true);
}

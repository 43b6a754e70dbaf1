/**
 * Report colours live in one place, src/report/layout/palette.ts: no report module, renderer or
 * helper under src/report outside layout/ writes a colour as a hex literal ("#FFC7CE", or the
 * ARGB "FFFFC7CE" of an .xlsx). And the named colours are the ones the reports used before the
 * move, so moving them changed no cell.
 */
import * as fs from "fs";
import * as path from "path";
import { FINDING_FILLS } from "../../src/report/audit/sheets";
import { BAR_COLORS, FILLS, HIGHLIGHTS, PALETTE, SERIES_COLORS } from "../../src/report/layout/palette";
import { QUADRANT_COLORS, QUADRANT_FILLS } from "../../src/report/quadrant/colors";
import { FLAG_COLORS, RED, RISK_FILLS } from "../../src/report/trends/colors";

const REPORT = path.join(__dirname, "..", "..", "src", "report");
const HEX = /#[0-9A-Fa-f]{6}\b|\bFF[0-9A-F]{6}\b/g;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return full === path.join(REPORT, "layout") ? [] : files(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

test("no hex colour literal in src/report outside layout/", () => {
  const all = files(REPORT);
  expect(all.length).toBeGreaterThan(50);
  const found = all.flatMap((f) =>
    fs
      .readFileSync(f, "utf8")
      .split("\n")
      .flatMap((line, i) => (line.match(HEX) ?? []).map((hex) => `${path.relative(REPORT, f)}:${i + 1} ${hex}`)),
  );
  expect(found).toEqual([]);
});

test("the pattern finds the literals it is meant to", () => {
  expect('fill: "#FFC7CE"'.match(HEX)).toEqual(["#FFC7CE"]);
  expect('argb: "FF9C0006"'.match(HEX)).toEqual(["FF9C0006"]);
  expect("GB11 FFT #12".match(HEX)).toBeNull();
});

test("the named colours are those the reports used (no cell changed colour)", () => {
  expect(HIGHLIGHTS.bad).toEqual({ fill: "#FFC7CE", font: "#9C0006" });
  expect(HIGHLIGHTS.good).toEqual({ fill: "#C6EFCE", font: "#006100" });
  expect(RED).toBe(HIGHLIGHTS.bad);
  expect(QUADRANT_FILLS).toEqual({
    strategic: "#C6EFCE",
    competitive: "#DDEBF7",
    suitable: "#FFEB9C",
    weak: "#FFC7CE",
    unclassified: "#EDEDED",
  });
  expect(QUADRANT_COLORS.suitable).toBe(SERIES_COLORS.amber);
  expect(SERIES_COLORS.amber).toBe("#E0A000");
  expect(FLAG_COLORS.high).toBe("#C62828");
  expect(RISK_FILLS).toEqual(["#EDEDED", "#C6EFCE", "#FFF2CC", "#FCE4D6", "#FFC7CE"]);
  expect(FINDING_FILLS.missingWeight).toBe(FILLS.orange);
  expect(FINDING_FILLS.onlyInAdjusted).toBe("#E2EFDA");
  expect(BAR_COLORS).toEqual({
    up: "#4472C4",
    down: "#C00000",
    points: "#5B9BD5",
    money: "#63BE7B",
    loss: "#C0504D",
    gain: "#70AD47",
  });
  expect(BAR_COLORS.down).toBe(PALETTE.warning);
});

/** The warning when a quadrant holds almost no group (src/report/quadrant/sparse.ts). */
import { DEFAULT_QUADRANT_SETTINGS } from "../../../src/report/quadrant/settings";
import { sparseQuadrants, sparseWarning } from "../../../src/report/quadrant/sparse";

const counts = (strategic: number, competitive: number, suitable: number, weak: number, unclassified = 0) => ({
  strategic,
  competitive,
  suitable,
  weak,
  unclassified,
});

describe("sparse quadrants", () => {
  test("the sample's split at y cut 0: competitive and weak are under 5%", () => {
    // 144 + 9 + 311 + 2 = 466 classified; 5% of 466 = 23.3: 9 and 2 are under it.
    const report = { quadrantCounts: counts(144, 9, 311, 2, 126), settings: { ...DEFAULT_QUADRANT_SETTINGS, yCut: 0 } };
    expect(sparseQuadrants(report)).toEqual(["competitive", "weak"]);
    expect(sparseWarning(report, "zh")).toBe(
      "提示：竞争病种 9、劣势病种 2 个病组，不足已分类病组的 5%，相应系数几乎不会发放；可考虑纵轴分界线改用全院贡献率。",
    );
    expect(sparseWarning(report, "en")).toMatch(/^Note: Competitive 9, Weak 2 groups, under 5% .* hospital's own rate\.$/);
  });

  test("the split at the hospital's rate has none; the boundary is strict", () => {
    // 77 + 76 + 232 + 81 = 466: all at or above 23.3.
    expect(sparseQuadrants({ quadrantCounts: counts(77, 76, 232, 81) })).toEqual([]);
    // 5 of 100 is exactly 5%: not under it; 4 is.
    expect(sparseQuadrants({ quadrantCounts: counts(5, 4, 45, 46) })).toEqual(["competitive"]);
  });

  test("at the hospital's rate it suggests the median; too few groups say nothing", () => {
    const report = { quadrantCounts: counts(50, 1, 49, 0), settings: DEFAULT_QUADRANT_SETTINGS };
    expect(sparseWarning(report, "en")).toMatch(/Competitive 1, Weak 0 groups.*median rate/);
    // 19 classified groups: one group is already over 5%, so no warning.
    expect(sparseWarning({ quadrantCounts: counts(10, 0, 9, 0), settings: DEFAULT_QUADRANT_SETTINGS }, "zh")).toBeUndefined();
  });
});

import fc from "fast-check";
import { internCodes } from "../../src/engine/codes";
import {
  isDiedValue,
  lowRiskMortality,
  readDied,
  riskLevelOfZ,
  riskLevels,
} from "../../src/engine/mortalityRisk";
import { CaseMixError } from "../../src/engine/text";

function failure(f: () => unknown): CaseMixError {
  try {
    f();
  } catch (e) {
    return e as CaseMixError;
  }
  throw new Error("did not fail");
}

/** Cases of a group: `n` rows, the first `d` of them died. */
function rows(spec: [string, number, number][]): { groups: string[]; died: number[] } {
  const groups: string[] = [];
  const died: number[] = [];
  for (const [code, n, d] of spec) {
    for (let i = 0; i < n; i++) {
      groups.push(code);
      died.push(i < d ? 1 : 0);
    }
  }
  return { groups, died };
}

describe("riskLevelOfZ: the cut points, exactly on their boundaries", () => {
  it("z = -1 is level 2, z = 0 level 3, z = 1 level 4", () => {
    expect(riskLevelOfZ(-1)).toBe(2);
    expect(riskLevelOfZ(0)).toBe(3);
    expect(riskLevelOfZ(-0)).toBe(3);
    expect(riskLevelOfZ(1)).toBe(4);
  });

  it("just below each cut point is the level under it", () => {
    expect(riskLevelOfZ(-1.000001)).toBe(1);
    expect(riskLevelOfZ(-0.000001)).toBe(2);
    expect(riskLevelOfZ(0.999999)).toBe(3);
  });

  it("a few ulps off a cut point still counts as on it (floating point of a hand-exact z)", () => {
    expect(riskLevelOfZ(-1 - 2.220446049250313e-16)).toBe(2); // -1 - ulp
    expect(riskLevelOfZ(-5e-17)).toBe(3);
    expect(riskLevelOfZ(0.9999999999999998)).toBe(4); // 1 - ulp
  });

  it("far values", () => {
    expect(riskLevelOfZ(-3)).toBe(1);
    expect(riskLevelOfZ(-0.5)).toBe(2);
    expect(riskLevelOfZ(0.5)).toBe(3);
    expect(riskLevelOfZ(2.5)).toBe(4);
  });
});

describe("riskLevels by hand", () => {
  it("mortalities 1/8, 1/4, 1/2 give z = -1, 0, 1 and a group without deaths level 0", () => {
    // GA: 8 cases 1 death, M = 1/8, ln M = -3L (L = ln 2 = 0.693147)
    // GB: 4 cases 1 death, M = 1/4, ln M = -2L
    // GC: 2 cases 1 death, M = 1/2, ln M = -L
    // GD: 3 cases 0 deaths: level 0, left out of the mean and SD
    // mean ln M = -2L; sample SD = sqrt((L^2 + 0 + L^2) / 2) = L; z = -1, 0, 1
    const data = rows([["GC", 2, 1], ["GA", 8, 1], ["GD", 3, 0], ["GB", 4, 1]]);
    const r = riskLevels({ groups: internCodes(data.groups), deaths: Float64Array.from(data.died) });
    expect(r.codes).toEqual(["GA", "GB", "GC", "GD"]);
    expect(Array.from(r.cases)).toEqual([8, 4, 2, 3]);
    expect(Array.from(r.deaths)).toEqual([1, 1, 1, 0]);
    expect(Array.from(r.mortality)).toEqual([0.125, 0.25, 0.5, 0]);
    expect(r.meanLn).toBeCloseTo(-2 * Math.LN2, 14);
    expect(r.sdLn).toBeCloseTo(Math.LN2, 14);
    expect(r.z[0]).toBeCloseTo(-1, 14);
    expect(Math.abs(r.z[1])).toBeLessThan(1e-14);
    expect(r.z[2]).toBeCloseTo(1, 14);
    expect(Number.isNaN(r.z[3])).toBe(true);
    expect(Array.from(r.level)).toEqual([2, 3, 4, 0]);
  });

  it("five groups spread over levels 1 to 4", () => {
    // M = 0.01, 0.02, 0.05, 0.1, 0.4 (100 cases each: 1, 2, 5, 10, 40 deaths)
    // ln M = -4.6052, -3.9120, -2.9957, -2.3026, -0.9163; mean -2.9464
    // deviations -1.6588, -0.9657, -0.0493, 0.6438, 2.0301; SS = 2.7516 + 0.9325 + 0.0024 + 0.4145 + 4.1214 = 8.2224
    // SD = sqrt(8.2224 / 4) = 1.4337; z = -1.157, -0.674, -0.034, 0.449, 1.416 -> levels 1, 2, 2, 3, 4
    const data = rows([["A1", 100, 1], ["A2", 100, 2], ["A3", 100, 5], ["A4", 100, 10], ["A5", 100, 40]]);
    const r = riskLevels({ groups: internCodes(data.groups), deaths: Float64Array.from(data.died) });
    expect(r.sdLn).toBeCloseTo(1.4337, 4);
    expect(r.z[0]).toBeCloseTo(-1.157, 3);
    expect(r.z[4]).toBeCloseTo(1.416, 3);
    expect(Array.from(r.level)).toEqual([1, 2, 2, 3, 4]);
  });

  it("no spread among the groups with deaths: z = 0, level 3", () => {
    const one = rows([["A", 10, 1], ["B", 5, 0]]);
    const r1 = riskLevels({ groups: internCodes(one.groups), deaths: Float64Array.from(one.died) });
    expect(Array.from(r1.level)).toEqual([3, 0]);
    expect(r1.z[0]).toBe(0);
    const same = rows([["A", 10, 1], ["B", 20, 2], ["C", 30, 3]]);
    const r2 = riskLevels({ groups: internCodes(same.groups), deaths: Float64Array.from(same.died) });
    expect(Array.from(r2.level)).toEqual([3, 3, 3]);
  });

  it("aggregated rows with counts; empty groups and zero counts are skipped and counted", () => {
    // A: rows (10 cases, 1 death) + (10, 1) = 20 cases 2 deaths; B: 5 cases 5 deaths; row with count 0 skipped
    const groups = internCodes(["A", "A", "B", "", "B"]);
    const r = riskLevels({ groups, deaths: Float64Array.of(1, 1, 5, 0, 0), counts: Float64Array.of(10, 10, 5, 3, 0) });
    expect(Array.from(r.cases)).toEqual([20, 5]);
    expect(Array.from(r.deaths)).toEqual([2, 5]);
    expect(r.skipped.emptyGroup).toBe(1);
    expect(r.skipped.noCases).toBe(1);
  });

  it("property: levels follow the order of mortality among groups with deaths", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 15 }),
        (spec) => {
          const data = rows(spec.map(([n, d], i) => [`G${String(i).padStart(2, "0")}`, n, Math.min(n, d)]));
          const r = riskLevels({ groups: internCodes(data.groups), deaths: Float64Array.from(data.died) });
          for (let a = 0; a < r.codes.length; a++) {
            if (r.deaths[a] === 0 && r.level[a] !== 0) return false;
            if (r.deaths[a] > 0 && r.level[a] === 0) return false;
            for (let b = 0; b < r.codes.length; b++) {
              if (r.deaths[a] > 0 && r.deaths[b] > 0 && r.mortality[a] < r.mortality[b] && r.level[a] > r.level[b]) return false;
            }
          }
          return true;
        },
      ),
    );
  });
});

describe("readDied", () => {
  it("flags: 1/0, TRUE/FALSE, 是/否, 死亡, words; blank is not a death", () => {
    expect(Array.from(readDied([1, 0, true, false, "是", "否", "死亡", "存活", "Y", "no", null, ""]).deaths)).toEqual([
      1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0,
    ]);
    expect(readDied([1, 0, 0]).encoding).toBe("flag");
    expect(Array.from(readDied(["1", "0"]).deaths)).toEqual([1, 0]);
  });

  it("a column holding 2, 3, 4, 5 or 9 is a discharge-way column: only 5 is death, 1 is not", () => {
    // 1 on medical advice, 2 transfer, 3 community, 4 against advice, 5 death, 9 other
    const r = readDied([1, 2, 3, 4, 5, 9, 1]);
    expect(r.encoding).toBe("dischargeWay");
    expect(Array.from(r.deaths)).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect(Array.from(readDied([1, 1, 5]).deaths)).toEqual([0, 0, 1]);
    expect(Array.from(readDied([1, 9]).deaths)).toEqual([0, 0]);
    expect(Array.from(readDied(["5", "1"]).deaths)).toEqual([1, 0]);
  });

  it("a column of only 0 and 1 is a flag column unless its header says 离院方式", () => {
    expect(Array.from(readDied([1, 0, 1]).deaths)).toEqual([1, 0, 1]);
    const r = readDied([1, 1, 1], { header: "离院方式" });
    expect(r.encoding).toBe("dischargeWay");
    expect(Array.from(r.deaths)).toEqual([0, 0, 0]);
    expect(readDied([1], { header: "是否死亡" }).encoding).toBe("flag");
  });

  it("coded text such as 5.死亡 and named discharge ways", () => {
    const r = readDied(["1.医嘱离院", "5.死亡", "2 医嘱转院", "医嘱离院", "死亡", 1]);
    expect(Array.from(r.deaths)).toEqual([0, 1, 0, 0, 1, 0]);
    expect(r.encoding).toBe("dischargeWay");
  });

  it("bad values name the argument and the row", () => {
    expect(failure(() => readDied([0, "maybe"], { firstRow: 2 })).text.en).toBe(
      'died row 3: "maybe" is not a died value (1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code 5)',
    );
    expect(failure(() => readDied([0, 6])).text.en).toMatch(/^died row 2: "6" is not a died value/);
    // 0 with a discharge-way code is not a death, not an error (Excel hands some empty cells over as 0)
    expect(Array.from(readDied([0, 2]).deaths)).toEqual([0, 0]);
    expect(failure(() => readDied([5, 7])).text.en).toMatch(/^died row 2: "7" is not a discharge-way code/);
    expect(failure(() => readDied([5, 7])).text.zh).toMatch(/^died 第 2 行："7" 不是离院方式代码/);
    expect(failure(() => readDied([0.5])).kind).toBe("value");
  });

  it("with counts the column holds deaths per row", () => {
    const r = readDied([0, 3, 5, null], { counts: [10, 3, 8, 2] });
    expect(r.encoding).toBe("count");
    expect(Array.from(r.deaths)).toEqual([0, 3, 5, 0]);
    expect(failure(() => readDied([4], { counts: [3] })).text.en).toBe("died row 1: 4 deaths but the row has only 3 cases");
    expect(failure(() => readDied(["死亡"], { counts: [3] })).text.en).toMatch(/not a number of deaths/);
  });

  it("isDiedValue tells data from a header", () => {
    expect(isDiedValue("死亡")).toBe(true);
    expect(isDiedValue(5)).toBe(true);
    expect(isDiedValue("离院方式")).toBe(false);
    expect(isDiedValue("是否死亡")).toBe(false);
  });
});

describe("lowRiskMortality", () => {
  // Levels from the hand example above: GA 2, GB 3, GC 4, GD 0; plus five groups for level 1.
  const benchmark = rows([["A1", 100, 1], ["A2", 100, 2], ["A3", 100, 5], ["A4", 100, 10], ["A5", 100, 40]]);
  const levels = riskLevels({ groups: internCodes(benchmark.groups), deaths: Float64Array.from(benchmark.died) });
  // A1 is the only level-1 group.

  it("counts deaths and cases in level-1 groups only", () => {
    // unit: A1 x 4 (1 death), A5 x 3 (2 deaths), ZZ x 2 (unknown to the benchmark)
    // low-risk: cases 4, deaths 1, rate 1 / 4 = 0.25; ZZ's 2 cases have no level
    const unit = rows([["A1", 4, 1], ["A5", 3, 2], ["ZZ", 2, 0]]);
    const r = lowRiskMortality({ groups: internCodes(unit.groups), deaths: Float64Array.from(unit.died) }, levels);
    expect(r.overall).toEqual({ key: "", cases: 4, deaths: 1, rate: 0.25 });
    expect(r.casesWithoutLevel).toBe(2);
  });

  it("by unit: units without level-1 cases have rate NaN", () => {
    // 内科: A1 x 2 (1 death) -> 1/2; 外科: A1 x 3 (0 deaths) -> 0/3 = 0; 儿科: A5 only -> no level-1 cases
    const groups = internCodes(["A1", "A1", "A1", "A1", "A1", "A5"]);
    const by = internCodes(["内科", "外科", "内科", "外科", "外科", "儿科"], (v) => String(v));
    const r = lowRiskMortality({ groups, deaths: Float64Array.of(1, 0, 0, 0, 0, 1), by }, levels);
    expect(r.rows!.map((x) => x.key)).toEqual(["儿科", "内科", "外科"]);
    expect(r.rows![1]).toEqual({ key: "内科", cases: 2, deaths: 1, rate: 0.5 });
    expect(r.rows![2]).toEqual({ key: "外科", cases: 3, deaths: 0, rate: 0 });
    expect(r.rows![0].cases).toBe(0);
    expect(Number.isNaN(r.rows![0].rate)).toBe(true);
    expect(r.overall.rate).toBeCloseTo(1 / 5, 15);
  });

  it("levels from the data itself", () => {
    const data = rows([["A1", 100, 1], ["A2", 100, 2], ["A3", 100, 5], ["A4", 100, 10], ["A5", 100, 40]]);
    const groups = internCodes(data.groups);
    const deaths = Float64Array.from(data.died);
    const r = lowRiskMortality({ groups, deaths }, riskLevels({ groups, deaths }));
    // A1 is level 1: 100 cases, 1 death
    expect(r.overall).toEqual({ key: "", cases: 100, deaths: 1, rate: 0.01 });
  });
});

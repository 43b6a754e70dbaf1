import fc from "fast-check";
import { internCodes } from "../../src/engine/codes";
import {
  decideDiedKinds,
  isDiedValue,
  lowRiskMortality,
  readDied,
  readDiedColumns,
  riskLevelOfZ,
  riskLevels,
} from "../../src/engine/mortalityRisk";
import { levelsFromList, levelsFromTable, riskLevelOfCell } from "../../src/engine/riskLevelTable";
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

describe("the died encoding, decided once per call (issue 16, item 5)", () => {
  it("a headerless column of only 1s is an error asking for the encoding, not 100% mortality", () => {
    // five GB11 cases, 离院方式 filled down as 1 (discharged on medical advice): before the
    // fix this read as a died flag, 5 deaths out of 5
    const e = failure(() => readDied([1, 1, 1, 1, 1], { kindOption: "died_kind" }));
    expect(e.kind).toBe("value");
    expect(e.text.en).toBe(
      'died: every value is 1, which is a death as a died flag (100% mortality) but discharge on medical advice as a discharge-way code (离院方式, no death); give died_kind ("flag" or "discharge_way"), or include the column\'s header (是否死亡 or 离院方式) in the range',
    );
    expect(e.text.zh).toMatch(
      /^died：所有值都是 1，按死亡标志读为死亡（死亡率 100%），按离院方式代码读为医嘱离院（无死亡），无法判断；请提供 died_kind/,
    );
    // blanks do not settle it (survivors of a 是否死亡 column are often left blank, and so is padding)
    expect(failure(() => readDied([1, null, "", 1], { argName: "离院", firstRow: 2 })).text.en).toMatch(
      /^离院: every value is 1, .*; name the column 是否死亡 \(a died flag\) or 离院方式 \(a discharge-way code\)$/,
    );
  });

  it("the kind, when given, overrides the header and the values", () => {
    expect(Array.from(readDied([1, 1, 1], { kind: "flag" }).deaths)).toEqual([1, 1, 1]);
    const way = readDied([1, 1, 1], { kind: "dischargeWay", header: "是否死亡" });
    expect(way.encoding).toBe("dischargeWay");
    expect(Array.from(way.deaths)).toEqual([0, 0, 0]);
    // a flag column read as discharge way still rejects what is no discharge-way code
    expect(failure(() => readDied([1, 7], { kind: "dischargeWay" })).text.en).toMatch(
      /^died row 2: "7" is not a discharge-way code/,
    );
  });

  it("headers: 离院方式, 出院方式, LYFS say discharge way; 是否死亡, 死亡, died say flag", () => {
    for (const header of ["离院方式", "离院方式代码", "出院方式", "lyfs", "Discharge Way"]) {
      expect(readDied([1, 1], { header }).encoding).toBe("dischargeWay");
    }
    for (const header of ["是否死亡", "死亡", "Died", "death flag"]) {
      expect(readDied([1, 1], { header }).encoding).toBe("flag");
    }
    // a discharge-way code still makes a column headed 死亡 a discharge-way column (5 died, 1 not)
    expect(Array.from(readDied([1, 5], { header: "死亡" }).deaths)).toEqual([0, 1]);
  });

  it("0 beside 1, or a flag word, says flag; a discharge-way name says discharge way", () => {
    expect(readDied([1, 0, 1]).encoding).toBe("flag");
    expect(Array.from(readDied([1, "否", 1]).deaths)).toEqual([1, 0, 1]);
    expect(Array.from(readDied([1, "医嘱离院", "死亡"]).deaths)).toEqual([0, 0, 1]);
    // no 1 at all reads the same either way
    expect(Array.from(readDied([0, null, "否"]).deaths)).toEqual([0, 0, 0]);
  });

  it("the data's and the benchmark's columns are decided together", () => {
    // data: 1, 1 (all on medical advice); benchmark: 1, 5, 2 holds discharge-way codes, so the
    // data is discharge way too: 0 deaths (was 2 of 2)
    const [data, bench] = readDiedColumns([
      { values: [1, 1], argName: "died" },
      { values: [1, 5, 2], argName: "benchmark_died" },
    ]);
    expect(data.encoding).toBe("dischargeWay");
    expect(Array.from(data.deaths)).toEqual([0, 0]);
    expect(Array.from(bench.deaths)).toEqual([0, 1, 0]);
    // a benchmark of 0/1 flags makes the data a flag column: both died
    expect(Array.from(readDiedColumns([{ values: [1, 1] }, { values: [0, 1, 0] }])[0].deaths)).toEqual([1, 1]);
    // a benchmark headed 是否死亡 too
    expect(readDiedColumns([{ values: [1] }, { values: [1], header: "是否死亡" }])[0].encoding).toBe("flag");
    // two columns of only 1s: nothing decides; the message names the column
    expect(
      failure(() => readDiedColumns([{ values: [0, 0] }, { values: [1], argName: "benchmark_died" }])).text.en,
    ).toMatch(/^benchmark_died: every value is 1/);
    // columns that decide for themselves keep their own reading
    const [flags, ways] = readDiedColumns([{ values: [1, 0] }, { values: [1, 5] }]);
    expect([flags.encoding, ways.encoding]).toEqual(["flag", "dischargeWay"]);
    // a column read earlier in the same call (the command line's benchmark file) settles it as well
    expect(readDied([1, 1], { alongside: ["dischargeWay"] }).encoding).toBe("dischargeWay");
    expect(decideDiedKinds([{ values: [1] }, { values: [2] }])).toEqual(["dischargeWay", "dischargeWay"]);
    // a count column (with counts) is outside the decision
    const [counted, ones] = readDiedColumns([
      { values: [3], counts: [10] },
      { values: [1], header: "离院方式" },
    ]);
    expect([counted.encoding, Array.from(counted.deaths), ones.encoding]).toEqual(["count", [3], "dischargeWay"]);
  });

  it("property: the rule, on any column of 0, 1, 2, 5, 9, blank, 是, 否", () => {
    const cell = fc.constantFrom<unknown>(0, 1, 2, 5, 9, null, "是", "否");
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (cells) => {
        const has = (v: unknown) => cells.includes(v);
        const count = (v: unknown) => cells.filter((c) => c === v).length;
        const way = has(2) || has(5) || has(9);
        const flag = has("是") || has("否") || (has(0) && has(1));
        if (!way && !flag && has(1)) {
          expect(failure(() => readDied(cells)).text.en).toMatch(/every value is 1/);
          return;
        }
        const r = readDied(cells);
        expect(r.encoding).toBe(way ? "dischargeWay" : "flag");
        // discharge way: 5 and 是 are deaths; flag: 1 and 是
        const deaths = Array.from(r.deaths).reduce((a, b) => a + b, 0);
        expect(deaths).toBe(count("是") + (way ? count(5) : count(1)));
      }),
    );
  });
});

describe("riskLevelOfCell", () => {
  it("reads 0..4, 1级, level 1 and the level words of published tables", () => {
    expect(
      [0, 1, 4, "3", "1级", "Level 2", "低风险", "低风险组", "中低风险", "中高", "高风险", "high"].map(riskLevelOfCell),
    ).toEqual([0, 1, 4, 3, 1, 2, 1, 1, 2, 3, 4, 4]);
    expect([5, 1.5, -1, "风险等级", "", null, true].map(riskLevelOfCell)).toEqual(Array(7).fill(undefined));
  });
});

describe("levelsFromTable and levelsFromList stand in for computed levels", () => {
  // cases: GB11 x 4 (1 died), ES21 x 2 (1 died), ZZ19 x 1 (0 died)
  const groups = internCodes(["GB11", "GB11", "GB11", "GB11", "ES21", "ES21", "ZZ19"]);
  const deaths = Float64Array.of(1, 0, 0, 0, 1, 0, 0);

  it("a table: GB11 level 1, ES21 level 3 -> 1 / 4; ZZ19 has no level", () => {
    // low-risk: GB11 only, 4 cases 1 death = 0.25; ZZ19's 1 case is not in the table
    const levels = levelsFromTable([" gb11 ", "ES21", "", "FR25"], ["低风险", 3, 1, ""]);
    expect(Array.from(levels.level)).toEqual([1, 3]);
    const r = lowRiskMortality({ groups, deaths }, levels);
    expect(r.overall).toEqual({ key: "", cases: 4, deaths: 1, rate: 0.25 });
    expect(r.casesWithoutLevel).toBe(1);
  });

  it("a list of the low-risk groups: unlisted groups are known not to be low-risk", () => {
    // GB11 and ES21 listed: 6 cases 2 deaths = 1/3; ZZ19 is not low-risk, not "without level"
    const r = lowRiskMortality({ groups, deaths }, levelsFromList(["GB11", "es21", "GB11", null]));
    expect(r.overall.cases).toBe(6);
    expect(r.overall.deaths).toBe(2);
    expect(r.overall.rate).toBeCloseTo(1 / 3, 15);
    expect(r.casesWithoutLevel).toBe(0);
  });

  it("a bad level or a group listed with two levels is an error naming the row", () => {
    expect(failure(() => levelsFromTable(["GB11", "ES21"], [1, "x"], { firstRow: 2 })).text.en).toBe(
      'levels row 3: "x" is not a risk level (0 to 4, or 低风险, 中低风险, 中高风险, 高风险)',
    );
    expect(failure(() => levelsFromTable(["GB11", "gb11"], [1, 2])).text.zh).toBe(
      "levels 第 2 行：GB11 的等级为 2，而第 1 行为 1",
    );
    // the same level twice is fine
    expect(levelsFromTable(["GB11", "gb11"], [1, "1级"]).index.size).toBe(1);
  });
});

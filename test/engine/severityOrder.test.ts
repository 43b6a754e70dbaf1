import {
  chsSeverity,
  msSeverity,
  RANK_CC,
  RANK_MCC,
  RANK_NONE,
  RANK_UNORDERED,
  severityOf,
} from "../../src/engine/severityOrder";
import { loadCms } from "../helpers/cmsData";

describe("chsSeverity", () => {
  test("the fourth character orders 1 (MCC) > 3 (CC) > 5 (none) inside the ADRG", () => {
    expect(chsSeverity("GB11")).toEqual({ system: "chs", family: "GB1", rank: RANK_MCC, level: "1" });
    expect(chsSeverity("GB13")).toEqual({ system: "chs", family: "GB1", rank: RANK_CC, level: "3" });
    expect(chsSeverity("GB15")).toEqual({ system: "chs", family: "GB1", rank: RANK_NONE, level: "5" });
    expect(RANK_MCC > RANK_CC && RANK_CC > RANK_NONE && RANK_NONE > RANK_UNORDERED).toBe(true);
  });

  test("7, 9, local letters and longer local codes belong to the ADRG but are not ordered", () => {
    for (const code of ["GB17", "GB19", "BV2A", "BY2B"]) {
      const s = chsSeverity(code)!;
      expect(s.rank).toBe(RANK_UNORDERED);
      expect(s.family).toBe(code.slice(0, 3));
    }
    expect(chsSeverity("ES21A")).toEqual({ system: "chs", family: "ES2", rank: RANK_UNORDERED, level: "1A" });
  });

  test("codes are normalized first (spaces, case, full-width)", () => {
    expect(chsSeverity(" ｊｒ１１ ")).toEqual({ system: "chs", family: "JR1", rank: RANK_MCC, level: "1" });
    expect(chsSeverity("jr15")!.rank).toBe(RANK_NONE);
  });

  test("what is not a CHS-DRG code gives undefined", () => {
    for (const v of ["GB1", "193", "193 - SIMPLE PNEUMONIA & PLEURISY W MCC", "C34.9", "1GB1", "", null, 0]) {
      expect(chsSeverity(v)).toBeUndefined();
    }
  });
});

describe("msSeverity", () => {
  test("the CMS name words: W MCC > W CC (W CC/MCC) > W/O CC/MCC (W/O MCC)", () => {
    expect(msSeverity("193 - SIMPLE PNEUMONIA & PLEURISY W MCC")).toEqual({
      system: "ms",
      family: "SIMPLE PNEUMONIA & PLEURISY",
      rank: RANK_MCC,
      level: "W MCC",
    });
    expect(msSeverity("194 - SIMPLE PNEUMONIA & PLEURISY W CC")!.rank).toBe(RANK_CC);
    expect(msSeverity("195 - SIMPLE PNEUMONIA & PLEURISY W/O CC/MCC")!.rank).toBe(RANK_NONE);
    expect(msSeverity("202 - BRONCHITIS & ASTHMA W CC/MCC")).toMatchObject({ family: "BRONCHITIS & ASTHMA", rank: RANK_CC, level: "W CC/MCC" });
    expect(msSeverity("203 - BRONCHITIS & ASTHMA W/O CC/MCC")).toMatchObject({ family: "BRONCHITIS & ASTHMA", rank: RANK_NONE });
    expect(msSeverity("603 - CELLULITIS W/O MCC")).toMatchObject({ family: "CELLULITIS", rank: RANK_NONE, level: "W/O MCC" });
  });

  test("the family is the text after the code minus the last severity words", () => {
    // The earlier "W/O MV 96+ HOURS" and "W O.R." are part of the family, not severity words.
    expect(msSeverity("871 - SEPTICEMIA OR SEVERE SEPSIS W/O MV 96+ HOURS W MCC")!.family).toBe(
      "SEPTICEMIA OR SEVERE SEPSIS W/O MV 96+ HOURS",
    );
    expect(msSeverity("853 - INFECTIOUS & PARASITIC DISEASES W O.R. PROCEDURE W MCC")!.family).toBe(
      "INFECTIOUS & PARASITIC DISEASES W O.R. PROCEDURE",
    );
    expect(msSeverity("418 - LAPAROSCOPIC CHOLECYSTECTOMY W/O C.D.E. W CC")!.family).toBe(
      "LAPAROSCOPIC CHOLECYSTECTOMY W/O C.D.E.",
    );
    // Without the code prefix, in lower case, with extra spaces: the same family.
    expect(msSeverity("  simple  pneumonia & pleurisy   w cc ")!.family).toBe("SIMPLE PNEUMONIA & PLEURISY");
  });

  test("an alternative criterion after the words keeps their level (246 vs 247)", () => {
    const a = msSeverity("246 - PERC CARDIOVASC PROC W DRUG-ELUTING STENT W MCC OR 4+ VESSELS/STENTS")!;
    const b = msSeverity("247 - PERC CARDIOVASC PROC W DRUG-ELUTING STENT W/O MCC")!;
    expect(a).toMatchObject({ family: "PERC CARDIOVASC PROC W DRUG-ELUTING STENT", rank: RANK_MCC });
    expect(b).toMatchObject({ family: a.family, rank: RANK_NONE });
  });

  test("WITH / WITHOUT (the spelling of later CMS tables) read as W / W/O", () => {
    expect(msSeverity("193 SIMPLE PNEUMONIA AND PLEURISY WITH MCC")).toMatchObject({ rank: RANK_MCC, level: "W MCC" });
    expect(msSeverity("195 SIMPLE PNEUMONIA AND PLEURISY WITHOUT CC/MCC")).toMatchObject({
      rank: RANK_NONE,
      level: "W/O CC/MCC",
    });
  });

  test("names without severity words give undefined", () => {
    for (const v of ["069 - TRANSIENT ISCHEMIA", "870 - SEPTICEMIA OR SEVERE SEPSIS W MV 96+ HOURS", "MCC", "", 5, null]) {
      expect(msSeverity(v)).toBeUndefined();
    }
  });
});

describe("severityOf", () => {
  test("a CHS-DRG code wins over its name; then the name; then the code as a name", () => {
    expect(severityOf("GB11", "胃切除术，伴严重并发症或合并症")!.system).toBe("chs");
    expect(severityOf("193", "SIMPLE PNEUMONIA & PLEURISY W MCC")).toMatchObject({ system: "ms", rank: RANK_MCC });
    expect(severityOf("193 - SIMPLE PNEUMONIA & PLEURISY W MCC")).toMatchObject({ system: "ms", rank: RANK_MCC });
    expect(severityOf("069 - TRANSIENT ISCHEMIA")).toBeUndefined();
  });

  test("the CMS top-100 file: families read from the DRG definitions", () => {
    const drgs = [...new Set(loadCms().drg)].sort();
    expect(drgs).toHaveLength(100);
    const families = new Map<string, string[]>();
    for (const d of drgs) {
      const s = severityOf(d);
      if (!s || s.rank === RANK_UNORDERED) continue;
      const list = families.get(s.family) ?? [];
      list.push(`${d.slice(0, 3)}:${s.rank}`);
      families.set(s.family, list);
    }
    // Read off the list of definitions (see SOURCES.md): three-level and two-level families.
    expect(families.get("SIMPLE PNEUMONIA & PLEURISY")).toEqual(["193:3", "194:2", "195:1"]);
    expect(families.get("ACUTE MYOCARDIAL INFARCTION, DISCHARGED ALIVE")).toEqual(["280:3", "281:2", "282:1"]);
    expect(families.get("PERC CARDIOVASC PROC W DRUG-ELUTING STENT")).toEqual(["246:3", "247:1"]);
    expect(families.get("SEPTICEMIA OR SEVERE SEPSIS W/O MV 96+ HOURS")).toEqual(["871:3", "872:1"]);
    // Counted by hand on the sorted list of the 100 definitions: 29 families have two or three
    // members (064-066, 177-178, 190-192, 193-195, 202-203, 243-244, 246-247, 252-254,
    // 280-282, 286-287, 291-293, 300-301, 308-310, 314-315, 329-330, 377-379, 389-390,
    // 391-392, 418-419, 469-470, 480-482, 602-603, 640-641, 682-684, 689-690, 698-699,
    // 811-812, 871-872, 917-918).
    const multi = [...families.values()].filter((l) => l.length >= 2);
    expect(multi.map((l) => l[0].slice(0, 3)).sort()).toEqual(
      ["064", "177", "190", "193", "202", "243", "246", "252", "280", "286", "291", "300", "308", "314", "329",
        "377", "389", "391", "418", "469", "480", "602", "640", "682", "689", "698", "811", "871", "917"],
    );
  });
});

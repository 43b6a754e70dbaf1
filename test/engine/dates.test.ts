import { monthOf, periodKey, quarterOf, yearOf } from "../../src/engine/dates";

describe("yearOf", () => {
  it("keeps plain years", () => {
    expect(yearOf(2024)).toBe("2024");
    expect(yearOf("2022")).toBe("2022");
  });
  it("reads Excel date serials", () => {
    // Serial 45356: 45356 days after 1899-12-30 is 2024-03-05; serial 44927 is 2023-01-01,
    // 44926 is 2022-12-31 (the last day of the year before).
    expect(yearOf(45356)).toBe("2024");
    expect(yearOf(44927)).toBe("2023");
    expect(yearOf(44926)).toBe("2022");
    expect(yearOf(44926.75)).toBe("2022");
  });
  it("reads dates written as text", () => {
    expect(yearOf("2024-03-05")).toBe("2024");
    expect(yearOf("2024/3/5 10:22")).toBe("2024");
    expect(yearOf("2023年3月5日")).toBe("2023");
    expect(yearOf("２０２１年度")).toBe("2021");
  });
  it("leaves other keys as they are and blanks empty", () => {
    expect(yearOf("FY2011")).toBe("FY2011");
    expect(yearOf(null)).toBe("");
    expect(yearOf("")).toBe("");
  });
});

describe("monthOf and quarterOf", () => {
  it("read Excel date serials (the time of day dropped)", () => {
    // 45356 is 2024-03-05 (see yearOf); 44926 is 2022-12-31, 44927 is 2023-01-01.
    expect(monthOf(45356)).toBe("2024-03");
    expect(quarterOf(45356)).toBe("2024Q1");
    expect(monthOf(44926.75)).toBe("2022-12");
    expect(quarterOf(44926)).toBe("2022Q4");
    expect(monthOf(44927)).toBe("2023-01");
  });
  it("read ISO, slashed, dotted, Chinese and yyyymmdd dates", () => {
    expect(monthOf("2024-03-05")).toBe("2024-03");
    expect(monthOf("2024/3/5 10:22")).toBe("2024-03");
    expect(monthOf("2024.11.30")).toBe("2024-11");
    expect(monthOf("2024年8月1日")).toBe("2024-08");
    expect(quarterOf("2024年8月1日")).toBe("2024Q3");
    expect(monthOf(20240715)).toBe("2024-07");
    expect(monthOf("20241005")).toBe("2024-10");
    expect(quarterOf("2024-10-05")).toBe("2024Q4");
    expect(quarterOf("2024-06-30")).toBe("2024Q2");
  });
  it("read Date objects in UTC", () => {
    expect(monthOf(new Date(Date.UTC(2023, 8, 30)))).toBe("2023-09");
    expect(quarterOf(new Date(Date.UTC(2023, 8, 30)))).toBe("2023Q3");
  });
  it("give blank for blank cells and undefined for what is not a date with a month", () => {
    expect(monthOf("")).toBe("");
    expect(monthOf(null)).toBe("");
    expect(quarterOf(undefined)).toBe("");
    expect(monthOf("不详")).toBeUndefined();
    expect(monthOf(2024)).toBeUndefined();
    expect(monthOf("2024-13-01")).toBeUndefined();
    expect(quarterOf(20241305)).toBeUndefined();
    expect(monthOf(new Date(NaN))).toBeUndefined();
  });
});

describe("periodKey", () => {
  it("keeps periods as written, years and yyyymm numbers included", () => {
    expect(periodKey("2024上半年")).toBe("2024上半年");
    expect(periodKey(" 2024Q1 ")).toBe("2024Q1");
    expect(periodKey(2024)).toBe("2024");
    expect(periodKey(202403)).toBe("202403");
    expect(periodKey("")).toBe("");
  });
  it("turns a date (a Date or an Excel serial, as a date-formatted cell gives it) into its month", () => {
    // 45356 is 2024-03-05; 202413 is no yyyymm (month 13), so it is a serial: day 202413 after
    // 1899-12-30 falls in 2454-03 (202413 / 365.2425 = 554.2 years).
    expect(periodKey(45356)).toBe("2024-03");
    expect(periodKey(new Date(Date.UTC(2024, 2, 5)))).toBe("2024-03");
    expect(periodKey(202413)).toBe("2454-03");
  });
});

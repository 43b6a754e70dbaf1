import { yearOf } from "../../src/engine/dates";

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

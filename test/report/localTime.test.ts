import fc from "fast-check";
import { localTimeText, machineOffset, zoneText } from "../../src/report/localTime";

describe("localTimeText", () => {
  const t = new Date("2026-12-02T05:41:01.698Z");

  test("Beijing, UTC, west of UTC, half hours and the date rolling over", () => {
    // 05:41 UTC + 8 h = 13:41 the same day.
    expect(localTimeText(t, 480)).toBe("2026-12-02 13:41 (UTC+8)");
    expect(localTimeText(t, 0)).toBe("2026-12-02 05:41 (UTC)");
    // 05:41 − 6 h = 23:41 the day before.
    expect(localTimeText(t, -360)).toBe("2026-12-01 23:41 (UTC-6)");
    // 05:41 + 5:30 = 11:11; 05:41 − 3:30 = 02:11.
    expect(localTimeText(t, 330)).toBe("2026-12-02 11:11 (UTC+5:30)");
    expect(localTimeText(t, -210)).toBe("2026-12-02 02:11 (UTC-3:30)");
    // 23:59 UTC on 31 December + 8 h: the next year.
    expect(localTimeText(new Date("2025-12-31T23:59:00Z"), 480)).toBe("2026-01-01 07:59 (UTC+8)");
  });

  test("a bad date or offset is an error, never NaN text", () => {
    expect(() => localTimeText(new Date("x"), 480)).toThrow(/invalid date/);
    expect(() => localTimeText(t, 8.5)).toThrow(/offset 8.5/);
    expect(() => localTimeText(t, 24 * 60)).toThrow(/18 hours/);
  });

  test("the machine's offset is minutes east of UTC", () => {
    expect(machineOffset(t)).toBe(-t.getTimezoneOffset() || 0);
  });

  test("property: the shown minutes are the UTC minutes shifted by the offset", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -18 * 60, max: 18 * 60 }), (ms, offset) => {
        const text = localTimeText(new Date(ms), offset);
        const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d) \((.+)\)$/.exec(text)!;
        expect(m[6]).toBe(zoneText(offset));
        const shown = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
        expect(shown).toBe(Math.floor((ms + offset * 60_000) / 60_000) * 60_000);
      }),
    );
  });
});

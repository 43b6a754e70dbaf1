/**
 * Times as a report shows them: in the reader's local time with the zone, `2026-12-02 13:41
 * (UTC+8)`, where the JSON keeps ISO UTC. The offset is a parameter so that a test gives a fixed
 * one; a report takes the machine's (the taskpane runs in the user's browser, so the user's).
 */

/** Minutes east of UTC of the machine at `time` (Beijing: 480); Date#getTimezoneOffset is west. */
export function machineOffset(time: Date): number {
  const west = time.getTimezoneOffset();
  return west === 0 ? 0 : -west;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The zone of an offset in minutes east of UTC: UTC+8, UTC-3:30, UTC. */
export function zoneText(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes > 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${pad(minutes)}` : ""}`;
}

/**
 *     localTimeText(new Date("2026-12-02T05:41:01Z"), 480)   // "2026-12-02 13:41 (UTC+8)"
 */
export function localTimeText(time: Date, offsetMinutes: number): string {
  if (!Number.isFinite(time.getTime())) throw new RangeError("localTimeText: an invalid date");
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60)
    throw new RangeError(`localTimeText: offset ${offsetMinutes} is not whole minutes within ±18 hours`);
  const local = new Date(time.getTime() + offsetMinutes * 60_000);
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  return `${date} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())} (${zoneText(offsetMinutes)})`;
}

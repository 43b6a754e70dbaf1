/** What the sections of the trends report share: the answer for a section the data cannot give. */
import { Unavailable } from "./types";

export function unavailable(en: string, zh: string): Unavailable {
  return { available: false, reason: { en, zh } };
}

/**
 * Looking up a word the user typed (an option, a rule key, a model or column name) in a table
 * of known words written as an object literal. `table[word]` would also find what every object
 * inherits: `constructor`, `toString`, `__proto__`... so CURVE_FIT(x, y, "constructor") got a
 * function for a model and the rule `constructor=1` passed as known. Only the table's own
 * entries count here.
 *
 *     lookupWord({ log: "logsd" }, "log")          // "logsd"
 *     lookupWord({ log: "logsd" }, "constructor")  // undefined
 */
export function lookupWord<T>(table: Readonly<Record<string, T>>, word: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, word) ? table[word] : undefined;
}

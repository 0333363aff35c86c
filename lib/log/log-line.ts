// One JSON object per line on stdout: what a log shipper (or `jq`) reads without a
// parser of ours. Logging must never take a request down with it, so a value that
// JSON cannot hold (a cycle, a BigInt, a throwing getter) is written as a marker instead.

export type LogLevel = "debug" | "info" | "warn" | "error";

/** The line logLine writes, without the newline; exported for tests and for callers that ship lines elsewhere. */
export function formatLogLine(fields: Record<string, unknown>, now: Date = new Date()): string {
  const record = { time: now.toISOString(), level: "info", ...fields };
  try {
    return JSON.stringify(record, safeReplacer());
  } catch (error) {
    // A throwing toJSON or getter: keep the line, name what went wrong.
    return JSON.stringify({ time: record.time, level: "error", msg: "log line could not be serialized", reason: String(error) });
  }
}

/** Writes ONE JSON line to stdout: `time` (ISO), `level` ("info" unless given), then the fields. Never throws. */
export function logLine(fields: Record<string, unknown>): void {
  try {
    process.stdout.write(`${formatLogLine(fields)}\n`);
  } catch {
    // stdout closed (EPIPE) or similar: nothing useful left to do with the line.
  }
}

// Ancestors, not every object seen: a value referenced twice side by side is not a cycle.
function safeReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = [];
  return function replace(this: unknown, _key: string, value: unknown) {
    if (typeof value === "bigint") return value.toString();
    if (value instanceof Error) {
      const { name, message, stack } = value;
      const code = (value as { code?: unknown }).code;
      value = { name, message, ...(code === undefined ? {} : { code }), stack };
    }
    if (typeof value !== "object" || value === null) return value;
    // `this` is the object holding the key: drop ancestors that are no longer on the path.
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
    if (ancestors.includes(value)) return "[Circular]";
    ancestors.push(value);
    return value;
  };
}

// Numbers in messages, formatted the same in every runtime (no Intl, whose output
// depends on the locale and the ICU build): the verdict must be byte-for-byte stable.

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 36000 -> "36,000"; 42.105 -> "42.1"; 1.0214 -> "1.02"; 0.5 -> "0.5". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? "unbounded" : "-unbounded";
  const sign = value < 0 ? "-" : "";
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return sign + group(String(Math.round(magnitude)));
  const decimals = magnitude >= 10 ? 1 : 2;
  const fixed = magnitude.toFixed(decimals).replace(/\.?0+$/, "");
  return sign + (fixed === "" ? "0" : fixed);
}

/** A utilization as a percentage; one decimal where rounding would land on a threshold it has not reached or passed. */
export function formatPercent(rho: number): string {
  if (!Number.isFinite(rho)) return "unbounded";
  const percent = rho * 100;
  const rounded = Math.round(percent);
  if ((rounded === 80 || rounded === 100) && Math.abs(percent - rounded) > 1e-7) {
    // 79.96 is "79.9%", 80.04 is "80.1%": never shown on the threshold it has not reached or has passed.
    const tenths = percent < rounded ? Math.floor(percent * 10) / 10 : Math.ceil(percent * 10) / 10;
    return `${tenths.toFixed(1)}%`;
  }
  return `${group(String(rounded))}%`;
}

export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "unbounded";
  return `${formatNumber(ms)} ms`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** "a, b and c"; at most `limit` items, then "and N more". */
export function listSentences(sentences: string[], limit = 3): string {
  const shown = sentences.slice(0, limit).join(" ");
  const more = sentences.length - limit;
  return more > 0 ? `${shown} (And ${more} more.)` : shown;
}

import { fnv1a32 } from "@/lib/hash/hashes";
// The Bloom filter lesson's model: a small bit array you add words to and query, with
// the probe positions of each word shown, plus the theoretical false-positive rate for
// each hash count. Pure and deterministic (fixed hash functions, no randomness).

export interface BloomModelState {
  m: number;
  k: number;
  /** Words added, in order (duplicates kept, as a real filter would count them). */
  added: string[];
  /** For each bit, the distinct words that set it. */
  setBy: string[][];
  lastQuery: QueryResult | null;
}

export type Verdict = "definitely-not" | "present" | "false-positive";

export interface QueryResult {
  word: string;
  probes: number[];
  /** Probe positions whose bit is 0. */
  zeros: number[];
  verdict: Verdict;
}

export const BIT_CHOICES = [16, 24, 32, 48, 64] as const;
export const MAX_K = 6;
export const SAMPLE_WORDS = ["cat", "dog", "owl", "fox", "bee", "elk", "ant", "yak"] as const;

/** FNV-1a, the same hash the challenges' ./support module gives learners. */
export const fnv1a = fnv1a32;

/** A second, independent 32-bit hash (a multiply-xorshift mix of each code unit). */
export function mix32(text: string): number {
  let hash = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x85ebca6b);
    hash ^= hash >>> 13;
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Double hashing: probe i is (h1 + i * h2) mod m, with h2 odd so it is never 0. */
export function probes(word: string, m: number, k: number): number[] {
  const h1 = fnv1a(word);
  const h2 = (mix32(word) | 1) >>> 0;
  return Array.from({ length: k }, (_, i) => (h1 + i * h2) % m);
}

export function createBloomModel(m = 32, k = 3): BloomModelState {
  return { m, k, added: [], setBy: Array.from({ length: m }, () => []), lastQuery: null };
}

export function normalize(word: string): string {
  return word.trim().toLowerCase().slice(0, 24);
}

export function addWord(state: BloomModelState, raw: string): BloomModelState {
  const word = normalize(raw);
  if (!word) return state;
  const setBy = state.setBy.map((words) => [...words]);
  for (const at of probes(word, state.m, state.k)) if (!setBy[at]!.includes(word)) setBy[at]!.push(word);
  return { ...state, added: [...state.added, word], setBy, lastQuery: null };
}

export function query(state: BloomModelState, raw: string): BloomModelState {
  const word = normalize(raw);
  if (!word) return state;
  const at = probes(word, state.m, state.k);
  const zeros = at.filter((bit) => (state.setBy[bit]?.length ?? 0) === 0);
  const verdict: Verdict = zeros.length > 0 ? "definitely-not" : state.added.includes(word) ? "present" : "false-positive";
  return { ...state, lastQuery: { word, probes: at, zeros, verdict } };
}

/** Rebuilds the filter with a new size or hash count, re-adding every word. */
export function resize(state: BloomModelState, m: number, k: number): BloomModelState {
  return state.added.reduce((next, word) => addWord(next, word), createBloomModel(m, k));
}

/** The first word of the form "word1", "word2", ... that the filter wrongly reports as present. */
export function findFalsePositive(state: BloomModelState, limit = 5000): string | null {
  if (state.added.length === 0) return null;
  for (let i = 1; i <= limit; i++) {
    const word = `word${i}`;
    if (state.added.includes(word)) continue;
    if (probes(word, state.m, state.k).every((bit) => (state.setBy[bit]?.length ?? 0) > 0)) return word;
  }
  return null;
}

export function bitsSet(state: BloomModelState): number {
  return state.setBy.filter((words) => words.length > 0).length;
}

/** (1 - e^(-k n / m))^k: the expected false-positive rate after n adds. */
export function theoreticalRate(m: number, k: number, n: number): number {
  if (n <= 0) return 0;
  return Math.pow(1 - Math.exp((-k * n) / m), k);
}

/** The hash count that minimizes the rate for m bits and n items: (m / n) ln 2, at least 1. */
export function bestK(m: number, n: number): number {
  if (n <= 0) return 1;
  return Math.max(1, Math.round((m / n) * Math.LN2));
}

export function describeBloom(state: BloomModelState): string {
  const filled = bitsSet(state);
  const rate = theoreticalRate(state.m, state.k, state.added.length);
  const head = `${state.m} bits, ${state.k} hash${state.k === 1 ? "" : "es"}, ${state.added.length} word${state.added.length === 1 ? "" : "s"} added (${state.added.join(", ") || "none"}). ${filled} of ${state.m} bits are 1. Expected false-positive rate ${(rate * 100).toFixed(1)}%.`;
  const q = state.lastQuery;
  if (!q) return head;
  const where = `bits ${q.probes.join(", ")}`;
  const tail =
    q.verdict === "definitely-not"
      ? `Query ${q.word} probes ${where}; bit ${q.zeros[0]} is 0, so ${q.word} is definitely not in the set.`
      : q.verdict === "present"
        ? `Query ${q.word} probes ${where}; all are 1 and ${q.word} was added: probably present, correctly.`
        : `Query ${q.word} probes ${where}; all are 1 but ${q.word} was never added: a false positive.`;
  return `${tail} ${head}`;
}

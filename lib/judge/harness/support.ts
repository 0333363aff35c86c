// The `./support` module every challenge may import. It runs inside the sandbox
// and is shipped to Monaco as types, so it (and lib/hash, which it re-exports)
// must stay dependency-free and deterministic (no TextEncoder: the isolate has no web APIs).

/** Milliseconds, monotonic, injected by the tests. */
export type Clock = () => number;

/** Fake timers driven by the tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

// The hashes live in lib/hash so the browser models can share them without importing the sandbox.
export { fnv1a32, murmur3_32, utf8Bytes } from "../../hash/hashes";

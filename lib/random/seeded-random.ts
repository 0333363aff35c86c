// mulberry32: a tiny, fast, seedable PRNG. One copy serves the challenge test API,
// the drill's shuffles and the lessons' models, so "the same seed gives the same
// picture" holds everywhere.

/** One step: the next state and a number in [0, 1). Pure, for reducers that keep the state. */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** A deterministic source of numbers in [0, 1): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const step = nextRandom(state);
    state = step.state;
    return step.value;
  };
}

import { describe, expect, test } from "vitest";
import {
  addWord,
  bestK,
  bitsSet,
  createBloomModel,
  describeBloom,
  findFalsePositive,
  probes,
  query,
  resize,
  SAMPLE_WORDS,
  theoreticalRate,
} from "./bloom-filter";

describe("bloom-filter model logic", () => {
  test("probes are k positions inside the array and deterministic", () => {
    const at = probes("cat", 32, 4);
    expect(at).toHaveLength(4);
    expect(at.every((bit) => bit >= 0 && bit < 32 && Number.isInteger(bit))).toBe(true);
    expect(probes("cat", 32, 4)).toEqual(at);
  });

  test("an added word is always reported present (no false negatives)", () => {
    let state = createBloomModel(16, 3);
    for (const word of SAMPLE_WORDS) state = addWord(state, word);
    for (const word of SAMPLE_WORDS) expect(query(state, word).lastQuery?.verdict).toBe("present");
  });

  test("an empty filter says definitely not, and names a zero bit", () => {
    const result = query(createBloomModel(), "owl").lastQuery;
    expect(result?.verdict).toBe("definitely-not");
    expect(result?.zeros.length).toBeGreaterThan(0);
  });

  test("a crowded filter has findable false positives, which query labels as such", () => {
    let state = createBloomModel(16, 2);
    for (const word of SAMPLE_WORDS) state = addWord(state, word);
    const word = findFalsePositive(state);
    expect(word).not.toBeNull();
    expect(query(state, word ?? "").lastQuery?.verdict).toBe("false-positive");
  });

  test("resizing re-adds every word", () => {
    let state = createBloomModel(16, 2);
    state = addWord(addWord(state, "Cat "), "dog");
    const bigger = resize(state, 64, 3);
    expect(bigger.added).toEqual(["cat", "dog"]);
    expect(bitsSet(bigger)).toBeGreaterThan(0);
    expect(bitsSet(bigger)).toBeLessThanOrEqual(6);
  });

  test("the rate formula and the best k match the lesson's numbers", () => {
    expect(theoreticalRate(95_851, 7, 10_000)).toBeCloseTo(0.01004, 5);
    expect(bestK(95_851, 10_000)).toBe(7);
    expect(theoreticalRate(32, 3, 0)).toBe(0);
  });

  test("the description names the verdict", () => {
    const state = query(addWord(createBloomModel(), "cat"), "cat");
    expect(describeBloom(state)).toContain("correctly");
  });
});

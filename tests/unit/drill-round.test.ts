import { describe, expect, test } from "vitest";
import { mostMissed, pickRound, scenarioRecords, scoreRound, seededRandom, ROUND_SIZE } from "../../lib/drill/round";

const ids = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, "0")}`);
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe("pickRound", () => {
  test("a fresh learner gets 10 distinct scenarios, the same ones for the same seed", () => {
    const round = pickRound(ids, new Map(), seededRandom(7));
    expect(round).toHaveLength(ROUND_SIZE);
    expect(new Set(round).size).toBe(ROUND_SIZE);
    expect(pickRound(ids, new Map(), seededRandom(7))).toEqual(round);
    expect(pickRound(ids, new Map(), seededRandom(8))).not.toEqual(round);
  });

  test("missed scenarios come first, most net misses first, then unseen, then the longest unseen known ones", () => {
    const records = scenarioRecords([
      { scenarioId: "s05", correct: false, answeredAt: at(1) },
      { scenarioId: "s09", correct: false, answeredAt: at(2) },
      { scenarioId: "s09", correct: false, answeredAt: at(3) },
      { scenarioId: "s12", correct: true, answeredAt: at(4) },
    ]);
    const round = pickRound(ids, records, seededRandom(1));
    expect(round.slice(0, 2)).toEqual(["s09", "s05"]);
    expect(round.slice(2)).not.toContain("s12"); // 36 unseen scenarios fill the rest first
    const allKnown = scenarioRecords(ids.map((scenarioId, i) => ({ scenarioId, correct: true, answeredAt: at(40 - i) })));
    expect(pickRound(ids, allKnown, seededRandom(1), 3)).toEqual(["s39", "s38", "s37"]);
  });

  test("a scenario answered right as often as it was missed leaves the review pile", () => {
    const records = scenarioRecords([
      { scenarioId: "s03", correct: false, answeredAt: at(1) },
      { scenarioId: "s03", correct: true, answeredAt: at(2) },
      { scenarioId: "s04", correct: false, answeredAt: at(3) },
    ]);
    expect(pickRound(ids, records, seededRandom(3))[0]).toBe("s04");
    expect(mostMissed(records).map((r) => r.scenarioId)).toEqual(["s04"]);
  });

  test("fewer scenarios than a round gives them all", () => {
    expect(pickRound(["a", "b"], new Map(), seededRandom(1)).sort()).toEqual(["a", "b"]);
  });
});

describe("scoreRound", () => {
  test("counts right answers out of the round's size; answers from elsewhere are ignored", () => {
    expect(
      scoreRound(["a", "b", "c"], [
        { scenarioId: "a", correct: true },
        { scenarioId: "b", correct: false },
        { scenarioId: "zz", correct: true },
      ]),
    ).toEqual({ total: 3, answered: 2, correct: 1 });
    expect(scoreRound(["a"], [])).toEqual({ total: 1, answered: 0, correct: 0 });
  });
});

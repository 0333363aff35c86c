import { describe, expect, test } from "vitest";
import { RUBRIC_MAX_PER_POINT } from "../interview/view";
import { contentCards, designCheckCards, rubricCards, submitCards, type SubmitOutcome } from "./sources";

const failedSubmit: SubmitOutcome = {
  challengeId: "rate-limiting/limiters",
  concept: "rate-limiting",
  mode: "submit",
  verdict: "failed",
  passed: 1,
  failed: 2,
  total: 3,
  tests: [
    { name: "token bucket: refills continuously", status: "passed" },
    { name: "sliding window: waiting exactly retryAfterMs is enough", status: "failed", message: "expected allowed to be true" },
    { name: "fixed window: resets on the boundary", status: "failed", message: "expected 60, got 59" },
  ],
};

describe("content cards", () => {
  const lessons = [
    { concept: "caching", quizQuestions: 2, followUps: 1 },
    { concept: "sharding", quizQuestions: 3, followUps: 2 },
  ];
  const scenarios = [
    { id: "s-one", concept: "caching" },
    { id: "s-two", concept: "sharding" },
  ];

  test("a started concept gives one card per quiz question and per follow-up; others give none", () => {
    const cards = contentCards({ lessons, startedConcepts: ["caching"], scenarios, answeredScenarios: [] });
    expect(cards.map((c) => `${c.sourceKind} ${c.sourceKey} ${c.conceptSlug}`)).toEqual([
      "quiz caching:0 caching",
      "quiz caching:1 caching",
      "follow_up caching:0 caching",
    ]);
  });

  test("an answered drill scenario gives a card for its concept", () => {
    const cards = contentCards({ lessons, startedConcepts: [], scenarios, answeredScenarios: ["s-two"] });
    expect(cards).toEqual([{ sourceKind: "scenario", sourceKey: "s-two", conceptSlug: "sharding" }]);
  });
});

describe("hidden-test cards", () => {
  test("each failed hidden test makes a card with its name and message; a passed one retires its card", () => {
    const { make, retire } = submitCards(failedSubmit, false);
    expect(make).toEqual([
      {
        sourceKind: "hidden_test",
        sourceKey: "rate-limiting/limiters:sliding window: waiting exactly retryAfterMs is enough",
        conceptSlug: "rate-limiting",
        payload: { challengeId: "rate-limiting/limiters", name: "sliding window: waiting exactly retryAfterMs is enough", message: "expected allowed to be true" },
      },
      {
        sourceKind: "hidden_test",
        sourceKey: "rate-limiting/limiters:fixed window: resets on the boundary",
        conceptSlug: "rate-limiting",
        payload: { challengeId: "rate-limiting/limiters", name: "fixed window: resets on the boundary", message: "expected 60, got 59" },
      },
    ]);
    expect(retire).toEqual([{ sourceKind: "hidden_test", sourceKey: "rate-limiting/limiters:token bucket: refills continuously" }]);
  });

  test("a later submit that passes every test retires every named card and the strict card", () => {
    const passed: SubmitOutcome = { ...failedSubmit, verdict: "passed", passed: 3, failed: 0, tests: failedSubmit.tests.map((t) => ({ name: t.name, status: "passed" })) };
    const { make, retire } = submitCards(passed, true);
    expect(make).toEqual([]);
    expect(retire.map((r) => r.sourceKey)).toEqual([...failedSubmit.tests.map((t) => `rate-limiting/limiters:${t.name}`), "rate-limiting/limiters"]);
    expect(retire.at(-1)?.sourceKind).toBe("strict_failure");
  });

  test("under strict mode the named cards are concealed and one card without names stands for them", () => {
    const { make } = submitCards(failedSubmit, true);
    const visible = make.filter((card) => !card.concealed);
    expect(visible).toEqual([
      { sourceKind: "strict_failure", sourceKey: "rate-limiting/limiters", conceptSlug: "rate-limiting", payload: { challengeId: "rate-limiting/limiters", failed: 2, total: 3 } },
    ]);
    expect(JSON.stringify(visible)).not.toContain("sliding window");
    expect(make.filter((card) => card.concealed).map((card) => card.sourceKind)).toEqual(["hidden_test", "hidden_test"]);
  });

  test("a run (examples) makes and retires nothing", () => {
    expect(submitCards({ ...failedSubmit, mode: "run" }, false)).toEqual({ make: [], retire: [] });
  });
});

describe("rubric cards", () => {
  // The app's rubric scores each point 0 (missed), 1 (partly) or 2 (fully): RUBRIC_MAX_PER_POINT.
  // The "1 or 2 of 4" is the lower half of a four-step scale; here that is every point not fully made.
  test("points missed or partly made in the latest finished interview of a prompt make cards; a point fully made there retires its card", () => {
    const { make, retire } = rubricCards([
      { prompt: "url-shortener", rubricScores: [0, 2, 1], finishedAt: new Date("2026-01-01") },
      { prompt: "url-shortener", rubricScores: [2, 1, 0], finishedAt: new Date("2026-01-05") },
      { prompt: "chat", rubricScores: [0], finishedAt: null },
    ]);
    expect(make).toEqual([
      { sourceKind: "rubric", sourceKey: "url-shortener:1", conceptSlug: "", payload: { prompt: "url-shortener", point: 1, score: 1, outOf: RUBRIC_MAX_PER_POINT } },
      { sourceKind: "rubric", sourceKey: "url-shortener:2", conceptSlug: "", payload: { prompt: "url-shortener", point: 2, score: 0, outOf: RUBRIC_MAX_PER_POINT } },
    ]);
    expect(retire).toEqual([{ sourceKind: "rubric", sourceKey: "url-shortener:0" }]);
  });
});

describe("design-check cards", () => {
  test("the last check's failed checks make cards; cards of checks that no longer fail retire", () => {
    const { make, retire } = designCheckCards(
      { prompt: "url-shortener", failed: [{ id: "capacity", message: "db is at 140%", concept: "sharding" }] },
      ["capacity", "spof"],
    );
    expect(make).toEqual([{ sourceKind: "design_check", sourceKey: "capacity", conceptSlug: "sharding", payload: { prompt: "url-shortener", check: "capacity", message: "db is at 140%" } }]);
    expect(retire).toEqual([{ sourceKind: "design_check", sourceKey: "spof" }]);
  });

  test("no check yet: nothing", () => {
    expect(designCheckCards(null, ["spof"])).toEqual({ make: [], retire: [] });
  });
});

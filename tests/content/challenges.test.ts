// Every challenge through the real judge: the reference solution passes, the starter
// compiles and fails, every mutant is rejected; files type-check as Monaco sees them.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listConcepts } from "../../lib/content/catalog";
import { loadChallenge, toJudgeSuite, type Challenge } from "../../lib/content/challenges";
import { judge } from "../../lib/judge";
import { narrowing } from "./narrowing";
import { formatTypeErrors, typecheck } from "./typecheck";

const only = narrowing("BLUEPRINT_CHALLENGE"); // e.g. BLUEPRINT_CHALLENGE=rate-limiting/limiters
const concepts = listConcepts();
// A challenge that fails to load throws here, failing this file with its file and field named.
const loaded = concepts.map((concept) => [concept.challenge, loadChallenge(concept.challenge)] as const);
const challenges = loaded
  .map(([, challenge]) => challenge)
  .filter((challenge): challenge is Challenge => challenge !== undefined)
  .filter((challenge) => !only || challenge.id === only);

test("all 20 concepts have their challenge", () => {
  expect(concepts).toHaveLength(20);
  expect(loaded.filter(([, challenge]) => challenge === undefined).map(([id]) => id)).toEqual([]);
});

test(only ? `the narrowing names a real challenge (${only})` : "every challenge is checked", () => {
  expect(challenges.map((c) => c.id)).toEqual(only ? [only] : concepts.map((concept) => concept.challenge));
});

describe.each(challenges.map((challenge) => [challenge.id, challenge] as const))("%s", (_id, challenge) => {
  const suite = toJudgeSuite(challenge);

  test("its files type-check (strict, no DOM)", () => {
    const dir = challenge.dir;
    const files = ["starter.ts", "solution.ts", "examples.test.ts", "hidden.test.ts"].map((name) => path.join(dir, name));
    const mutantDir = path.join(dir, "mutants");
    for (const name of readdirSync(mutantDir)) files.push(path.join(mutantDir, name));
    const errors = typecheck(files);
    expect(errors, formatTypeErrors(errors)).toEqual([]);
  });

  test("the reference solution passes the examples and the hidden suite", async () => {
    const run = await judge(suite, challenge.solution, "run");
    expect(run.verdict, JSON.stringify(run.tests.filter((t) => t.status === "failed"))).toBe("passed");
    expect(run.total).toBeGreaterThanOrEqual(3);
    expect(run.total).toBeLessThanOrEqual(6);
    const submit = await judge(suite, challenge.solution, "submit");
    expect(submit.verdict, JSON.stringify(submit.tests.filter((t) => t.status === "failed"))).toBe("passed");
    expect(submit.total).toBeGreaterThanOrEqual(15);
    expect(submit.total).toBeLessThanOrEqual(60);
  });

  test("the starter compiles, exports every name and fails most hidden tests", async () => {
    const verdict = await judge(suite, challenge.starter, "submit");
    expect(verdict.verdict).toBe("failed");
    expect(verdict.failed).toBeGreaterThan(verdict.total / 2);
  });

  test("ships at least 5 mutants", () => {
    expect(challenge.mutants.length).toBeGreaterThanOrEqual(5);
  });

  test.each(challenge.mutants.map((mutant) => [mutant.name, mutant.source] as const))(
    "mutant %s is rejected by the hidden suite",
    async (_name, source) => {
      const verdict = await judge(suite, source, "submit");
      // A mutant must be a plausible solution: it compiles and loads, then fails tests.
      expect(["failed", "timeout"]).toContain(verdict.verdict);
    },
  );

  test("the hidden suite carries its canary (so a leak into a client bundle is detectable)", () => {
    expect(challenge.hidden).toContain(`hidden-canary:${challenge.concept}`);
  });
});

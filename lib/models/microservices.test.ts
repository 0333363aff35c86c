import { describe, expect, test } from "vitest";
import { DEFAULT_STEPS, describeSaga, simulateSaga, updateStep, type StepConfig } from "./microservices";

const step = (name: string, change: Partial<StepConfig> = {}): StepConfig => ({
  name,
  service: name,
  actionFailures: 0,
  compensateFailures: 0,
  retries: 0,
  ...change,
});

describe("saga model", () => {
  test("all steps succeed: completed", () => {
    const run = simulateSaga([step("a"), step("b")]);
    expect(run.status).toBe("completed");
    expect(run.log).toEqual(["do:a", "do:b"]);
  });

  test("the default scenario retries, fails and compensates in reverse", () => {
    const run = simulateSaga(DEFAULT_STEPS);
    expect(run.status).toBe("compensated");
    expect(run.log).toEqual([
      "do:reserve-flight",
      "do:charge-card",
      "retry:charge-card",
      "do:book-hotel",
      "retry:book-hotel",
      "fail:book-hotel",
      "undo:charge-card",
      "undo:reserve-flight",
    ]);
  });

  test("a failing compensation makes the saga failed and the others still run", () => {
    const run = simulateSaga([step("a"), step("b", { compensateFailures: "always", retries: 1 }), step("c", { actionFailures: 1 })]);
    expect(run.status).toBe("failed");
    expect(run.log).toEqual(["do:a", "do:b", "do:c", "fail:c", "undo:b", "retry:b", "fail:b", "undo:a"]);
  });

  test("the first step failing compensates nothing", () => {
    expect(simulateSaga([step("a", { actionFailures: 2, retries: 1 }), step("b")])).toMatchObject({
      status: "compensated",
      log: ["do:a", "retry:a", "fail:a"],
    });
  });

  test("updateStep changes one step only, and descriptions are deterministic", () => {
    const steps = updateStep(DEFAULT_STEPS, 2, { actionFailures: 0 });
    expect(steps[2]?.actionFailures).toBe(0);
    expect(steps[1]).toEqual(DEFAULT_STEPS[1]);
    const run = simulateSaga(steps);
    expect(run.status).toBe("completed");
    expect(describeSaga(run, 0)).toContain("Nothing has run yet");
    expect(describeSaga(run, run.events.length)).toContain("Saga completed");
    expect(describeSaga(simulateSaga(steps), 3)).toBe(describeSaga(run, 3));
  });
});

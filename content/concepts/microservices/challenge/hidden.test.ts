import { expect, randomInt, seededRandom, settle, test } from "@blueprint/test";
import { runSaga, type SagaStep } from "./solution";

interface Ctx {
  calls: string[];
}

interface Plan {
  /** How many action attempts fail before one succeeds (Infinity: always fails). */
  actionFailures?: number;
  compensateFailures?: number;
  retries?: number;
}

/** A step that records each call as "action:<name>" or "compensate:<name>" in ctx.calls. */
function step(name: string, plan: Plan = {}): SagaStep<Ctx> {
  let actions = 0;
  let compensations = 0;
  return {
    name,
    retries: plan.retries,
    action: async (ctx) => {
      ctx.calls.push(`action:${name}`);
      actions++;
      if (actions <= (plan.actionFailures ?? 0)) throw new Error(`${name} failed`);
    },
    compensate: async (ctx) => {
      ctx.calls.push(`compensate:${name}`);
      compensations++;
      if (compensations <= (plan.compensateFailures ?? 0)) throw new Error(`undo ${name} failed`);
    },
  };
}

/** Microtask turns to wait: generous, so a solution with deeply nested awaits is not rushed. */
const TURNS = 200;

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// ---- forward path -----------------------------------------------------------------

test("all steps succeed: completed, one do entry per step, actions see the context", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("hidden-canary:microservices"), step("b"), step("c")], ctx);
  expect(result).toEqual({ status: "completed", log: ["do:hidden-canary:microservices", "do:b", "do:c"] });
  expect(ctx.calls).toEqual(["action:hidden-canary:microservices", "action:b", "action:c"]);
});

test("an empty saga completes with an empty log", async () => {
  expect(await runSaga([], { calls: [] })).toEqual({ status: "completed", log: [] });
});

test("actions and compensations receive the very same context object", async () => {
  const ctx = { seen: [] as unknown[] };
  const spy: SagaStep<typeof ctx> = {
    name: "spy",
    action: async (c) => {
      c.seen.push(c);
    },
    compensate: async (c) => {
      c.seen.push(c);
    },
  };
  const boom: SagaStep<typeof ctx> = {
    name: "boom",
    action: async () => {
      throw new Error("no");
    },
    compensate: async () => {},
  };
  await runSaga([spy, boom], ctx);
  expect(ctx.seen).toHaveLength(2);
  expect(ctx.seen[0]).toBe(ctx);
  expect(ctx.seen[1]).toBe(ctx);
});

test("each action starts only after the previous one has resolved", async () => {
  const gates = [deferred(), deferred(), deferred()];
  const started: string[] = [];
  const steps: SagaStep<null>[] = ["a", "b", "c"].map((name, index) => ({
    name,
    action: async () => {
      started.push(name);
      await gates[index]?.promise;
    },
    compensate: async () => {},
  }));
  const running = runSaga(steps, null);
  running.catch(() => {}); // an early failed assertion must not leave an unhandled rejection
  await settle(TURNS);
  expect(started).toEqual(["a"]);
  gates[0]?.resolve();
  await settle(TURNS);
  expect(started).toEqual(["a", "b"]);
  gates[1]?.resolve();
  await settle(TURNS);
  expect(started).toEqual(["a", "b", "c"]);
  gates[2]?.resolve();
  expect((await running).status).toBe("completed");
});

test("steps after the failing one never run", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("a"), step("b", { actionFailures: 1 }), step("c"), step("d")], ctx);
  expect(ctx.calls).toEqual(["action:a", "action:b", "compensate:a"]);
  expect(result.log).toEqual(["do:a", "do:b", "fail:b", "undo:a"]);
});

// ---- retries ----------------------------------------------------------------------

test("retries default to 0: a failing action is tried once", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("a", { actionFailures: 1 })], ctx);
  expect(ctx.calls).toEqual(["action:a"]);
  expect(result.log).toEqual(["do:a", "fail:a"]);
});

test("an action that succeeds on a retry logs retry entries and no fail", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("a", { actionFailures: 2, retries: 3 }), step("b")], ctx);
  expect(result).toEqual({ status: "completed", log: ["do:a", "retry:a", "retry:a", "do:b"] });
  expect(ctx.calls).toEqual(["action:a", "action:a", "action:a", "action:b"]);
});

test("an action is attempted 1 + retries times before it fails", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("a"), step("b", { actionFailures: Infinity, retries: 3 })], ctx);
  expect(result.log).toEqual(["do:a", "do:b", "retry:b", "retry:b", "retry:b", "fail:b", "undo:a"]);
  expect(ctx.calls.filter((call) => call === "action:b")).toHaveLength(4);
  expect(result.status).toBe("compensated");
});

test("a retry starts only after the previous attempt has rejected", async () => {
  const gates = [deferred(), deferred()];
  let attempts = 0;
  const flaky: SagaStep<null> = {
    name: "flaky",
    retries: 1,
    action: () => gates[attempts++]?.promise ?? Promise.resolve(),
    compensate: async () => {},
  };
  const running = runSaga([flaky], null);
  running.catch(() => {});
  await settle(TURNS);
  expect(attempts).toBe(1);
  gates[0]?.reject(new Error("first attempt failed"));
  await settle(TURNS);
  expect(attempts).toBe(2);
  gates[1]?.resolve();
  expect(await running).toEqual({ status: "completed", log: ["do:flaky", "retry:flaky"] });
});

test("each step uses its own retries", async () => {
  const result = await runSaga(
    [step("a", { actionFailures: 1, retries: 1 }), step("b", { actionFailures: 2, retries: 1 })],
    { calls: [] },
  );
  expect(result.log).toEqual(["do:a", "retry:a", "do:b", "retry:b", "fail:b", "undo:a"]);
});

test("a rejection with a value that is not an Error still counts as a failure", async () => {
  const ctx: Ctx = { calls: [] };
  const odd: SagaStep<Ctx> = {
    name: "odd",
    action: () => Promise.reject("plain string"),
    compensate: async () => {},
  };
  expect(await runSaga([step("a"), odd], ctx)).toEqual({
    status: "compensated",
    log: ["do:a", "do:odd", "fail:odd", "undo:a"],
  });
});

// ---- compensation -----------------------------------------------------------------

test("compensations run in reverse order and the failing step is not compensated", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("a"), step("b"), step("c"), step("d", { actionFailures: 1 })], ctx);
  expect(result.status).toBe("compensated");
  expect(ctx.calls).toEqual(["action:a", "action:b", "action:c", "action:d", "compensate:c", "compensate:b", "compensate:a"]);
  expect(result.log).toEqual(["do:a", "do:b", "do:c", "do:d", "fail:d", "undo:c", "undo:b", "undo:a"]);
});

test("when the first step fails the saga is compensated with nothing to undo", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("a", { actionFailures: 2, retries: 1 }), step("b")], ctx);
  expect(result).toEqual({ status: "compensated", log: ["do:a", "retry:a", "fail:a"] });
  expect(ctx.calls).toEqual(["action:a", "action:a"]);
});

test("a compensation that fails once is retried with the step's retries", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("a", { compensateFailures: 1, retries: 2 }), step("b", { actionFailures: Infinity })], ctx);
  expect(result).toEqual({ status: "compensated", log: ["do:a", "do:b", "fail:b", "undo:a", "retry:a"] });
  expect(ctx.calls).toEqual(["action:a", "action:b", "compensate:a", "compensate:a"]);
});

test("a compensation is attempted 1 + retries times before the saga is failed", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga([step("a", { compensateFailures: Infinity, retries: 2 }), step("b", { actionFailures: 1 })], ctx);
  expect(result).toEqual({
    status: "failed",
    log: ["do:a", "do:b", "fail:b", "undo:a", "retry:a", "retry:a", "fail:a"],
  });
});

test("the remaining compensations still run after one fails", async () => {
  const ctx: Ctx = { calls: [] };
  const result = await runSaga(
    [step("a"), step("b", { compensateFailures: Infinity }), step("c"), step("d", { actionFailures: 1 })],
    ctx,
  );
  expect(result.status).toBe("failed");
  expect(result.log).toEqual(["do:a", "do:b", "do:c", "do:d", "fail:d", "undo:c", "undo:b", "fail:b", "undo:a"]);
  expect(ctx.calls.slice(-3)).toEqual(["compensate:c", "compensate:b", "compensate:a"]);
});

test("a later successful compensation does not turn failed back into compensated", async () => {
  const result = await runSaga(
    [step("a"), step("b"), step("c", { compensateFailures: 1 }), step("d", { actionFailures: 1 })],
    { calls: [] },
  );
  expect(result.status).toBe("failed");
  expect(result.log).toEqual(["do:a", "do:b", "do:c", "do:d", "fail:d", "undo:c", "fail:c", "undo:b", "undo:a"]);
});

test("a failed compensation resolves the saga as failed instead of rejecting", async () => {
  const running = runSaga([step("a", { compensateFailures: Infinity }), step("b", { actionFailures: 1 })], { calls: [] });
  let outcome = "resolved";
  let status = "";
  try {
    status = (await running).status;
  } catch {
    outcome = "rejected";
  }
  expect(outcome).toBe("resolved");
  expect(status).toBe("failed");
});

test("each compensation starts only after the previous one has settled", async () => {
  const gates = [deferred(), deferred()];
  const started: string[] = [];
  const undoable = (name: string, gate: Deferred | undefined): SagaStep<null> => ({
    name,
    action: async () => {},
    compensate: () => {
      started.push(name);
      return gate?.promise ?? Promise.resolve();
    },
  });
  const failing: SagaStep<null> = { name: "x", action: () => Promise.reject(new Error("no")), compensate: async () => {} };
  const running = runSaga([undoable("a", gates[1]), undoable("b", gates[0]), failing], null);
  running.catch(() => {});
  await settle(TURNS);
  expect(started).toEqual(["b"]);
  gates[0]?.reject(new Error("undo b failed"));
  await settle(TURNS);
  expect(started).toEqual(["b", "a"]);
  gates[1]?.resolve();
  expect(await running).toEqual({ status: "failed", log: ["do:a", "do:b", "do:x", "fail:x", "undo:b", "fail:b", "undo:a"] });
});

test("the saga resolves only after the last compensation has finished", async () => {
  const gate = deferred();
  let finished = false;
  const slowUndo: SagaStep<null> = {
    name: "slow",
    action: async () => {},
    compensate: async () => {
      await gate.promise;
      finished = true;
    },
  };
  const failing: SagaStep<null> = { name: "x", action: () => Promise.reject(new Error("no")), compensate: async () => {} };
  let settled = false;
  const running = runSaga([slowUndo, failing], null).then((result) => {
    settled = true;
    return result;
  });
  running.catch(() => {});
  await settle(TURNS);
  expect(settled).toBe(false);
  gate.resolve();
  const result = await running;
  expect(finished).toBe(true);
  expect(result.status).toBe("compensated");
});

// ---- properties -------------------------------------------------------------------

test("random sagas: the log and the status follow the rules", async () => {
  const random = seededRandom(1717);
  for (let round = 0; round < 150; round++) {
    const count = randomInt(random, 0, 5);
    const plans: Array<Plan & { name: string }> = [];
    for (let i = 0; i < count; i++) {
      const retries = randomInt(random, 0, 2);
      plans.push({
        name: `s${i}`,
        retries: randomInt(random, 0, 3) === 0 ? undefined : retries,
        actionFailures: [0, 0, 0, 1, 2, 3, Infinity][randomInt(random, 0, 6)],
        compensateFailures: [0, 0, 1, 2, Infinity][randomInt(random, 0, 4)],
      });
    }
    // The expected outcome, stated directly from the rules.
    const log: string[] = [];
    let status: "completed" | "compensated" | "failed" = "completed";
    const done: typeof plans = [];
    for (const plan of plans) {
      const retries = plan.retries ?? 0;
      const failures = plan.actionFailures ?? 0;
      log.push(`do:${plan.name}`);
      for (let r = 1; r <= Math.min(failures, retries); r++) log.push(`retry:${plan.name}`);
      if (failures <= retries) {
        done.push(plan);
        continue;
      }
      log.push(`fail:${plan.name}`);
      status = "compensated";
      for (const undo of [...done].reverse()) {
        const undoRetries = undo.retries ?? 0;
        const undoFailures = undo.compensateFailures ?? 0;
        log.push(`undo:${undo.name}`);
        for (let r = 1; r <= Math.min(undoFailures, undoRetries); r++) log.push(`retry:${undo.name}`);
        if (undoFailures > undoRetries) {
          log.push(`fail:${undo.name}`);
          status = "failed";
        }
      }
      break;
    }
    const result = await runSaga(plans.map((plan) => step(plan.name, plan)), { calls: [] });
    if (result.status !== status || result.log.join(",") !== log.join(",")) {
      throw new Error(
        `plans ${JSON.stringify(plans)}: expected ${status} [${log.join(", ")}], got ${result.status} [${result.log.join(", ")}]`,
      );
    }
  }
});

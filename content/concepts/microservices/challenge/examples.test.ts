import { expect, test } from "@blueprint/test";
import { runSaga, type SagaStep } from "./solution";

interface Trip {
  booked: string[];
}

/** A step whose action fails its first `failures` attempts; it books and unbooks `name` in ctx. */
function step(name: string, failures = 0, retries?: number): SagaStep<Trip> {
  let calls = 0;
  return {
    name,
    retries,
    action: async (ctx) => {
      calls++;
      if (calls <= failures) throw new Error(`${name} is unavailable`);
      ctx.booked.push(name);
    },
    compensate: async (ctx) => {
      ctx.booked = ctx.booked.filter((item) => item !== name);
    },
  };
}

test("every step succeeds: the saga completes", async () => {
  const trip: Trip = { booked: [] };
  const result = await runSaga([step("flight"), step("hotel"), step("car")], trip);
  expect(result).toEqual({ status: "completed", log: ["do:flight", "do:hotel", "do:car"] });
  expect(trip.booked).toEqual(["flight", "hotel", "car"]);
});

test("a failing step undoes the completed steps in reverse order", async () => {
  const trip: Trip = { booked: [] };
  const result = await runSaga([step("flight"), step("hotel"), step("car", 1)], trip);
  expect(result.status).toBe("compensated");
  expect(result.log).toEqual(["do:flight", "do:hotel", "do:car", "fail:car", "undo:hotel", "undo:flight"]);
  expect(trip.booked).toEqual([]);
});

test("a step is retried up to its retries before the saga gives up on it", async () => {
  const trip: Trip = { booked: [] };
  const result = await runSaga([step("flight", 2, 2), step("hotel")], trip);
  expect(result).toEqual({ status: "completed", log: ["do:flight", "retry:flight", "retry:flight", "do:hotel"] });
});

test("a compensation that keeps failing makes the saga failed", async () => {
  const stuck: SagaStep<Trip> = {
    name: "payment",
    action: async () => {},
    compensate: async () => {
      throw new Error("refund service down");
    },
  };
  const result = await runSaga([stuck, step("hotel", 1)], { booked: [] });
  expect(result).toEqual({ status: "failed", log: ["do:payment", "do:hotel", "fail:hotel", "undo:payment", "fail:payment"] });
});

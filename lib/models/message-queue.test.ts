import { describe, expect, test } from "vitest";
import {
  ack,
  advance,
  consumerOf,
  countByState,
  crash,
  createQueueSim,
  depth,
  describeQueue,
  LOG_LIMIT,
  nack,
  receive,
  remainingMs,
  send,
  visibleInOrder,
} from "./message-queue";

const config = { visibilityTimeoutMs: 10_000, maxAttempts: 2 };

describe("message queue model", () => {
  test("a received message is in flight with attempt 1 until acked", () => {
    let sim = receive(send(createQueueSim(config)), "A");
    expect(countByState(sim).inflight).toBe(1);
    expect(sim.messages[0]?.attempts).toBe(1);
    expect(consumerOf(sim, "A").messageId).toBe(1);
    sim = ack(sim, "A");
    expect(countByState(sim).acked).toBe(1);
    expect(depth(sim)).toBe(0);
  });

  test("a crashed consumer's message comes back exactly at the timeout", () => {
    let sim = crash(receive(send(createQueueSim(config)), "A"), "A");
    sim = advance(sim, 9_999);
    expect(countByState(sim).inflight).toBe(1);
    expect(remainingMs(sim, sim.messages[0]!)).toBe(1);
    sim = advance(sim, 1);
    expect(countByState(sim).waiting).toBe(1);
    sim = receive(sim, "B");
    expect(sim.messages[0]?.attempts).toBe(2);
  });

  test("a stale receipt cannot ack after redelivery", () => {
    let sim = receive(send(createQueueSim(config)), "A");
    sim = receive(advance(sim, 10_000), "B");
    sim = ack(sim, "A");
    expect(sim.log.at(-1)).toContain("stale receipt");
    expect(countByState(sim).inflight).toBe(1);
    sim = ack(sim, "B");
    expect(countByState(sim).acked).toBe(1);
  });

  test("the last failed attempt dead-letters, by nack or by timeout", () => {
    let sim = nack(receive(send(createQueueSim(config)), "A"), "A");
    expect(countByState(sim).waiting).toBe(1);
    sim = nack(receive(sim, "A"), "A");
    expect(countByState(sim).dead).toBe(1);
    sim = receive(send(sim), "B");
    sim = receive(advance(crash(sim, "B"), 10_000), "B");
    sim = advance(sim, 10_000);
    expect(countByState(sim).dead).toBe(2);
    expect(depth(sim)).toBe(0);
  });

  test("priority first, then send order; a delayed message waits and counts in depth", () => {
    let sim = send(createQueueSim(config));
    sim = send(sim, { delayMs: 5_000 });
    sim = send(sim, { priority: 1 });
    expect(visibleInOrder(sim).map((m) => m.id)).toEqual([3, 1]);
    expect(depth(sim)).toBe(3);
    sim = advance(sim, 5_000);
    expect(visibleInOrder(sim).map((m) => m.id)).toEqual([3, 1, 2]);
  });

  test("a nack with a delay hides the message until then", () => {
    let sim = nack(receive(send(createQueueSim({ visibilityTimeoutMs: 10_000, maxAttempts: 3 })), "A"), "A", 3_000);
    expect(visibleInOrder(sim)).toEqual([]);
    expect(countByState(sim).delayed).toBe(1);
    sim = advance(sim, 3_000);
    expect(visibleInOrder(sim).map((m) => m.id)).toEqual([1]);
  });

  test("the same actions give the same description, and the log is capped", () => {
    const run = () => {
      let sim = createQueueSim(config);
      for (let i = 0; i < 12; i++) sim = send(sim, { priority: i % 3 === 0 ? 1 : 0 });
      sim = receive(receive(sim, "A"), "B");
      return advance(crash(sim, "A"), 4_000);
    };
    expect(describeQueue(run())).toBe(describeQueue(run()));
    expect(run().log.length).toBe(LOG_LIMIT);
    expect(describeQueue(run())).toContain("Consumer B holds");
  });
});

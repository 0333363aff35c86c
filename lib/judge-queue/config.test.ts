import { describe, expect, it } from "vitest";
import { queueConfig } from "./config";
import { parseDoneMessage } from "./messages";

describe("the queue's settings", () => {
  it("default to a 5 s lease, 16 per live worker and one slot per core", () => {
    const config = queueConfig({});
    expect(config.leaseMs).toBe(5000);
    expect(config.maxDepth).toBeNull();
    expect(config.concurrency).toBeGreaterThanOrEqual(1);
  });

  it("take JUDGE_LEASE_MS, JUDGE_MAX_QUEUE_DEPTH and JUDGE_CONCURRENCY, empty meaning unset", () => {
    expect(queueConfig({ JUDGE_LEASE_MS: "2000", JUDGE_MAX_QUEUE_DEPTH: "32", JUDGE_CONCURRENCY: "3" })).toEqual({ leaseMs: 2000, maxDepth: 32, concurrency: 3 });
    expect(queueConfig({ JUDGE_MAX_QUEUE_DEPTH: "" }).maxDepth).toBeNull();
  });

  it("refuse a lease too short to beat within, naming the variable", () => {
    expect(() => queueConfig({ JUDGE_LEASE_MS: "100" })).toThrow(/JUDGE_LEASE_MS/);
    expect(() => queueConfig({ JUDGE_CONCURRENCY: "two" })).toThrow(/JUDGE_CONCURRENCY/);
  });
});

describe("a worker's done message", () => {
  it("is read with or without the verdict", () => {
    expect(parseDoneMessage('{"id":"a","q":1.5,"j":20,"a":1,"v":{"verdict":"passed"}}')).toEqual({ id: "a", q: 1.5, j: 20, a: 1, v: { verdict: "passed" } });
    expect(parseDoneMessage('{"id":"a","q":1,"j":2,"a":2,"v":null}')?.v).toBeNull();
  });

  it("is ignored when it is not one (another sender on the channel)", () => {
    expect(parseDoneMessage("not json")).toBeUndefined();
    expect(parseDoneMessage('{"id":"a"}')).toBeUndefined();
    expect(parseDoneMessage(undefined)).toBeUndefined();
  });
});

import { createClock, expect, settle, test } from "@blueprint/test";
import { CircuitBreaker, CircuitOpenError } from "./solution";

const fail = () => Promise.reject(new Error("down"));
const succeed = () => Promise.resolve("ok");

test("opens after failureThreshold consecutive failures", async () => {
  const clock = createClock();
  const breaker = new CircuitBreaker({ failureThreshold: 3, resetTimeoutMs: 1000, halfOpenMaxCalls: 1, successThreshold: 1, now: clock.now });
  for (let i = 0; i < 2; i++) await expect(breaker.call(fail)).rejects.toThrow("down");
  expect(breaker.state).toBe("CLOSED");
  await expect(breaker.call(fail)).rejects.toThrow("down");
  expect(breaker.state).toBe("OPEN");
});

test("an open circuit rejects at once without calling fn", async () => {
  const clock = createClock();
  const breaker = new CircuitBreaker({ failureThreshold: 1, resetTimeoutMs: 1000, halfOpenMaxCalls: 1, successThreshold: 1, now: clock.now });
  await expect(breaker.call(fail)).rejects.toThrow("down");
  let called = 0;
  const probe = () => {
    called++;
    return Promise.resolve("ok");
  };
  await expect(breaker.call(probe)).rejects.toThrow(CircuitOpenError);
  expect(await breaker.call(probe, () => "cached")).toBe("cached");
  expect(called).toBe(0);
});

test("after resetTimeoutMs the state reads HALF_OPEN, and a successful trial closes it", async () => {
  const clock = createClock();
  const breaker = new CircuitBreaker({ failureThreshold: 1, resetTimeoutMs: 1000, halfOpenMaxCalls: 1, successThreshold: 1, now: clock.now });
  await expect(breaker.call(fail)).rejects.toThrow("down");
  clock.advance(999);
  expect(breaker.state).toBe("OPEN");
  clock.advance(1);
  expect(breaker.state).toBe("HALF_OPEN");
  expect(await breaker.call(succeed)).toBe("ok");
  expect(breaker.state).toBe("CLOSED");
});

test("a failed trial in HALF_OPEN reopens the circuit", async () => {
  const clock = createClock();
  const breaker = new CircuitBreaker({ failureThreshold: 5, resetTimeoutMs: 1000, halfOpenMaxCalls: 1, successThreshold: 2, now: clock.now });
  for (let i = 0; i < 5; i++) await expect(breaker.call(fail)).rejects.toThrow("down");
  clock.advance(1000);
  await expect(breaker.call(fail)).rejects.toThrow("down");
  expect(breaker.state).toBe("OPEN");
});

test("HALF_OPEN admits at most halfOpenMaxCalls unsettled trials", async () => {
  const clock = createClock();
  const breaker = new CircuitBreaker({ failureThreshold: 1, resetTimeoutMs: 1000, halfOpenMaxCalls: 1, successThreshold: 1, now: clock.now });
  await expect(breaker.call(fail)).rejects.toThrow("down");
  clock.advance(1000);
  let finish: (value: string) => void = () => {};
  const slow = breaker.call(() => new Promise<string>((resolve) => (finish = resolve)));
  await expect(breaker.call(succeed)).rejects.toThrow(CircuitOpenError);
  finish("slow ok");
  expect(await slow).toBe("slow ok");
  await settle();
  expect(breaker.state).toBe("CLOSED");
});

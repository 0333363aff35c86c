import { createClock, expect, test } from "@blueprint/test";
import { MessageQueue } from "./solution";

/** The dead letters with just the fields the rules name (extra fields are allowed). */
function deadOf(queue: MessageQueue) {
  return queue.deadLetters().map(({ id, body, attempts }) => ({ id, body, attempts }));
}

test("a received message is hidden until acked", () => {
  const clock = createClock();
  const queue = new MessageQueue({ visibilityTimeoutMs: 1000, maxAttempts: 3, now: clock.now });
  const id = queue.send("resize photo 7");
  const [message] = queue.receive();
  expect(message?.id).toBe(id);
  expect(message?.body).toBe("resize photo 7");
  expect(message?.attempt).toBe(1);
  expect(queue.receive()).toEqual([]);
  expect(queue.depth).toBe(1);
  expect(queue.ack(message?.receipt ?? "")).toBe(true);
  expect(queue.depth).toBe(0);
});

test("an unacked message comes back after the visibility timeout with a new receipt", () => {
  const clock = createClock();
  const queue = new MessageQueue({ visibilityTimeoutMs: 1000, maxAttempts: 3, now: clock.now });
  queue.send("charge order 12");
  const first = queue.receive()[0];
  clock.advance(999);
  expect(queue.receive()).toEqual([]);
  clock.advance(1); // now = receivedAt + timeout: the receipt is over
  expect(queue.ack(first?.receipt ?? "")).toBe(false);
  const second = queue.receive()[0];
  expect(second?.attempt).toBe(2);
  expect(second?.receipt).not.toBe(first?.receipt);
});

test("higher priority first, then send order", () => {
  const clock = createClock();
  const queue = new MessageQueue({ visibilityTimeoutMs: 1000, maxAttempts: 3, now: clock.now });
  queue.send("a");
  queue.send("b", { priority: 5 });
  queue.send("c");
  queue.send("d", { priority: 5 });
  expect(queue.receive(4).map((m) => m.body)).toEqual(["b", "d", "a", "c"]);
});

test("the maxAttempts-th failed delivery dead-letters the message", () => {
  const clock = createClock();
  const queue = new MessageQueue({ visibilityTimeoutMs: 1000, maxAttempts: 2, now: clock.now });
  const id = queue.send("poison");
  queue.nack(queue.receive()[0]?.receipt ?? "");
  expect(queue.receive()[0]?.attempt).toBe(2);
  clock.advance(1000); // the second delivery times out
  expect(deadOf(queue)).toEqual([{ id, body: "poison", attempts: 2 }]);
  expect(queue.depth).toBe(0);
});

test("delayMs hides a message until then, and it still counts in depth", () => {
  const clock = createClock();
  const queue = new MessageQueue({ visibilityTimeoutMs: 1000, maxAttempts: 3, now: clock.now });
  queue.send("later", { delayMs: 500 });
  expect(queue.depth).toBe(1);
  clock.advance(499);
  expect(queue.receive()).toEqual([]);
  clock.advance(1);
  expect(queue.receive()[0]?.body).toBe("later");
});

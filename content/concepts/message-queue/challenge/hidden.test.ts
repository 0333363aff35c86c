import { createClock, expect, randomInt, seededRandom, test } from "@blueprint/test";
import { MessageQueue, type Received } from "./solution";

/** The dead letters with just the fields the rules name (extra fields are allowed). */
function deadOf(queue: MessageQueue) {
  return queue.deadLetters().map(({ id, body, attempts }) => ({ id, body, attempts }));
}

function makeQueue(visibilityTimeoutMs = 1000, maxAttempts = 3, start = 0) {
  const clock = createClock(start);
  const queue = new MessageQueue({ visibilityTimeoutMs, maxAttempts, now: clock.now });
  return { clock, queue };
}

function only(list: Received[]): Received {
  expect(list).toHaveLength(1);
  return list[0] as Received;
}

// ---- receive, ack and the visibility timeout --------------------------------------

test("receive hands out a message with its id, body, a receipt and attempt 1", () => {
  const { queue } = makeQueue();
  // The body doubles as the canary the build test looks for in client bundles.
  const id = queue.send("hidden-canary:message-queue");
  const message = only(queue.receive());
  expect(message.id).toBe(id);
  expect(message.body).toBe("hidden-canary:message-queue");
  expect(typeof message.receipt).toBe("string");
  expect(message.attempt).toBe(1);
});

test("send returns a distinct id for every message, even with equal bodies", () => {
  const { queue } = makeQueue();
  const ids = [queue.send("same"), queue.send("same"), queue.send("same")];
  expect(new Set(ids).size).toBe(3);
  expect(queue.receive(3).map((m) => m.id)).toEqual(ids);
});

test("receive takes one message by default and at most max", () => {
  const { queue } = makeQueue();
  for (const body of ["a", "b", "c", "d"]) queue.send(body);
  expect(queue.receive().map((m) => m.body)).toEqual(["a"]);
  expect(queue.receive(2).map((m) => m.body)).toEqual(["b", "c"]);
  expect(queue.receive(10).map((m) => m.body)).toEqual(["d"]);
  expect(queue.receive(10)).toEqual([]);
});

test("an in-flight message is invisible to every other receive until the timeout", () => {
  const { clock, queue } = makeQueue(5000);
  queue.send("job");
  queue.receive();
  for (const t of [1, 1000, 4999]) {
    clock.set(t);
    expect(queue.receive(5)).toEqual([]);
  }
  clock.set(5000);
  expect(only(queue.receive()).attempt).toBe(2);
});

test("the timeout counts from each delivery, not from the send", () => {
  const { clock, queue } = makeQueue(1000);
  queue.send("job");
  clock.set(700);
  queue.receive();
  clock.set(1699);
  expect(queue.receive()).toEqual([]);
  clock.set(1700);
  expect(only(queue.receive()).attempt).toBe(2);
});

test("ack is valid while now < receivedAt + timeout and removes the message for good", () => {
  const { clock, queue } = makeQueue(1000);
  queue.send("job");
  const message = only(queue.receive());
  clock.advance(999);
  expect(queue.ack(message.receipt)).toBe(true);
  expect(queue.depth).toBe(0);
  clock.advance(10_000);
  expect(queue.receive()).toEqual([]);
  expect(deadOf(queue)).toEqual([]);
});

test("ack at exactly receivedAt + timeout fails and the message is delivered again", () => {
  const { clock, queue } = makeQueue(1000);
  queue.send("job");
  const message = only(queue.receive());
  clock.advance(1000);
  expect(queue.ack(message.receipt)).toBe(false);
  expect(queue.depth).toBe(1);
  expect(only(queue.receive()).attempt).toBe(2);
});

test("a receipt works once: a second ack, or a nack after an ack, returns false", () => {
  const { queue } = makeQueue();
  queue.send("job");
  const message = only(queue.receive());
  expect(queue.ack(message.receipt)).toBe(true);
  expect(queue.ack(message.receipt)).toBe(false);
  expect(queue.nack(message.receipt)).toBe(false);
  expect(queue.ack("no-such-receipt")).toBe(false);
  expect(queue.nack("no-such-receipt")).toBe(false);
});

test("every delivery gets a new receipt and the old one no longer acks", () => {
  const { clock, queue } = makeQueue(1000, 5);
  queue.send("job");
  const receipts: string[] = [];
  for (let attempt = 1; attempt <= 4; attempt++) {
    const message = only(queue.receive());
    expect(message.attempt).toBe(attempt);
    receipts.push(message.receipt);
    clock.advance(1000);
  }
  expect(new Set(receipts).size).toBe(4);
  const current = only(queue.receive());
  for (const old of receipts) expect(queue.ack(old)).toBe(false);
  expect(queue.depth).toBe(1);
  expect(queue.ack(current.receipt)).toBe(true);
  expect(queue.depth).toBe(0);
});

test("a stale receipt cannot nack the message away from its current holder", () => {
  const { clock, queue } = makeQueue(1000, 5);
  queue.send("job");
  const first = only(queue.receive());
  clock.advance(1000);
  const second = only(queue.receive());
  expect(queue.nack(first.receipt)).toBe(false);
  expect(queue.receive()).toEqual([]);
  expect(queue.ack(second.receipt)).toBe(true);
});

// ---- nack and delays --------------------------------------------------------------

test("nack makes the message visible at once, as the next attempt", () => {
  const { queue } = makeQueue();
  queue.send("job");
  const first = only(queue.receive());
  expect(queue.nack(first.receipt)).toBe(true);
  expect(queue.nack(first.receipt)).toBe(false);
  const second = only(queue.receive());
  expect(second.attempt).toBe(2);
  expect(second.receipt).not.toBe(first.receipt);
});

test("nack with delayMs hides the message until now + delayMs", () => {
  const { clock, queue } = makeQueue(1000, 5);
  queue.send("job");
  clock.set(100);
  const message = only(queue.receive());
  clock.set(300);
  expect(queue.nack(message.receipt, { delayMs: 2000 })).toBe(true);
  expect(queue.depth).toBe(1);
  clock.set(2299);
  expect(queue.receive()).toEqual([]);
  clock.set(2300);
  expect(only(queue.receive()).attempt).toBe(2);
});

test("nack after the timeout returns false and does not count twice", () => {
  const { clock, queue } = makeQueue(1000, 3);
  queue.send("job");
  const message = only(queue.receive());
  clock.advance(1500);
  expect(queue.nack(message.receipt)).toBe(false);
  expect(only(queue.receive()).attempt).toBe(2);
  expect(deadOf(queue)).toEqual([]);
});

test("send with delayMs is hidden while now < sentAt + delayMs", () => {
  const { clock, queue } = makeQueue();
  clock.set(1000);
  queue.send("later", { delayMs: 250 });
  queue.send("now");
  expect(only(queue.receive()).body).toBe("now");
  clock.set(1249);
  expect(queue.receive()).toEqual([]);
  clock.set(1250);
  expect(only(queue.receive()).body).toBe("later");
});

test("a delayed message keeps its send-order place once visible", () => {
  const { clock, queue } = makeQueue();
  queue.send("first", { delayMs: 100 });
  queue.send("second");
  queue.send("third", { delayMs: 50 });
  clock.set(100);
  expect(queue.receive(3).map((m) => m.body)).toEqual(["first", "second", "third"]);
});

test("a message redelivered after a timeout keeps its place ahead of later sends", () => {
  const { clock, queue } = makeQueue(1000);
  queue.send("a");
  queue.receive();
  queue.send("b");
  queue.send("c");
  clock.advance(1000);
  expect(queue.receive(3).map((m) => `${m.body}${m.attempt}`)).toEqual(["a2", "b1", "c1"]);
});

test("a nacked message keeps its place ahead of later sends", () => {
  const { queue } = makeQueue(1000);
  queue.send("a");
  queue.send("b");
  const [a, b] = queue.receive(2);
  queue.send("c");
  queue.nack(b?.receipt ?? "");
  queue.nack(a?.receipt ?? "");
  expect(queue.receive(3).map((m) => m.body)).toEqual(["a", "b", "c"]);
});

// ---- priorities -------------------------------------------------------------------

test("priorities order delivery across many levels, negatives included", () => {
  const { queue } = makeQueue();
  queue.send("low", { priority: -5 });
  queue.send("default");
  queue.send("urgent", { priority: 10 });
  queue.send("high", { priority: 3 });
  queue.send("default2", { priority: 0 });
  expect(queue.receive(5).map((m) => m.body)).toEqual(["urgent", "high", "default", "default2", "low"]);
});

test("a redelivered high-priority message goes ahead of waiting low-priority ones", () => {
  const { clock, queue } = makeQueue(1000);
  queue.send("important", { priority: 2 });
  queue.receive();
  queue.send("routine-1");
  queue.send("routine-2");
  clock.advance(1000);
  expect(queue.receive().map((m) => m.body)).toEqual(["important"]);
});

test("a later high-priority message overtakes earlier visible low-priority ones", () => {
  const { queue } = makeQueue();
  queue.send("a");
  queue.send("b");
  expect(only(queue.receive()).body).toBe("a");
  queue.send("c", { priority: 1 });
  expect(queue.receive(2).map((m) => m.body)).toEqual(["c", "b"]);
});

// ---- depth ------------------------------------------------------------------------

test("depth counts visible, delayed and in-flight messages, not acked or dead ones", () => {
  const { clock, queue } = makeQueue(1000, 1);
  queue.send("visible");
  queue.send("delayed", { delayMs: 10_000 });
  queue.send("inflight", { priority: 1 });
  queue.send("to-ack", { priority: 2 });
  const [toAck, inflight] = queue.receive(2);
  expect(inflight?.body).toBe("inflight");
  expect(queue.depth).toBe(4);
  queue.ack(toAck?.receipt ?? "");
  expect(queue.depth).toBe(3);
  clock.advance(1000); // "inflight" times out on its only attempt
  expect(queue.depth).toBe(2);
});

// ---- dead letters -----------------------------------------------------------------

test("timeouts alone dead-letter the message at the moment the last one expires", () => {
  const { clock, queue } = makeQueue(1000, 3);
  const id = queue.send("poison");
  for (let attempt = 1; attempt <= 3; attempt++) {
    expect(only(queue.receive()).attempt).toBe(attempt);
    clock.advance(999);
    expect(deadOf(queue)).toEqual([]);
    expect(queue.depth).toBe(1);
    clock.advance(1);
  }
  expect(deadOf(queue)).toEqual([{ id, body: "poison", attempts: 3 }]);
  expect(queue.depth).toBe(0);
  clock.advance(5000);
  expect(queue.receive()).toEqual([]);
});

test("nacks alone dead-letter the message on the maxAttempts-th nack", () => {
  const { queue } = makeQueue(1000, 4);
  const id = queue.send("poison");
  for (let attempt = 1; attempt <= 3; attempt++) {
    expect(queue.nack(only(queue.receive()).receipt)).toBe(true);
    expect(deadOf(queue)).toEqual([]);
  }
  const last = only(queue.receive());
  expect(last.attempt).toBe(4);
  expect(queue.nack(last.receipt)).toBe(true);
  expect(deadOf(queue)).toEqual([{ id, body: "poison", attempts: 4 }]);
  expect(queue.receive()).toEqual([]);
  expect(queue.depth).toBe(0);
});

test("a delayed nack on the last attempt still dead-letters at once", () => {
  const { clock, queue } = makeQueue(1000, 2);
  const id = queue.send("poison");
  queue.nack(only(queue.receive()).receipt, { delayMs: 60_000 });
  clock.advance(60_000);
  const last = only(queue.receive());
  expect(last.attempt).toBe(2);
  expect(queue.nack(last.receipt, { delayMs: 60_000 })).toBe(true);
  expect(deadOf(queue)).toEqual([{ id, body: "poison", attempts: 2 }]);
  expect(queue.depth).toBe(0);
});

test("nacks and timeouts count together toward maxAttempts", () => {
  const { clock, queue } = makeQueue(1000, 3);
  const id = queue.send("flaky");
  queue.nack(only(queue.receive()).receipt);
  only(queue.receive());
  clock.advance(1000);
  const third = only(queue.receive());
  expect(third.attempt).toBe(3);
  queue.nack(third.receipt);
  expect(deadOf(queue)).toEqual([{ id, body: "flaky", attempts: 3 }]);
});

test("with maxAttempts 1 the first failure dead-letters", () => {
  const { clock, queue } = makeQueue(1000, 1);
  const a = queue.send("a");
  const b = queue.send("b");
  const [first] = queue.receive();
  queue.nack(first?.receipt ?? "");
  expect(deadOf(queue)).toEqual([{ id: a, body: "a", attempts: 1 }]);
  queue.receive();
  clock.advance(1000);
  expect(deadOf(queue)).toEqual([
    { id: a, body: "a", attempts: 1 },
    { id: b, body: "b", attempts: 1 },
  ]);
});

test("timeouts that expire together dead-letter in the order their deadlines passed", () => {
  const { clock, queue } = makeQueue(1000, 1);
  const a = queue.send("a", { delayMs: 10 });
  const b = queue.send("b");
  expect(only(queue.receive()).id).toBe(b);
  clock.advance(10);
  expect(only(queue.receive()).id).toBe(a);
  clock.advance(5_000); // both deadlines passed: b's at 1000, a's at 1010
  expect(deadOf(queue)).toEqual([
    { id: b, body: "b", attempts: 1 },
    { id: a, body: "a", attempts: 1 },
  ]);
});

test("an ack on the last attempt saves the message from the dead-letter list", () => {
  const { clock, queue } = makeQueue(1000, 2);
  queue.send("job");
  queue.receive();
  clock.advance(1000);
  const last = only(queue.receive());
  clock.advance(999);
  expect(queue.ack(last.receipt)).toBe(true);
  clock.advance(10_000);
  expect(deadOf(queue)).toEqual([]);
  expect(queue.depth).toBe(0);
});

test("a dead message does not block the messages behind it", () => {
  const { clock, queue } = makeQueue(1000, 1);
  queue.send("poison", { priority: 1 });
  queue.send("fine");
  queue.receive();
  clock.advance(1000);
  expect(only(queue.receive()).body).toBe("fine");
});

// ---- properties -------------------------------------------------------------------

test("random workloads: at-least-once, one holder at a time, attempts and depth add up", () => {
  const random = seededRandom(4242);
  // 12 random rounds: each rule has its own test above; this looks for what breaks in between.
  for (let round = 0; round < 12; round++) {
    const timeout = randomInt(random, 1, 8) * 100;
    const maxAttempts = randomInt(random, 1, 4);
    const { clock, queue } = makeQueue(timeout, maxAttempts, randomInt(random, 0, 1000));
    const sent = new Map<string, { body: string; priority: number }>();
    const acked = new Set<string>();
    const lastAttempt = new Map<string, number>();
    const holding = new Map<string, { receipt: string; until: number }>();
    for (let step = 0; step < 120; step++) {
      const op = randomInt(random, 0, 9);
      if (op <= 2) {
        const body = `b${round}-${step}`;
        const priority = randomInt(random, 0, 2);
        const delayMs = randomInt(random, 0, 1) === 0 ? 0 : randomInt(random, 1, 300);
        sent.set(queue.send(body, { priority, delayMs }), { body, priority });
      } else if (op <= 5) {
        const batch = queue.receive(randomInt(random, 1, 3));
        for (let i = 0; i < batch.length; i++) {
          const m = batch[i] as Received;
          const info = sent.get(m.id);
          expect(info?.body).toBe(m.body);
          // Within one batch, priority never rises.
          if (i > 0) expect(info?.priority ?? 0).toBeLessThanOrEqual(sent.get((batch[i - 1] as Received).id)?.priority ?? 0);
          // Nobody else holds a live receipt for it.
          const held = holding.get(m.id);
          if (held) expect(clock.now()).toBeGreaterThanOrEqual(held.until);
          expect(acked.has(m.id)).toBe(false);
          expect(m.attempt).toBe((lastAttempt.get(m.id) ?? 0) + 1);
          expect(m.attempt).toBeLessThanOrEqual(maxAttempts);
          lastAttempt.set(m.id, m.attempt);
          holding.set(m.id, { receipt: m.receipt, until: clock.now() + timeout });
        }
      } else if (op <= 7) {
        const entries = [...holding.entries()];
        if (entries.length === 0) continue;
        const [id, held] = entries[randomInt(random, 0, entries.length - 1)] as [string, { receipt: string; until: number }];
        const live = clock.now() < held.until;
        if (op === 6) {
          expect(queue.ack(held.receipt)).toBe(live);
          if (live) acked.add(id);
        } else {
          expect(queue.nack(held.receipt, { delayMs: randomInt(random, 0, 200) })).toBe(live);
        }
        holding.delete(id);
      } else {
        clock.advance(randomInt(random, 1, 400));
      }
    }
    clock.advance(100_000);
    for (let i = 0; i < 200 && queue.receive(5).length > 0; i++) clock.advance(100_000);
    const dead = queue.deadLetters();
    for (const d of dead) {
      expect(d.attempts).toBe(maxAttempts);
      expect(d.body).toBe(sent.get(d.id)?.body);
      expect(acked.has(d.id)).toBe(false);
    }
    // Nothing is lost: every message was acked or dead-lettered once the queue drained.
    expect(queue.depth).toBe(0);
    expect(new Set(dead.map((d) => d.id)).size).toBe(dead.length);
    expect(dead.length + acked.size).toBe(sent.size);
  }
});

test("depth always equals sent minus acked minus dead-lettered", () => {
  const random = seededRandom(99);
  const { clock, queue } = makeQueue(300, 2);
  let sent = 0;
  let acked = 0;
  for (let step = 0; step < 400; step++) {
    const op = randomInt(random, 0, 3);
    if (op === 0) {
      queue.send(`m${step}`, { delayMs: randomInt(random, 0, 500), priority: randomInt(random, -1, 1) });
      sent++;
    } else if (op === 1) {
      for (const m of queue.receive(2)) {
        if (randomInt(random, 0, 2) === 0 && queue.ack(m.receipt)) acked++;
        else if (randomInt(random, 0, 1) === 0) queue.nack(m.receipt);
      }
    } else {
      clock.advance(randomInt(random, 0, 200));
    }
    expect(queue.depth).toBe(sent - acked - queue.deadLetters().length);
  }
});

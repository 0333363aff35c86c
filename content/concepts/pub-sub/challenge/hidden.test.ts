import { catchError, expect, randomInt, seededRandom, test } from "@blueprint/test";
import { Broker } from "./solution";

/** Subscribes a filter and returns the topics it received. */
function topicsFor(broker: Broker, pattern: string): string[] {
  const got: string[] = [];
  broker.subscribe(pattern, (topic) => got.push(topic));
  return got;
}

function publishAll(broker: Broker, topics: string[]): void {
  for (const topic of topics) broker.publish(topic, "m");
}

// ---- topic filters ----------------------------------------------------------------

test("an exact filter matches only the identical topic", () => {
  const broker = new Broker();
  const got: string[] = [];
  broker.subscribe("a/b", (topic, message) => got.push(`${topic}:${message}`));
  // The message doubles as the canary the build test looks for in client bundles.
  expect(broker.publish("a/b", "hidden-canary:pub-sub")).toBe(1);
  expect(broker.publish("a/b/c", "x")).toBe(0);
  expect(broker.publish("a", "x")).toBe(0);
  expect(broker.publish("A/b", "x")).toBe(0);
  expect(broker.publish("a/b/", "x")).toBe(0);
  expect(got).toEqual(["a/b:hidden-canary:pub-sub"]);
});

test("+ matches exactly one level, in any position", () => {
  const broker = new Broker();
  const middle = topicsFor(broker, "sport/+/player");
  const last = topicsFor(broker, "sport/+");
  const first = topicsFor(broker, "+/tennis");
  publishAll(broker, ["sport/tennis/player", "sport/tennis/x/player", "sport/player", "sport", "sport/tennis", "golf/tennis"]);
  expect(middle).toEqual(["sport/tennis/player"]);
  expect(last).toEqual(["sport/player", "sport/tennis"]);
  expect(first).toEqual(["sport/tennis", "golf/tennis"]);
});

test("+ matches an empty level, as MQTT specifies", () => {
  const broker = new Broker();
  const sportPlus = topicsFor(broker, "sport/+");
  const plusFinance = topicsFor(broker, "+/finance");
  const plusPlus = topicsFor(broker, "+/+");
  const single = topicsFor(broker, "+");
  publishAll(broker, ["sport/", "sport", "/finance", "finance"]);
  expect(sportPlus).toEqual(["sport/"]);
  expect(plusFinance).toEqual(["/finance"]);
  expect(plusPlus).toEqual(["sport/", "/finance"]);
  expect(single).toEqual(["sport", "finance"]);
});

test("# matches the parent level and everything below it", () => {
  const broker = new Broker();
  const got = topicsFor(broker, "sport/tennis/#");
  publishAll(broker, ["sport/tennis", "sport/tennis/player1", "sport/tennis/player1/ranking", "sport", "sport/golf", "sport/tennisball"]);
  expect(got).toEqual(["sport/tennis", "sport/tennis/player1", "sport/tennis/player1/ranking"]);
});

test("a lone # and +/# match every topic that does not start with $", () => {
  const broker = new Broker();
  const all = topicsFor(broker, "#");
  const plusHash = topicsFor(broker, "+/#");
  publishAll(broker, ["a", "a/b", "/", "x/y/z"]);
  expect(all).toEqual(["a", "a/b", "/", "x/y/z"]);
  expect(plusHash).toEqual(["a", "a/b", "/", "x/y/z"]);
});

test("filters with + and # together", () => {
  const broker = new Broker();
  const got = topicsFor(broker, "home/+/sensors/#");
  publishAll(broker, ["home/kitchen/sensors", "home/kitchen/sensors/temp", "home/sensors", "home/a/b/sensors/temp", "home/hall/sensors/t/1"]);
  expect(got).toEqual(["home/kitchen/sensors", "home/kitchen/sensors/temp", "home/hall/sensors/t/1"]);
});

test("wildcards at the start do not match topics beginning with $", () => {
  const broker = new Broker();
  const hash = topicsFor(broker, "#");
  const plus = topicsFor(broker, "+/monitor/clients");
  const sys = topicsFor(broker, "$SYS/#");
  const sysPlus = topicsFor(broker, "$SYS/monitor/+");
  const exact = topicsFor(broker, "$SYS/monitor/clients");
  expect(broker.publish("$SYS/monitor/clients", "5")).toBe(3);
  expect(hash).toEqual([]);
  expect(plus).toEqual([]);
  expect(sys).toEqual(["$SYS/monitor/clients"]);
  expect(sysPlus).toEqual(["$SYS/monitor/clients"]);
  expect(exact).toEqual(["$SYS/monitor/clients"]);
});

test("only a leading $ is special", () => {
  const broker = new Broker();
  const got = topicsFor(broker, "prices/+");
  const all = topicsFor(broker, "#");
  publishAll(broker, ["prices/$usd", "prices/eur"]);
  expect(got).toEqual(["prices/$usd", "prices/eur"]);
  expect(all).toEqual(["prices/$usd", "prices/eur"]);
});

test("a misplaced # throws Error", () => {
  const broker = new Broker();
  for (const bad of ["sport/tennis#", "sport/#/ranking", "#/a", "#/", "a/##", "a/#b"]) {
    expect(catchError(() => broker.subscribe(bad, () => {}))).toBeInstanceOf(Error);
  }
});

test("+ mixed with other characters in a level throws Error", () => {
  const broker = new Broker();
  for (const bad of ["sport+", "sport/+tennis", "a/b+/c", "++", "+#"]) {
    expect(catchError(() => broker.subscribe(bad, () => {}))).toBeInstanceOf(Error);
  }
});

test("well-formed filters with wildcards do not throw", () => {
  const broker = new Broker();
  for (const good of ["+", "#", "+/+", "+/#", "a//b", "/+", "a/+/+/#", "$SYS/#"]) {
    expect(catchError(() => broker.subscribe(good, () => {}))).toBeUndefined();
  }
});

test("a rejected filter leaves no subscription behind", () => {
  const broker = new Broker();
  catchError(() => broker.subscribe("a/#/b", () => {}));
  expect(broker.publish("a/x/b", "m")).toBe(0);
});

test("matching agrees with the MQTT rules over random filters and topics", () => {
  // An independent, recursive statement of the rules.
  const expected = (filter: string[], topic: string[], first: boolean): boolean => {
    if (first && (topic[0] ?? "").startsWith("$") && (filter[0] === "+" || filter[0] === "#")) return false;
    if (filter.length === 0) return topic.length === 0;
    const [head, ...rest] = filter;
    if (head === "#") return true;
    if (topic.length === 0) return false;
    if (head !== "+" && head !== topic[0]) return false;
    return expected(rest, topic.slice(1), false);
  };
  const random = seededRandom(515);
  const words = ["a", "b", "", "$s"];
  const broker = new Broker();
  const filters: string[] = [];
  const received: string[][] = [];
  for (let i = 0; i < 60; i++) {
    const length = randomInt(random, 1, 4);
    const levels: string[] = [];
    for (let j = 0; j < length; j++) {
      const pick = randomInt(random, 0, 5);
      levels.push(pick === 4 ? "+" : pick === 5 && j === length - 1 ? "#" : (words[pick % 4] as string));
    }
    const filter = levels.join("/");
    filters.push(filter);
    const got: string[] = [];
    received.push(got);
    broker.subscribe(filter, (topic) => got.push(topic));
  }
  for (let k = 0; k < 200; k++) {
    const length = randomInt(random, 1, 4);
    const levels: string[] = [];
    for (let j = 0; j < length; j++) levels.push(words[randomInt(random, 0, 3)] as string);
    const topic = levels.join("/");
    const before = received.map((list) => list.length);
    const count = broker.publish(topic, "m");
    let matched = 0;
    filters.forEach((filter, index) => {
      const should = expected(filter.split("/"), levels, true);
      if (should) matched++;
      const delivered = (received[index]?.length ?? 0) - (before[index] ?? 0);
      if (delivered !== (should ? 1 : 0)) {
        throw new Error(`filter "${filter}" and topic "${topic}": expected ${should ? "a delivery" : "no delivery"}`);
      }
    });
    expect(count).toBe(matched);
  }
});

// ---- deliveries -------------------------------------------------------------------

test("each matching subscription gets one delivery, in subscription order", () => {
  const broker = new Broker();
  const log: string[] = [];
  broker.subscribe("a/+", () => log.push("first"));
  broker.subscribe("#", () => log.push("second"));
  broker.subscribe("a/b", () => log.push("third"));
  broker.subscribe("x", () => log.push("never"));
  expect(broker.publish("a/b", "m")).toBe(3);
  expect(log).toEqual(["first", "second", "third"]);
});

test("the same handler subscribed twice is two subscriptions", () => {
  const broker = new Broker();
  let calls = 0;
  const handler = () => {
    calls++;
  };
  broker.subscribe("a/#", handler);
  const second = broker.subscribe("a/b", handler);
  expect(broker.publish("a/b", "m")).toBe(2);
  expect(calls).toBe(2);
  second();
  expect(broker.publish("a/b", "m")).toBe(1);
  expect(calls).toBe(3);
});

test("a throwing handler does not stop later deliveries and still counts", () => {
  const broker = new Broker();
  const log: string[] = [];
  broker.subscribe("t", () => {
    throw new Error("subscriber A is broken");
  });
  broker.subscribe("t", (_topic, message) => log.push(`B:${message}`));
  broker.subscribe("t", () => {
    throw new Error("subscriber C is broken");
  });
  broker.subscribe("t", (_topic, message) => log.push(`D:${message}`));
  let count = -1;
  expect(catchError(() => (count = broker.publish("t", "m1")))).toBeUndefined();
  expect(count).toBe(4);
  broker.publish("t", "m2");
  expect(log).toEqual(["B:m1", "D:m1", "B:m2", "D:m2"]);
});

test("unsubscribe is idempotent and only removes its own subscription", () => {
  const broker = new Broker();
  const log: string[] = [];
  const first = broker.subscribe("t", () => log.push("first"));
  broker.subscribe("t", () => log.push("second"));
  first();
  first();
  expect(broker.publish("t", "m")).toBe(1);
  expect(log).toEqual(["second"]);
});

test("a subscriber that unsubscribes itself during delivery does not make the next one miss it", () => {
  const broker = new Broker();
  const log: string[] = [];
  broker.subscribe("t", (_topic, message) => log.push(`A:${message}`));
  const unsubscribeB = broker.subscribe("t", (_topic, message) => {
    log.push(`B:${message}`);
    unsubscribeB();
  });
  broker.subscribe("t", (_topic, message) => log.push(`C:${message}`));
  expect(broker.publish("t", "1")).toBe(3);
  expect(broker.publish("t", "2")).toBe(2);
  expect(log).toEqual(["A:1", "B:1", "C:1", "A:2", "C:2"]);
});

test("unsubscribing a later subscriber inside a handler takes effect from the next publish", () => {
  const broker = new Broker();
  const log: string[] = [];
  let unsubscribeC = () => {};
  broker.subscribe("t", (_topic, message) => {
    log.push(`A:${message}`);
    unsubscribeC();
  });
  broker.subscribe("t", (_topic, message) => log.push(`B:${message}`));
  unsubscribeC = broker.subscribe("t", (_topic, message) => log.push(`C:${message}`));
  expect(broker.publish("t", "1")).toBe(3);
  expect(broker.publish("t", "2")).toBe(2);
  expect(log).toEqual(["A:1", "B:1", "C:1", "A:2", "B:2"]);
});

test("unsubscribing an earlier subscriber inside a handler skips nobody", () => {
  const broker = new Broker();
  const log: string[] = [];
  const unsubscribeA = broker.subscribe("t", (_topic, message) => log.push(`A:${message}`));
  broker.subscribe("t", (_topic, message) => {
    log.push(`B:${message}`);
    unsubscribeA();
  });
  broker.subscribe("t", (_topic, message) => log.push(`C:${message}`));
  broker.subscribe("t", (_topic, message) => log.push(`D:${message}`));
  broker.publish("t", "1");
  broker.publish("t", "2");
  expect(log).toEqual(["A:1", "B:1", "C:1", "D:1", "B:2", "C:2", "D:2"]);
});

test("a subscription made inside a handler does not receive the current message", () => {
  const broker = new Broker();
  const log: string[] = [];
  let added = false;
  broker.subscribe("t", (_topic, message) => {
    log.push(`A:${message}`);
    if (!added) {
      added = true;
      broker.subscribe("t", (_t, m) => log.push(`late:${m}`));
    }
  });
  broker.subscribe("t", (_topic, message) => log.push(`B:${message}`));
  expect(broker.publish("t", "1")).toBe(2);
  expect(broker.publish("t", "2")).toBe(3);
  expect(log).toEqual(["A:1", "B:1", "A:2", "B:2", "late:2"]);
});

test("a publish inside a handler returns its own count and waits for the current message", () => {
  const broker = new Broker();
  const log: string[] = [];
  let nestedCount = -1;
  broker.subscribe("in", (_topic, message) => {
    log.push(`A:${message}`);
    nestedCount = broker.publish("out", `re-${message}`);
    log.push(`A-returned:${nestedCount}`);
  });
  broker.subscribe("in", (_topic, message) => log.push(`B:${message}`));
  broker.subscribe("out", (_topic, message) => log.push(`X:${message}`));
  broker.subscribe("#", (topic, message) => log.push(`all:${topic}:${message}`));
  expect(broker.publish("in", "m")).toBe(3);
  expect(nestedCount).toBe(2);
  expect(log).toEqual(["A:m", "A-returned:2", "B:m", "all:in:m", "X:re-m", "all:out:re-m"]);
});

test("nested publishes are delivered in the order they were made", () => {
  const broker = new Broker();
  const log: string[] = [];
  broker.subscribe("t", (_topic, message) => {
    log.push(`A:${message}`);
    if (message === "root") {
      broker.publish("t", "a1");
      broker.publish("t", "a2");
    }
  });
  broker.subscribe("t", (_topic, message) => {
    log.push(`B:${message}`);
    if (message === "root") broker.publish("t", "b1");
    if (message === "a1") broker.publish("t", "deep");
  });
  broker.publish("t", "root");
  expect(log).toEqual([
    "A:root", "B:root",
    "A:a1", "B:a1",
    "A:a2", "B:a2",
    "A:b1", "B:b1",
    "A:deep", "B:deep",
  ]);
});

test("each subscriber sees messages in publish order despite re-entrant publishes", () => {
  const broker = new Broker();
  const seen = new Map<string, string[]>();
  const random = seededRandom(31);
  let counter = 0;
  const publishes: string[] = [];
  const publish = (message: string) => {
    publishes.push(message);
    broker.publish("t", message);
  };
  for (const name of ["A", "B", "C"]) {
    seen.set(name, []);
    broker.subscribe("t", (_topic, message) => {
      seen.get(name)?.push(message);
      if (counter < 40 && randomInt(random, 0, 2) === 0) publish(`m${++counter}`);
    });
  }
  for (let i = 0; i < 10; i++) publish(`root${i}`);
  for (const name of ["A", "B", "C"]) expect(seen.get(name)).toEqual(publishes);
});

test("the receivers of a message are fixed when it is published, even if delivery waits", () => {
  const broker = new Broker();
  const log: string[] = [];
  let unsubscribeC = () => {};
  broker.subscribe("t", (_topic, message) => {
    log.push(`A:${message}`);
    if (message === "1") {
      broker.publish("t", "2"); // published while C is still subscribed
      unsubscribeC();
      broker.publish("t", "3"); // published after C left
    }
  });
  unsubscribeC = broker.subscribe("t", (_topic, message) => log.push(`C:${message}`));
  broker.publish("t", "1");
  expect(log).toEqual(["A:1", "C:1", "A:2", "C:2", "A:3"]);
});

test("a handler that throws after publishing does not lose the nested message", () => {
  const broker = new Broker();
  const log: string[] = [];
  broker.subscribe("t", (_topic, message) => {
    log.push(`A:${message}`);
    if (message === "1") {
      broker.publish("t", "2");
      throw new Error("boom");
    }
  });
  broker.subscribe("t", (_topic, message) => log.push(`B:${message}`));
  expect(broker.publish("t", "1")).toBe(2);
  expect(broker.publish("t", "3")).toBe(2);
  expect(log).toEqual(["A:1", "B:1", "A:2", "B:2", "A:3", "B:3"]);
});

// ---- retained messages ------------------------------------------------------------

test("retain stores only: current subscribers receive nothing", () => {
  const broker = new Broker();
  const got = topicsFor(broker, "status/#");
  broker.retain("status/door", "open");
  expect(got).toEqual([]);
});

test("a new subscription gets the retained message before subscribe returns", () => {
  const broker = new Broker();
  broker.retain("status/door", "open");
  const got: string[] = [];
  broker.subscribe("status/door", (topic, message) => got.push(`${topic}=${message}`));
  expect(got).toEqual(["status/door=open"]);
  broker.publish("status/door", "closed");
  expect(got).toEqual(["status/door=open", "status/door=closed"]);
});

test("retained messages reach wildcard subscriptions, only where the filter matches", () => {
  const broker = new Broker();
  broker.retain("status/door", "open");
  broker.retain("status/window", "shut");
  broker.retain("alarms/fire", "off");
  broker.retain("$SYS/uptime", "99");
  const plus: string[] = [];
  broker.subscribe("status/+", (topic, message) => plus.push(`${topic}=${message}`));
  const all: string[] = [];
  broker.subscribe("#", (topic) => all.push(topic));
  const none: string[] = [];
  broker.subscribe("alarms/+/zone", () => none.push("x"));
  expect([...plus].sort()).toEqual(["status/door=open", "status/window=shut"]);
  expect([...all].sort()).toEqual(["alarms/fire", "status/door", "status/window"]);
  expect(none).toEqual([]);
});

test("the last retained message for a topic replaces the earlier one", () => {
  const broker = new Broker();
  broker.retain("price", "10");
  broker.retain("price", "12");
  const got: string[] = [];
  broker.subscribe("price", (_topic, message) => got.push(message));
  expect(got).toEqual(["12"]);
});

test("publish does not retain, and retain does not count as a publish", () => {
  const broker = new Broker();
  broker.publish("news", "not kept");
  const got: string[] = [];
  broker.subscribe("news", (_topic, message) => got.push(message));
  expect(got).toEqual([]);
  broker.retain("news", "kept");
  expect(got).toEqual([]);
  expect(broker.publish("news", "live")).toBe(1);
  expect(got).toEqual(["live"]);
});

test("every new matching subscription gets the retained message, not just the first", () => {
  const broker = new Broker();
  broker.retain("a/b", "r");
  const first: string[] = [];
  const second: string[] = [];
  broker.subscribe("a/b", (_topic, message) => first.push(message));
  broker.subscribe("a/+", (_topic, message) => second.push(message));
  expect(first).toEqual(["r"]);
  expect(second).toEqual(["r"]);
});

import { describe, expect, test } from "vitest";
import { createPubSubSim, describePubSub, explainMatch, filterError, publish, retain, subscribe, topicError, unsubscribe } from "./pub-sub";

describe("pub/sub model", () => {
  test("MQTT matching rules, with reasons", () => {
    expect(explainMatch("home/+/temp", "home/kitchen/temp").matched).toBe(true);
    expect(explainMatch("home/+/temp", "home/kitchen/oven/temp").matched).toBe(false);
    expect(explainMatch("home/#", "home")).toEqual({ matched: true, reason: "# also matches the parent level itself." });
    expect(explainMatch("home/+", "home").matched).toBe(false);
    expect(explainMatch("home/+", "home/").matched).toBe(true);
    expect(explainMatch("#", "$SYS/clients").matched).toBe(false);
    expect(explainMatch("$SYS/#", "$SYS/clients").matched).toBe(true);
    expect(explainMatch("a/b", "a/c").reason).toContain("Level 2 differs");
    expect(explainMatch("a", "a/b").reason).toContain("more level");
  });

  test("malformed filters and topics are refused", () => {
    expect(filterError("home/#/temp")).toBe("# must be the last level.");
    expect(filterError("home/kit#")).toContain("mixes #");
    expect(filterError("home/ki+")).toContain("mixes +");
    expect(filterError("home/+/#")).toBeNull();
    expect(topicError("home/+")).not.toBeNull();
    const sim = subscribe(createPubSubSim([]), "a/#/b");
    expect(sim.subscriptions).toHaveLength(0);
    expect(sim.note).toContain("Refused");
  });

  test("publish numbers the matching subscriptions in subscription order", () => {
    const sim = publish(createPubSubSim(["x", "home/#", "home/+/temp", "#"]), "home/kitchen/temp");
    expect(sim.deliveries.map((d) => d.order)).toEqual([null, 1, 2, 3]);
    expect(describePubSub(sim)).toContain('1. "home/#", 2. "home/+/temp", 3. "#"');
  });

  test("retain stores only; a new matching subscription receives it at once", () => {
    let sim = retain(createPubSubSim(["home/#"]), "home/door", "open");
    expect(sim.deliveries).toEqual([]);
    sim = subscribe(sim, "home/+");
    expect(sim.retainedDeliveries).toEqual([{ filter: "home/+", topic: "home/door", message: "open" }]);
    sim = subscribe(sim, "garden/#");
    expect(sim.retainedDeliveries).toEqual([]);
    sim = retain(sim, "home/door", "closed");
    expect(sim.retained).toEqual([{ topic: "home/door", message: "closed" }]);
  });

  test("unsubscribe removes the subscription and is deterministic", () => {
    const run = () => unsubscribe(publish(createPubSubSim(), "home/kitchen/temp"), 2);
    expect(run().subscriptions.map((s) => s.filter)).not.toContain("home/kitchen/#");
    expect(describePubSub(run())).toBe(describePubSub(run()));
  });
});

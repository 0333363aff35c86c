import { expect, test } from "@blueprint/test";
import { Broker } from "./solution";

test("an exact filter receives the topic and the message", () => {
  const broker = new Broker();
  const got: string[] = [];
  broker.subscribe("orders/created", (topic, message) => got.push(`${topic}=${message}`));
  expect(broker.publish("orders/created", "order 42")).toBe(1);
  expect(broker.publish("orders/cancelled", "order 43")).toBe(0);
  expect(got).toEqual(["orders/created=order 42"]);
});

test("+ matches one level and # matches the rest, the parent included", () => {
  const broker = new Broker();
  const plus: string[] = [];
  const hash: string[] = [];
  broker.subscribe("sensors/+/temp", (topic) => plus.push(topic));
  broker.subscribe("sensors/#", (topic) => hash.push(topic));
  for (const topic of ["sensors", "sensors/kitchen/temp", "sensors/kitchen/oven/temp"]) broker.publish(topic, "21");
  expect(plus).toEqual(["sensors/kitchen/temp"]);
  expect(hash).toEqual(["sensors", "sensors/kitchen/temp", "sensors/kitchen/oven/temp"]);
});

test("unsubscribe stops later deliveries", () => {
  const broker = new Broker();
  const got: string[] = [];
  const unsubscribe = broker.subscribe("news", (_topic, message) => got.push(message));
  broker.publish("news", "one");
  unsubscribe();
  expect(broker.publish("news", "two")).toBe(0);
  expect(got).toEqual(["one"]);
});

test("a publish inside a handler is delivered after the current message reaches everyone", () => {
  const broker = new Broker();
  const log: string[] = [];
  broker.subscribe("chat", (_topic, message) => {
    log.push(`A:${message}`);
    if (message === "hello") broker.publish("chat", "echo");
  });
  broker.subscribe("chat", (_topic, message) => log.push(`B:${message}`));
  broker.publish("chat", "hello");
  expect(log).toEqual(["A:hello", "B:hello", "A:echo", "B:echo"]);
});

test("a retained message goes to a new matching subscriber at once", () => {
  const broker = new Broker();
  const got: string[] = [];
  broker.retain("status/door", "open");
  broker.subscribe("status/+", (topic, message) => got.push(`${topic}=${message}`));
  expect(got).toEqual(["status/door=open"]);
});

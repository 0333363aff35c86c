import { expect, test } from "@blueprint/test";
import { NoHealthyBackendError, ipHash, leastConnections, roundRobin, weightedRoundRobin } from "./solution";

test("round robin takes the next healthy backend in list order", () => {
  const balancer = roundRobin([{ id: "a" }, { id: "b" }, { id: "c" }]);
  expect([balancer.pick(), balancer.pick(), balancer.pick(), balancer.pick()]).toEqual(["a", "b", "c", "a"]);
  balancer.markDown("b");
  expect([balancer.pick(), balancer.pick()]).toEqual(["c", "a"]);
});

test("least connections prefers the backend with fewest open connections", () => {
  const balancer = leastConnections([{ id: "a" }, { id: "b" }]);
  expect(balancer.pick()).toBe("a");
  expect(balancer.pick()).toBe("b");
  balancer.release("a");
  expect(balancer.pick()).toBe("a");
});

test("smooth weighted round robin with weights 5, 1, 1", () => {
  const balancer = weightedRoundRobin([{ id: "a", weight: 5 }, { id: "b", weight: 1 }, { id: "c", weight: 1 }]);
  const seven = Array.from({ length: 7 }, () => balancer.pick());
  expect(seven).toEqual(["a", "a", "b", "a", "c", "a", "a"]);
});

test("ip hash is sticky per client", () => {
  const balancer = ipHash([{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }]);
  const first = balancer.pick("203.0.113.5");
  expect(balancer.pick("203.0.113.5")).toBe(first);
});

test("all backends down throws NoHealthyBackendError", () => {
  const balancer = roundRobin([{ id: "a" }]);
  balancer.markDown("a");
  expect(() => balancer.pick()).toThrow(NoHealthyBackendError);
});

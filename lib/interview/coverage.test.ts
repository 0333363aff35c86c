import { describe, expect, test } from "vitest";
import { coverageReport, isAcronym, matchConcepts, termPattern } from "./coverage";

const keywords = {
  "load-balancer": ["load balancer", "round robin", "least connections", "L7", "LB"],
  "cap-theorem": ["CAP", "eventual consistency"],
  caching: ["cache", "cached", "Redis"],
  "pub-sub": ["pub/sub", "fan-out"],
  indexing: ["B+ tree"],
};
const slugs = (text: string) => matchConcepts(text, keywords).map((match) => match.slug);

describe("matching", () => {
  test("finds synonyms whatever their case, with plurals and hyphens", () => {
    expect(slugs("Two Load-Balancers in front, ROUND ROBIN")).toEqual(["load-balancer"]);
    expect(slugs("a redis cache in front of the DB")).toEqual(["caching"]);
    expect(slugs("Fan out via pub/sub")).toEqual(["pub-sub"]);
    expect(slugs("index: a B+ tree")).toEqual(["indexing"]);
  });

  test("acronyms match only in capitals", () => {
    expect(slugs("put an LB in front")).toEqual(["load-balancer"]);
    expect(slugs("two LBs")).toEqual(["load-balancer"]);
    expect(slugs("weighs 5 lb")).toEqual([]);
    expect(slugs("wear a cap")).toEqual([]);
    expect(slugs("by CAP we choose AP")).toEqual(["cap-theorem"]);
  });

  test("whole words only: no hits inside longer words", () => {
    expect(slugs("capacity planning")).toEqual([]);
    expect(slugs("the LBX product, SLB")).toEqual([]);
    expect(slugs("cachet and precache")).toEqual([]);
    expect(slugs("TL7 and L70")).toEqual([]);
  });

  test("reports which synonyms were found", () => {
    expect(matchConcepts("LB with least connections", keywords)).toEqual([{ slug: "load-balancer", terms: ["least connections", "LB"] }]);
  });

  test("isAcronym and the patterns' flags", () => {
    expect(isAcronym("LB")).toBe(true);
    expect(isAcronym("CRC32C")).toBe(true);
    expect(isAcronym("Redis")).toBe(false);
    expect(isAcronym("429")).toBe(false);
    expect(termPattern("LB").flags).not.toContain("i");
    expect(termPattern("round robin").flags).toContain("i");
  });
});

test("a report splits used, missed and extra concepts", () => {
  const report = coverageReport(["LB in front", "Redis for hot keys; CAP: AP"], ["load-balancer", "caching", "indexing"], keywords);
  expect(report.used.map((match) => match.slug)).toEqual(["load-balancer", "caching"]);
  expect(report.missed).toEqual(["indexing"]);
  expect(report.extra.map((match) => match.slug)).toEqual(["cap-theorem"]);
});

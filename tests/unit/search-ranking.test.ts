import { describe, expect, test } from "vitest";
import { searchIndex } from "../../lib/search/build-index";
import { distinctWords, prepare, search, tokenize, type SearchDoc } from "../../lib/search/search";

const doc = (over: Partial<SearchDoc> & Pick<SearchDoc, "title">): SearchDoc => ({
  kind: "lesson",
  href: `/x/${over.title}`,
  summary: "",
  labels: "",
  words: "",
  ...over,
});

const index = prepare({
  version: "t",
  docs: [
    doc({ title: "Caching", summary: "Keep hot data close", words: distinctWords("An LRU cache evicts the least recently used entry; stampedes happen at expiry.") }),
    doc({ title: "CDN", kind: "page", summary: "Edges near users", words: distinctWords("The edge cache honours Cache-Control and coalesces requests.") }),
    doc({ title: "Build an LRU cache with TTLs", kind: "challenge", summary: "Evict and expire" }),
    doc({ title: "Heartbeat", labels: "Phi accrual detector", words: distinctWords("A quorum is not involved here.") }),
    doc({ title: "CAP theorem", words: distinctWords("A quorum of replicas answers reads and writes.") }),
  ],
});

const titles = (query: string) => search(index, query).map((hit) => hit.doc.title);

describe("search ranking", () => {
  test("a title match outranks a word inside a lesson", () => {
    expect(titles("cache")[0]).toBe("Build an LRU cache with TTLs");
    expect(titles("caching")).toEqual(["Caching"]);
  });

  test("a half-typed word already matches by prefix", () => {
    expect(titles("heartb")).toEqual(["Heartbeat"]);
    expect(titles("stamp")).toEqual(["Caching"]);
  });

  test("words inside lessons are found and reported as the reason", () => {
    const [hit] = search(index, "stampedes");
    expect(hit?.doc.title).toBe("Caching");
    expect(hit?.matched).toEqual(["stampedes"]);
  });

  test("every query word must match", () => {
    expect(titles("quorum replicas")).toEqual(["CAP theorem"]);
    expect(titles("quorum")).toHaveLength(2);
    expect(titles("quorum zebra")).toEqual([]);
  });

  test("headings and summaries weigh more than body words", () => {
    expect(titles("accrual")).toEqual(["Heartbeat"]);
    expect(titles("edge")[0]).toBe("CDN");
  });

  test("empty and stop-word-only queries return nothing; case and accents are ignored", () => {
    expect(titles("")).toEqual([]);
    expect(titles("the of")).toEqual([]);
    expect(tokenize("Café LRU")).toEqual(["cafe", "lru"]);
    expect(titles("LRU")[0]).toBe("Build an LRU cache with TTLs");
  });
});

describe("typo tolerance", () => {
  test("one or two typos in a longer word still match; short words must be exact", () => {
    expect(titles("heartbaet")).toEqual(["Heartbeat"]);
    expect(titles("qourum replicsa")).toEqual(["CAP theorem"]);
    // Three letters get no fuzzy matching, or "lru" would match every three-letter word.
    expect(titles("lrv")).toEqual([]);
  });
});

describe("the real index", () => {
  const real = prepare(searchIndex().index);
  const first = (query: string) => search(real, query)[0]?.doc.href;

  test("misspelled concept names find their lesson first", () => {
    expect(first("consitent hashing")).toBe("/concepts/consistent-hashing");
    expect(first("circut breaker")).toBe("/concepts/circuit-breaker");
    expect(first("load balancr")).toBe("/concepts/load-balancer");
  });

  test("half-typed and exact names find their lesson first", () => {
    expect(first("rate lim")).toBe("/concepts/rate-limiting");
    expect(first("bloom")).toBe("/concepts/bloom-filter");
    expect(first("Consistent hashing")).toBe("/concepts/consistent-hashing");
  });

  test("a word of a lesson finds the lesson", () => {
    const hits = search(real, "stampede");
    const caching = hits.find((hit) => hit.doc.href === "/concepts/caching");
    expect(caching).toBeDefined();
  });
});

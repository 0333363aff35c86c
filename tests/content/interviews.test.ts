// Every mock interview prompt: valid frontmatter, real concept slugs, 6-10 rubric
// points, a reference answer that compiles; and the concept synonym lists.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { listConcepts } from "../../lib/content/catalog";
import {
  checkInterviewReference,
  interviewSlugs,
  listInterviewPrompts,
  loadConceptKeywords,
  loadInterviewPrompt,
  loadInterviewPrompts,
} from "../../lib/content/interviews";
import { matchConcepts } from "../../lib/interview/coverage";

const prompts = loadInterviewPrompts();
const slugs = new Set(listConcepts().map((concept) => concept.slug));
const keywords = loadConceptKeywords();

test("there are at least 10 prompts, each loaded from its own file", () => {
  expect(prompts.length).toBeGreaterThanOrEqual(10);
  expect(prompts.map((prompt) => prompt.slug).sort()).toEqual(interviewSlugs());
});

test("the suggested prompts are all there", () => {
  for (const slug of ["url-shortener", "rate-limiter-service", "news-feed", "chat-messaging", "video-streaming", "web-crawler", "notification-system", "distributed-cache", "ride-hailing-dispatch", "payment-system"]) {
    expect(loadInterviewPrompt(slug), slug).toBeDefined();
  }
});

test("listInterviewPrompts gives the public summary only", () => {
  const [first] = listInterviewPrompts();
  expect(Object.keys(first ?? {}).sort()).toEqual(["brief", "concepts", "difficulty", "slug", "title"]);
});

test("an unknown or malformed slug is no prompt", () => {
  expect(loadInterviewPrompt("no-such-prompt")).toBeUndefined();
  expect(loadInterviewPrompt("../concepts/catalog")).toBeUndefined();
});

describe.each(prompts.map((prompt) => [prompt.slug, prompt] as const))("%s", (_slug, prompt) => {
  test("uses only concept slugs from the catalog", () => {
    for (const concept of prompt.concepts) expect(slugs.has(concept), concept).toBe(true);
  });

  test("has 6-10 rubric points, each different", () => {
    expect(prompt.rubric.length).toBeGreaterThanOrEqual(6);
    expect(prompt.rubric.length).toBeLessThanOrEqual(10);
    expect(new Set(prompt.rubric).size).toBe(prompt.rubric.length);
  });

  test("has phases that add up to a real interview (20-90 minutes)", () => {
    const total = prompt.phases.reduce((sum, phase) => sum + phase.minutes, 0);
    expect(total).toBeGreaterThanOrEqual(20);
    expect(total).toBeLessThanOrEqual(90);
  });

  test("has a reference answer that compiles, uses known components and walks through the phases", async () => {
    const { links } = await checkInterviewReference(prompt);
    for (const link of links) if (link.startsWith("/concepts/")) expect(slugs.has(link.split("/")[2] ?? ""), link).toBe(true);
    expect(prompt.reference).toMatch(/^## Requirements/m);
    expect(prompt.reference).toMatch(/^## Estimates/m);
    expect(prompt.reference).toMatch(/^## Deep dive/m);
  });

  test("its reference answer mentions every concept it lists, by the same matcher the learner's notes go through", () => {
    const found = new Set(matchConcepts(prompt.reference, keywords).map((match) => match.slug));
    const missing = prompt.concepts.filter((concept) => !found.has(concept));
    expect(missing, "concepts the reference answer never mentions").toEqual([]);
  });
});

describe("concept synonyms", () => {
  test("every concept has a keywords.json with at least 3 synonyms", () => {
    for (const slug of slugs) expect(keywords[slug]?.length ?? 0, slug).toBeGreaterThanOrEqual(3);
  });

  test("no synonym belongs to two concepts", () => {
    const seen = new Map<string, string>();
    for (const [slug, terms] of Object.entries(keywords)) {
      for (const term of terms) {
        expect(seen.get(term.toLowerCase()), `${term} in ${slug}`).toBeUndefined();
        seen.set(term.toLowerCase(), slug);
      }
    }
  });

  test("ordinary prose about payments, followers and capacity hits no concept", () => {
    const text = "Users follow each other and followers see posts. The payment gateway charges the card. Capacity grows; we pop the next item off the list.";
    expect(matchConcepts(text, keywords)).toEqual([]);
  });

  test("a typical answer finds the concepts it names", () => {
    const text = "Round robin L7 LB, Redis cache-aside, shard by user id, Kafka queue, token bucket, CDN for video, consistent hashing";
    expect(matchConcepts(text, keywords).map((match) => match.slug).sort()).toEqual(
      ["caching", "cdn", "consistent-hashing", "load-balancer", "message-queue", "rate-limiting", "sharding"].sort(),
    );
  });
});

describe("a broken prompt is reported with its file and field", () => {
  const saved = process.env.BLUEPRINT_CONTENT_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.BLUEPRINT_CONTENT_DIR;
    else process.env.BLUEPRINT_CONTENT_DIR = saved;
  });

  function contentWith(slug: string, source: string): void {
    const root = mkdtempSync(path.join(os.tmpdir(), "blueprint-interviews-"));
    mkdirSync(path.join(root, "concepts"), { recursive: true });
    cpSync(path.join(process.cwd(), "content/concepts/catalog.json"), path.join(root, "concepts/catalog.json"));
    mkdirSync(path.join(root, "interviews"));
    writeFileSync(path.join(root, "interviews", `${slug}.mdx`), source);
    process.env.BLUEPRINT_CONTENT_DIR = root;
  }

  const good = loadInterviewPrompt("url-shortener")!;
  const frontmatter = (change: Record<string, unknown>) =>
    `---\n${JSON.stringify({ title: good.title, difficulty: good.difficulty, brief: good.brief, scale: good.scale, concepts: good.concepts, rubric: good.rubric, ...change })}\n---\n${good.reference}`;

  test("too few rubric points", () => {
    contentWith("broken-rubric", frontmatter({ rubric: good.rubric.slice(0, 5) }));
    expect(() => loadInterviewPrompt("broken-rubric")).toThrow(/broken-rubric\.mdx: rubric: a prompt has 6-10 rubric points/);
  });

  test("a concept that is not in the catalog", () => {
    contentWith("broken-concept", frontmatter({ concepts: ["caching", "sharding", "load-balancing"] }));
    expect(() => loadInterviewPrompt("broken-concept")).toThrow(/concepts\.2: "load-balancing" is not a concept slug/);
  });

  test("a reference answer with an unknown component", async () => {
    contentWith("broken-body", frontmatter({}).replace("## Requirements", "<Spoiler />\n\n## Requirements"));
    await expect(checkInterviewReference(loadInterviewPrompt("broken-body")!)).rejects.toThrow(/unknown component\(s\) Spoiler/);
  });
});

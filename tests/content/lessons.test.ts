// Every lesson: valid frontmatter and quiz, the sections of the lesson guide, a
// reading time of 8-25 minutes, links that resolve, TypeScript snippets that compile.
import path from "node:path";
import { describe, expect, test } from "vitest";
import { listConcepts } from "../../lib/content/catalog";
import { analyzeLesson, loadLessonSource, REQUIRED_SECTIONS, type LessonSource } from "../../lib/content/lessons";
import { narrowing } from "./narrowing";
import { formatTypeErrors, typecheck } from "./typecheck";

const only = narrowing("BLUEPRINT_CONCEPT"); // e.g. BLUEPRINT_CONCEPT=rate-limiting
const concepts = listConcepts();
// A lesson that fails to load throws here, failing this file with its file and field named.
const loaded = concepts.map((concept) => [concept.slug, loadLessonSource(concept.slug)] as const);
const lessons = loaded
  .map(([, lesson]) => lesson)
  .filter((lesson): lesson is LessonSource => lesson !== undefined)
  .filter((lesson) => !only || lesson.slug === only);
const slugs = new Set(concepts.map((concept) => concept.slug));

test("all 20 concepts have their lesson", () => {
  expect(concepts).toHaveLength(20);
  expect(loaded.filter(([, lesson]) => lesson === undefined).map(([slug]) => slug)).toEqual([]);
});

test(only ? `the narrowing names a real lesson (${only})` : "every lesson is checked", () => {
  expect(lessons.map((lesson) => lesson.slug)).toEqual(only ? [only] : concepts.map((concept) => concept.slug));
});

describe.each(lessons.map((lesson) => [lesson.slug, lesson] as const))("%s lesson", (_slug, lesson) => {
  test("has every section of the lesson guide, in order", async () => {
    const analysis = await analyzeLesson(lesson);
    const sections = analysis.headings.filter((h) => h.depth === 2).map((h) => h.text);
    const positions = REQUIRED_SECTIONS.map((section) => sections.indexOf(section));
    expect(positions.filter((p) => p < 0).length, `missing: ${REQUIRED_SECTIONS.filter((_, i) => positions[i]! < 0).join(", ")}`).toBe(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test("reads in 8 to 25 minutes", async () => {
    const { readingMinutes, words } = await analyzeLesson(lesson);
    expect(readingMinutes, `${words} words`).toBeGreaterThanOrEqual(8);
    expect(readingMinutes, `${words} words`).toBeLessThanOrEqual(25);
  });

  test("has a picture or an interactive model and at least five interview follow-ups", async () => {
    const { components } = await analyzeLesson(lesson);
    expect(components.some((name) => name === "Figure" || name.endsWith("Model"))).toBe(true);
    const followUps = lesson.body.match(/<FollowUp\b/g) ?? [];
    expect(followUps.length).toBeGreaterThanOrEqual(5);
  });

  test("links resolve (internal) or are well formed (external)", async () => {
    const { links, headings } = await analyzeLesson(lesson);
    const anchors = new Set(headings.map((h) => h.id));
    expect(links.filter((link) => /^https:\/\//.test(link)).length, "cite primary sources").toBeGreaterThanOrEqual(2);
    for (const link of links) {
      if (link.startsWith("#")) expect(anchors.has(link.slice(1)), link).toBe(true);
      else if (link.startsWith("/concepts/")) expect(slugs.has(link.split("/")[2]?.split("#")[0] ?? ""), link).toBe(true);
      else if (link.startsWith("/")) expect(["/", "/concepts"], link).toContain(link);
      else expect(() => new URL(link), link).not.toThrow();
      if (/^https?:/.test(link)) expect(new URL(link).protocol, link).toBe("https:");
    }
  });

  test("every TypeScript snippet compiles", async () => {
    const { codeBlocks } = await analyzeLesson(lesson);
    const virtual = new Map<string, string>();
    const dir = path.dirname(lesson.file);
    codeBlocks
      .filter((block) => block.lang === "ts" || block.lang === "typescript")
      .forEach((block, index) => {
        // Each snippet is its own module; `export {}` keeps its names from clashing.
        virtual.set(path.join(dir, `snippet-line-${block.line}-${index}.ts`), `${block.code}\nexport {};\n`);
      });
    const errors = typecheck([...virtual.keys()], virtual);
    expect(errors, formatTypeErrors(errors)).toEqual([]);
  });

  test("each quiz option explains itself and exactly one is right", () => {
    for (const question of lesson.frontmatter.quiz) {
      expect(question.options.filter((option) => option.correct)).toHaveLength(1);
      for (const option of question.options) expect(option.explanation.length).toBeGreaterThan(10);
    }
  });
});

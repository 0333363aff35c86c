// Review cards of lessons: every <FollowUp> block of every lesson is found, with its question
// and a non-empty answer, and every quiz question is there (the loader reads the MDX itself).
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { lessonFile } from "../../lib/content/lessons";
import { loadLessonReviewSources, parseFollowUps } from "../../lib/content/review-sources";

describe("lesson review sources", () => {
  const sources = loadLessonReviewSources();

  test("every available lesson is a source", () => {
    expect(sources.length).toBeGreaterThanOrEqual(20);
  });

  test.each(sources.map((source) => [source.concept, source] as const))("%s: each FollowUp opening becomes one follow-up with a question and an answer", (_concept, source) => {
    const openings = readFileSync(lessonFile(source.concept), "utf8").match(/<FollowUp\b/g) ?? [];
    expect(source.followUps).toHaveLength(openings.length);
    expect(source.followUps.length).toBeGreaterThan(0);
    for (const item of source.followUps) {
      expect(item.question.length).toBeGreaterThan(10);
      expect(item.answer.length).toBeGreaterThan(20);
      expect(item.answer).not.toContain("<FollowUp");
    }
    expect(source.quiz.length).toBeGreaterThanOrEqual(3);
  });

  test("parseFollowUps reads single-quoted and expression questions and keeps the body", () => {
    const body = `<FollowUp question='Why?'>\n\nBecause.\n\n</FollowUp>\n<FollowUp question={"What now?"}>Later.</FollowUp>`;
    expect(parseFollowUps(body)).toEqual([
      { question: "Why?", answer: "Because." },
      { question: "What now?", answer: "Later." },
    ]);
  });
});

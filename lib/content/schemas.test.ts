import { describe, expect, test } from "vitest";
import { ContentError, parseOrThrow } from "./errors";
import { challengeMetaSchema, lessonFrontmatterSchema } from "./schemas";

const option = (text: string, correct = false) => ({ text, correct, explanation: `Because ${text} is how it works.` });
const question = { question: "Which one is right here?", options: [option("a", true), option("b")] };

describe("content schemas", () => {
  test("a valid lesson frontmatter parses", () => {
    const parsed = lessonFrontmatterSchema.parse({
      title: "Rate limiting",
      summary: "Decide whether each request may pass right now.",
      concept: "rate-limiting",
      quiz: [question, question, question],
    });
    expect(parsed.quiz).toHaveLength(3);
  });

  test("a quiz question with two right answers is rejected, naming the field", () => {
    const bad = { ...question, options: [option("a", true), option("b", true)] };
    expect(() =>
      parseOrThrow(lessonFrontmatterSchema, { title: "T1", summary: "x".repeat(30), concept: "c", quiz: [question, bad, question] }, "content/x/lesson.mdx"),
    ).toThrow(/content\/x\/lesson\.mdx: quiz\.1\.options: exactly one option must be correct/);
  });

  test("an option without an explanation is rejected", () => {
    const bad = { question: "Which one is right here?", options: [{ text: "a", correct: true }, option("b")] };
    expect(() => parseOrThrow(lessonFrontmatterSchema, { title: "T1", summary: "x".repeat(30), concept: "c", quiz: [bad, question, question] }, "f")).toThrow(
      ContentError,
    );
  });

  test("challenge meta needs a well-formed id and at least one export", () => {
    expect(() => parseOrThrow(challengeMetaSchema, { id: "Bad Id", title: "Title", exports: ["A"], summary: "s".repeat(30) }, "meta.json")).toThrow(
      /meta\.json: id:/,
    );
    expect(() => parseOrThrow(challengeMetaSchema, { id: "a/b", title: "Title", exports: [], summary: "s".repeat(30) }, "meta.json")).toThrow(
      /exports/,
    );
  });
});

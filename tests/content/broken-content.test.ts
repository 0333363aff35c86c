// A broken lesson or challenge fails with the file and the field named.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { loadChallenge } from "../../lib/content/challenges";
import { analyzeLesson, loadLessonSource } from "../../lib/content/lessons";

let dir: string;
const lessonPath = () => path.join(dir, "concepts/rate-limiting/lesson.mdx");
const metaPath = () => path.join(dir, "concepts/rate-limiting/challenge/meta.json");

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-content-"));
  cpSync(path.join(process.cwd(), "content/concepts/catalog.json"), path.join(dir, "concepts/catalog.json"));
  cpSync(path.join(process.cwd(), "content/concepts/rate-limiting"), path.join(dir, "concepts/rate-limiting"), { recursive: true });
  process.env.BLUEPRINT_CONTENT_DIR = dir;
});

afterEach(() => {
  delete process.env.BLUEPRINT_CONTENT_DIR;
  rmSync(dir, { recursive: true, force: true });
});

describe("broken content", () => {
  test("a lesson with a bad frontmatter field names the file and the field", () => {
    writeFileSync(lessonPath(), readFileSync(lessonPath(), "utf8").replace(/^concept: .*$/m, "concept: Not A Slug"));
    expect(() => loadLessonSource("rate-limiting")).toThrow(/rate-limiting\/lesson\.mdx: concept:/);
  });

  test("a lesson whose MDX does not compile names the file and the line", async () => {
    writeFileSync(lessonPath(), `${readFileSync(lessonPath(), "utf8")}\n\n<Callout kind="note">\nunclosed\n`);
    const lesson = loadLessonSource("rate-limiting");
    await expect(analyzeLesson(lesson!)).rejects.toThrow(/lesson\.mdx: body.*MDX does not compile/);
  });

  test("a lesson using an unknown component is rejected", async () => {
    writeFileSync(lessonPath(), `${readFileSync(lessonPath(), "utf8")}\n\n<Marquee>hi</Marquee>\n`);
    await expect(analyzeLesson(loadLessonSource("rate-limiting")!)).rejects.toThrow(/unknown component\(s\) Marquee/);
  });

  test("a challenge meta.json with a missing field names it", () => {
    const meta = JSON.parse(readFileSync(metaPath(), "utf8")) as Record<string, unknown>;
    delete meta.exports;
    writeFileSync(metaPath(), JSON.stringify(meta));
    expect(() => loadChallenge("rate-limiting/limiters")).toThrow(/challenge\/meta\.json: exports:/);
  });

  test("a challenge whose id disagrees with its folder is rejected", () => {
    const meta = JSON.parse(readFileSync(metaPath(), "utf8")) as Record<string, unknown>;
    writeFileSync(metaPath(), JSON.stringify({ ...meta, id: "rate-limiting/other" }));
    expect(() => loadChallenge("rate-limiting/limiters")).toThrow(/meta\.json: id: must be "rate-limiting\/limiters"/);
  });
});

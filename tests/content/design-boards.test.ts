// Every prompt's design-check boards through the real check: the reference board passes
// every check, and each flawed board fails exactly the checks its flawed.json entry names
// (its file name starts with one of them). A board that breaks a rule of the format fails
// to load, naming the file.
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { interviewSlugs, loadInterviewBoards, loadInterviewPrompt } from "../../lib/content/interviews";
import { checkDesign, failedChecks, type DesignVerdict } from "../../lib/design";

const explain = (verdict: DesignVerdict) =>
  verdict.checks
    .filter((check) => check.status === "failed")
    .map((check) => `${check.id}: ${check.message}`)
    .join("\n");

test("every prompt has a design workload and boards", () => {
  const slugs = interviewSlugs();
  expect(slugs.length).toBeGreaterThanOrEqual(10);
  for (const slug of slugs) {
    expect(loadInterviewPrompt(slug)?.design, `${slug}: design workload`).toBeDefined();
    expect(loadInterviewBoards(slug), `${slug}: reference-board.json`).toBeDefined();
  }
});

describe.each(interviewSlugs())("%s", (slug) => {
  const prompt = loadInterviewPrompt(slug)!;
  const boards = loadInterviewBoards(slug)!;

  test("the reference board passes every check", () => {
    const verdict = checkDesign(boards.reference.board, prompt.design!, slug);
    expect(failedChecks(verdict), explain(verdict)).toEqual([]);
    expect(verdict.verdict).toBe("passed");
  });

  test("the same board gives the same verdict, byte for byte", () => {
    for (const { board } of [boards.reference, ...boards.flawed]) {
      expect(JSON.stringify(checkDesign(structuredClone(board), prompt.design!, slug))).toBe(JSON.stringify(checkDesign(board, prompt.design!, slug)));
    }
  });

  test("the reference board is labelled and laid out on a grid without overlaps", () => {
    const places = new Set<string>();
    for (const node of boards.reference.board.nodes) {
      expect(node.label?.trim().length ?? 0, `${node.id} has a label`).toBeGreaterThan(2);
      const place = `${node.x},${node.y}`;
      expect(places.has(place), `${node.id} overlaps another node at ${place}`).toBe(false);
      places.add(place);
    }
  });

  test("there are at least four flawed boards, covering at least four different checks", () => {
    expect(boards.flawed.length).toBeGreaterThanOrEqual(4);
    expect(new Set(boards.flawed.map((board) => board.name.split("-")[0])).size).toBeGreaterThanOrEqual(4);
  });

  test.each(boards.flawed.map((board) => [board.name, board] as const))("%s fails exactly its named checks", (_name, flawed) => {
    const verdict = checkDesign(flawed.board, prompt.design!, slug);
    expect(verdict.verdict).toBe("failed");
    expect(failedChecks(verdict), explain(verdict)).toEqual(flawed.fails);
    // Every failed check says what broke and names a node or a lesson to read.
    for (const check of verdict.checks.filter((entry) => entry.status === "failed")) {
      expect(check.message, check.id).toMatch(/\S/);
    }
  });
});

describe("a broken board is reported with its file", () => {
  const saved = process.env.BLUEPRINT_CONTENT_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.BLUEPRINT_CONTENT_DIR;
    else process.env.BLUEPRINT_CONTENT_DIR = saved;
  });

  /** A copy of url-shortener's boards in a content folder of its own. */
  function copyOfBoards(): string {
    const root = mkdtempSync(path.join(os.tmpdir(), "blueprint-boards-"));
    cpSync(path.join(process.cwd(), "content/interviews/url-shortener"), path.join(root, "interviews/url-shortener"), { recursive: true });
    process.env.BLUEPRINT_CONTENT_DIR = root;
    return path.join(root, "interviews/url-shortener");
  }

  test("an unknown field names the file, the node and the field", () => {
    const dir = copyOfBoards();
    const file = path.join(dir, "flawed/storage-one-shard.json");
    const board = JSON.parse(readFileSync(file, "utf8"));
    board.nodes[0].colour = "red";
    writeFileSync(file, JSON.stringify(board));
    expect(() => loadInterviewBoards("url-shortener")).toThrow(/storage-one-shard\.json: \(board\): Invalid board: node 1 \("users"\): unknown field "colour"/);
  });

  test("a flawed board without a flawed.json entry, or named after a check it does not fail", () => {
    const dir = copyOfBoards();
    renameSync(path.join(dir, "flawed/storage-one-shard.json"), path.join(dir, "flawed/storage-one-small-shard.json"));
    expect(() => loadInterviewBoards("url-shortener")).toThrow(/lists a board that is not in url-shortener\/flawed\//);
    const manifest = JSON.parse(readFileSync(path.join(dir, "flawed.json"), "utf8"));
    manifest["storage-one-small-shard.json"] = manifest["storage-one-shard.json"];
    delete manifest["storage-one-shard.json"];
    manifest["storage-one-small-shard.json"].fails = ["capacity"];
    writeFileSync(path.join(dir, "flawed.json"), JSON.stringify(manifest));
    expect(() => loadInterviewBoards("url-shortener")).toThrow(/storage-one-small-shard\.json: \(name\): the name must start with a check it fails \(capacity\)/);
  });

  test("a prompt without boards has none", () => {
    copyOfBoards();
    expect(loadInterviewBoards("news-feed")).toBeUndefined();
    expect(loadInterviewBoards("../url-shortener")).toBeUndefined();
  });
});

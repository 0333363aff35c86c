// content/reference: drill scenarios, architectures and the cheat sheet load and name real concepts.
import { mkdtempSync, cpSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { listConcepts } from "../../lib/content/catalog";
import { loadArchitectures, loadCheatSheet, loadScenarios } from "../../lib/content/reference";

const slugs = new Set(listConcepts().map((c) => c.slug));

describe("drill scenarios", () => {
  const scenarios = loadScenarios();

  test("at least 40, unique ids, every concept real and every concept drilled", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    for (const s of scenarios) expect(slugs, s.id).toContain(s.concept);
    expect(new Set(scenarios.map((s) => s.concept)).size).toBe(20);
  });

  test("the seed's decision matrix is covered: one matrix scenario per concept", () => {
    const fromMatrix = new Set(scenarios.filter((s) => s.source === "matrix").map((s) => s.concept));
    expect(fromMatrix.size).toBe(20);
  });

  test("texts and reasons are distinct prose, not placeholders", () => {
    expect(new Set(scenarios.map((s) => s.text)).size).toBe(scenarios.length);
    for (const s of scenarios) expect(s.reason.split(/\s+/).length, s.id).toBeGreaterThanOrEqual(15);
  });
});

describe("architectures and cheat sheet", () => {
  test("the seed's three architectures, every box a real concept", () => {
    const architectures = loadArchitectures();
    expect(architectures.map((a) => a.id)).toEqual(["high-traffic-web-app", "global-video-streaming", "microservices-platform"]);
    for (const a of architectures) for (const n of a.nodes) expect(slugs).toContain(n.concept);
  });

  test("every table row the seed got wrong or approximate says why", () => {
    const sheet = loadCheatSheet();
    expect(sheet.performance.rows.length).toBe(8);
    expect(sheet.performance.rows.every((r) => r.correction.length > 20)).toBe(true);
    expect(sheet.formulas.filter((f) => f.seed).length).toBeGreaterThanOrEqual(8);
  });
});

describe("broken reference content is named by file and field", () => {
  const original = process.env.BLUEPRINT_CONTENT_DIR;
  afterEach(() => {
    if (original === undefined) delete process.env.BLUEPRINT_CONTENT_DIR;
    else process.env.BLUEPRINT_CONTENT_DIR = original;
  });

  test("a scenario naming an unknown concept", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-ref-"));
    cpSync(path.join(process.cwd(), "content", "concepts", "catalog.json"), path.join(dir, "concepts", "catalog.json"));
    cpSync(path.join(process.cwd(), "content", "reference"), path.join(dir, "reference"), { recursive: true });
    const file = path.join(dir, "reference", "scenarios.json");
    const data = JSON.parse(readFileSync(file, "utf8")) as { scenarios: Array<{ concept: string }> };
    data.scenarios[3]!.concept = "service-mesh";
    writeFileSync(file, JSON.stringify(data));
    process.env.BLUEPRINT_CONTENT_DIR = dir;
    expect(() => loadScenarios()).toThrow(/scenarios\.json: scenarios\.3\.concept: "service-mesh" is not a concept/);
  });
});

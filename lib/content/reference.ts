// The quick reference (drill scenarios, architectures, cheat sheet) from
// content/reference/*.json, validated so a typo names its file and field.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { listConcepts } from "./catalog";
import { ContentError, parseOrThrow } from "./errors";
import { memoInProduction } from "./memo";
import { contentRoot } from "./paths";
import { SLUG } from "./schemas";

const slug = z.string().regex(SLUG, "must be a kebab-case slug");
const text = (min: number) => z.string().trim().min(min);

export const scenariosSchema = z.object({
  scenarios: z
    .array(
      z.object({
        id: slug,
        concept: slug,
        source: z.enum(["matrix", "tree", "extra"]),
        text: text(20),
        reason: text(40),
      }),
    )
    .min(40, "the drill needs at least 40 scenarios"),
});

export const architecturesSchema = z.object({
  architectures: z
    .array(
      z.object({
        id: slug,
        title: text(4),
        summary: text(20),
        nodes: z
          .array(
            z.object({
              id: z.string().min(1),
              concept: slug,
              label: text(2).max(22, "labels must fit a box: 22 characters at most"),
              col: z.number().int().min(0).max(3),
              row: z.number().int().min(0).max(2),
              reason: text(20),
            }),
          )
          .min(3),
        edges: z.array(z.tuple([z.string(), z.string()])),
      }),
    )
    .length(3),
});

const treeAnswerSchema = z.union([
  z.object({ label: text(3), next: z.string().min(1) }).strict(),
  z.object({ label: text(3), concepts: z.array(slug).min(1), note: text(10).optional() }).strict(),
]);

export const cheatSheetSchema = z.object({
  decisionTree: z.object({
    root: z.string().min(1),
    nodes: z.array(z.object({ id: z.string().min(1), question: text(5), answers: z.array(treeAnswerSchema).min(2) })).min(1),
  }),
  performance: z.object({
    rows: z
      .array(
        z.object({
          concept: slug,
          latency: text(2),
          throughput: text(2),
          applyWhen: text(2),
          status: z.enum(["rule-of-thumb", "corrected"]),
          correction: text(20),
        }),
      )
      .min(1),
  }),
  costBenefit: z.object({
    rows: z
      .array(z.object({ concept: slug, tier: z.enum(["easy", "medium", "hard"]), seedClaim: text(5), correction: text(10).optional() }))
      .min(1),
  }),
  mistakes: z.array(z.object({ title: text(3), points: z.array(text(5)).min(1) })).min(1),
  strategy: z.array(z.object({ phase: text(3), minutes: z.number().int().positive(), points: text(5) })).min(1),
  formulas: z
    .array(z.object({
        id: slug,
        concept: slug,
        name: text(3),
        seed: text(5).optional(),
        formula: text(5),
        note: text(10),
        /** The id of the matching calculator in the mock interviews' worksheet, when there is one. */
        worksheet: slug.optional(),
      }))
    .min(1),
});

export type Scenario = z.infer<typeof scenariosSchema>["scenarios"][number];
export type Architecture = z.infer<typeof architecturesSchema>["architectures"][number];
export type CheatSheet = z.infer<typeof cheatSheetSchema>;
export type DecisionTree = CheatSheet["decisionTree"];
export type TreeAnswer = z.infer<typeof treeAnswerSchema>;

function referenceFile(name: string): string {
  return path.join(contentRoot(), "reference", name);
}

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ContentError(file, "(root)", `not readable JSON: ${(error as Error).message}`);
  }
}

function checkConcept(file: string, field: string, value: string, known: Set<string>): void {
  if (!known.has(value)) throw new ContentError(file, field, `"${value}" is not a concept in content/concepts/catalog.json`);
}

function conceptSlugs(): Set<string> {
  return new Set(listConcepts().map((concept) => concept.slug));
}

function checkUnique(file: string, field: string, ids: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) throw new ContentError(file, `${field}.${index}.id`, `"${id}" is used twice`);
    seen.add(id);
  });
}

export function loadScenarios(): Scenario[] {
  return memoInProduction("loadScenarios", readScenarios);
}

function readScenarios(): Scenario[] {
  const file = referenceFile("scenarios.json");
  const { scenarios } = parseOrThrow(scenariosSchema, readJsonFile(file), file);
  const known = conceptSlugs();
  checkUnique(file, "scenarios", scenarios.map((s) => s.id));
  scenarios.forEach((s, i) => checkConcept(file, `scenarios.${i}.concept`, s.concept, known));
  return scenarios;
}

export function loadArchitectures(): Architecture[] {
  return memoInProduction("loadArchitectures", readArchitectures);
}

function readArchitectures(): Architecture[] {
  const file = referenceFile("architectures.json");
  const { architectures } = parseOrThrow(architecturesSchema, readJsonFile(file), file);
  const known = conceptSlugs();
  architectures.forEach((arch, a) => {
    checkUnique(file, `architectures.${a}.nodes`, arch.nodes.map((n) => n.id));
    const ids = new Set(arch.nodes.map((n) => n.id));
    const cells = new Set<string>();
    arch.nodes.forEach((node, n) => {
      checkConcept(file, `architectures.${a}.nodes.${n}.concept`, node.concept, known);
      const cell = `${node.col},${node.row}`;
      if (cells.has(cell)) throw new ContentError(file, `architectures.${a}.nodes.${n}`, `two boxes share column ${node.col}, row ${node.row}`);
      cells.add(cell);
    });
    arch.edges.forEach(([from, to], e) => {
      for (const end of [from, to]) {
        if (!ids.has(end)) throw new ContentError(file, `architectures.${a}.edges.${e}`, `"${end}" is not a node of this architecture`);
      }
    });
  });
  return architectures;
}

export function loadCheatSheet(): CheatSheet {
  return memoInProduction("loadCheatSheet", readCheatSheet);
}

function readCheatSheet(): CheatSheet {
  const file = referenceFile("cheat-sheet.json");
  const sheet = parseOrThrow(cheatSheetSchema, readJsonFile(file), file);
  const known = conceptSlugs();
  const tree = sheet.decisionTree;
  checkUnique(file, "decisionTree.nodes", tree.nodes.map((n) => n.id));
  const ids = new Set(tree.nodes.map((n) => n.id));
  if (!ids.has(tree.root)) throw new ContentError(file, "decisionTree.root", `"${tree.root}" is not a node`);
  tree.nodes.forEach((node, n) =>
    node.answers.forEach((answer, a) => {
      const field = `decisionTree.nodes.${n}.answers.${a}`;
      if ("next" in answer) {
        if (!ids.has(answer.next)) throw new ContentError(file, `${field}.next`, `"${answer.next}" is not a node`);
      } else answer.concepts.forEach((c, i) => checkConcept(file, `${field}.concepts.${i}`, c, known));
    }),
  );
  sheet.performance.rows.forEach((row, i) => checkConcept(file, `performance.rows.${i}.concept`, row.concept, known));
  sheet.costBenefit.rows.forEach((row, i) => checkConcept(file, `costBenefit.rows.${i}.concept`, row.concept, known));
  sheet.formulas.forEach((row, i) => checkConcept(file, `formulas.${i}.concept`, row.concept, known));
  checkUnique(file, "formulas", sheet.formulas.map((f) => f.id));
  return sheet;
}

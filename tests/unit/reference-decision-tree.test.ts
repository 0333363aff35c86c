// The cheat sheet's decision tree: every path ends in real concepts and every question is reachable.
import { describe, expect, test } from "vitest";
import { listConcepts } from "../../lib/content/catalog";
import { loadCheatSheet } from "../../lib/content/reference";

const sheet = loadCheatSheet();
const tree = sheet.decisionTree;
const slugs = new Set(listConcepts().map((c) => c.slug));

describe("decision tree", () => {
  test("every leaf names concepts from the catalog", () => {
    const leaves = tree.nodes.flatMap((node) => node.answers.filter((a) => "concepts" in a));
    expect(leaves.length).toBeGreaterThan(10);
    for (const leaf of leaves) {
      if (!("concepts" in leaf)) continue;
      for (const concept of leaf.concepts) expect(slugs, `${leaf.label} -> ${concept}`).toContain(concept);
    }
  });

  test("every question is reachable from the root and no path loops", () => {
    const byId = new Map(tree.nodes.map((n) => [n.id, n]));
    const reached = new Set<string>();
    const walk = (id: string, path: string[]) => {
      expect(path, `loop through ${id}`).not.toContain(id);
      reached.add(id);
      for (const answer of byId.get(id)!.answers) if ("next" in answer) walk(answer.next, [...path, id]);
    };
    walk(tree.root, []);
    expect([...reached].sort()).toEqual(tree.nodes.map((n) => n.id).sort());
  });

  test("the tree reaches all 20 concepts", () => {
    const named = new Set(tree.nodes.flatMap((n) => n.answers.flatMap((a) => ("concepts" in a ? a.concepts : []))));
    expect([...slugs].filter((s) => !named.has(s))).toEqual([]);
  });
});

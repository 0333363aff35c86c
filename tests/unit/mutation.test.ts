// The mutation run's own parts that need no judge: turning Stryker's mutant list into
// source files, and reading equivalent-mutants.md.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { EQUIVALENTS_FILE, readEquivalents } from "../../scripts/mutation/equivalents";
import { generateMutants, snippet } from "../../scripts/mutation/mutants";

const SOURCE = `// a comment line, so locations are not all on line 1
export function limit(count: number, max: number): boolean {
  return count + 1 <= max;
}
`;

describe("generateMutants", () => {
  test("each mutant is the original text with exactly one replacement spliced in", async () => {
    const mutants = await generateMutants("limit.ts", SOURCE);
    const sources = mutants.map((mutant) => mutant.source);
    expect(sources).toContain(SOURCE.replace("count + 1 <= max", "count + 1 < max"));
    expect(sources).toContain(SOURCE.replace("count + 1 <= max", "count - 1 <= max"));
    for (const mutant of mutants) {
      expect(mutant.source).not.toBe(SOURCE);
      // Everything before the mutated line is untouched, comment included.
      expect(mutant.source.startsWith("// a comment line")).toBe(true);
      expect(mutant.source).toContain(mutant.replacement);
    }
  });

  test("locations are 1-based and point at the original code", async () => {
    const mutants = await generateMutants("limit.ts", SOURCE);
    const boundary = mutants.find((mutant) => mutant.replacement === "count + 1 < max");
    expect(boundary).toMatchObject({ mutatorName: "EqualityOperator", line: 3, column: 10, original: "count + 1 <= max" });
  });

  test("keys are unique, and repeat only with an occurrence number", async () => {
    const twice = `export const a = (x: number) => x > 0;\nexport const b = (x: number) => x > 0;\n`;
    const keys = (await generateMutants("twice.ts", twice)).map((mutant) => mutant.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("EqualityOperator: x > 0 → x >= 0");
    expect(keys).toContain("EqualityOperator: x > 0 → x >= 0 #2");
  });

  test("long code is shortened in keys with a hash, so keys stay one line and distinct", () => {
    const long = `{ ${"const value = compute();\n".repeat(5)} }`;
    const short = snippet(long);
    expect(short).not.toContain("\n");
    expect(short.length).toBeLessThan(70);
    expect(short).not.toBe(snippet(`${long} `.replace("compute", "calculate")));
  });
});

describe("readEquivalents", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "equivalents-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("reads one key and reason per list item, including keys that end in an empty template literal", () => {
    writeFileSync(
      path.join(dir, EQUIVALENTS_FILE),
      [
        "# Equivalent mutants",
        "",
        "- `` EqualityOperator: x > 0 → x >= 0 `` x is never 0 here.",
        "- `` StringLiteral: `no ${id}` → `` `` Only the message.",
        "text that is not an entry",
      ].join("\n"),
    );
    expect(readEquivalents(dir).map(({ key, reason }) => [key, reason])).toEqual([
      ["EqualityOperator: x > 0 → x >= 0", "x is never 0 here."],
      ["StringLiteral: `no ${id}` → ``", "Only the message."],
    ]);
  });

  test("an entry without a reason is refused", () => {
    writeFileSync(path.join(dir, EQUIVALENTS_FILE), "- `` EqualityOperator: x > 0 → x >= 0 `` :\n");
    expect(() => readEquivalents(dir)).toThrow(/needs a reason/);
  });

  test("no file means no equivalent mutants", () => {
    expect(readEquivalents(path.join(dir, "missing"))).toEqual([]);
  });
});

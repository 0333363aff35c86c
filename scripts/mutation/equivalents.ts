// content/concepts/<slug>/challenge/equivalent-mutants.md: the surviving mutants that
// cannot change any behaviour the challenge's contract defines, one list item each:
//   - `` <mutant key as the mutation run prints it> `` why it cannot change behaviour
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export const EQUIVALENTS_FILE = "equivalent-mutants.md";

export interface EquivalentEntry {
  key: string;
  reason: string;
  line: number;
}

// Greedy: a key may itself end in `` (an empty template literal), so the reason starts after the last " `` ".
const ENTRY = /^- `` (.+) `` (.*)$/;

export function readEquivalents(challengeDir: string): EquivalentEntry[] {
  const file = path.join(challengeDir, EQUIVALENTS_FILE);
  if (!existsSync(file)) return [];
  const entries: EquivalentEntry[] = [];
  readFileSync(file, "utf8")
    .split("\n")
    .forEach((text, index) => {
      const match = ENTRY.exec(text.trimEnd());
      if (!match) return;
      const [, key = "", reason = ""] = match;
      const why = reason.replace(/^[—:-]\s*/, "").trim();
      if (!why) throw new Error(`${file}:${index + 1}: an equivalent mutant needs a reason after its key`);
      entries.push({ key, reason: why, line: index + 1 });
    });
  return entries;
}

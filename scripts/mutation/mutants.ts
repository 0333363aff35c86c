// StrykerJS's mutators over a challenge's reference solution, each mutant turned into a
// plain source file of its own (one replacement applied to the original text). The
// judge runs learner code inside an isolate, where Stryker's mutant switches and its
// coverage counters never reach, so every mutant is judged like a submission instead.
import { createHash } from "node:crypto";
import { Instrumenter } from "@stryker-mutator/instrumenter";

type StrykerLogger = ConstructorParameters<typeof Instrumenter>[0];

export interface SourceMutant {
  /** Stable across line shifts: mutator, original and replacement text, occurrence. */
  key: string;
  mutatorName: string;
  /** 1-based, for people. */
  line: number;
  column: number;
  original: string;
  replacement: string;
  source: string;
}

const quiet = (): StrykerLogger => {
  const no = () => false;
  const nothing = () => undefined;
  return {
    isTraceEnabled: no,
    isDebugEnabled: no,
    isInfoEnabled: no,
    isWarnEnabled: no,
    isErrorEnabled: no,
    isFatalEnabled: no,
    trace: nothing,
    debug: nothing,
    info: nothing,
    warn: nothing,
    error: nothing,
    fatal: nothing,
  };
};

/** Offsets of the start of each line, so Stryker's 0-based line/column become string indices. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/** One line, whitespace collapsed; long code shortened with a hash so keys stay unique and readable. */
export function snippet(code: string): string {
  const flat = code.replace(/\s+/g, " ").trim();
  if (flat.length <= 70) return flat;
  return `${flat.slice(0, 50)}… #${createHash("sha256").update(flat).digest("hex").slice(0, 6)}`;
}

export async function generateMutants(fileName: string, source: string): Promise<SourceMutant[]> {
  const instrumenter = new Instrumenter(quiet());
  const result = await instrumenter.instrument([{ name: fileName, content: source, mutate: true }], {
    plugins: null,
    excludedMutations: [],
    ignorers: [],
  });
  const starts = lineStarts(source);
  const offset = (position: { line: number; column: number }) => (starts[position.line] ?? source.length) + position.column;
  const seen = new Map<string, number>();
  const mutants: SourceMutant[] = [];
  for (const mutant of result.mutants) {
    // Stryker marks mutants its ignorers exclude; we pass none, but stay safe.
    if (mutant.status === "Ignored") continue;
    const start = offset(mutant.location.start);
    const end = offset(mutant.location.end);
    const original = source.slice(start, end);
    const base = `${mutant.mutatorName}: ${snippet(original)} → ${snippet(mutant.replacement)}`;
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    mutants.push({
      key: occurrence === 1 ? base : `${base} #${occurrence}`,
      mutatorName: mutant.mutatorName,
      line: mutant.location.start.line + 1,
      column: mutant.location.start.column + 1,
      original,
      replacement: mutant.replacement,
      source: source.slice(0, start) + mutant.replacement + source.slice(end),
    });
  }
  return mutants;
}

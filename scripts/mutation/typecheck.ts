// Type-checks mutants of a challenge's solution the way the content tests check a
// challenge (tests/content/typecheck.ts: strict, ES2022 without DOM, the judge's
// harness as "./support" and "@blueprint/test"), with the mutant standing in for
// solution.ts. Unlike that helper it keeps one compiler host and the previous program,
// so the lib files are parsed once per run, not once per mutant.
import path from "node:path";
import ts from "typescript";
import { LEARNER_COMPILER_OPTIONS } from "../../tests/content/typecheck";

const root = process.cwd();
const HARNESS = path.join(root, "lib/judge/harness");
const SUPPORT = path.join(HARNESS, "support.ts");
const TEST_API = path.join(HARNESS, "test-api.ts");
const GLOBALS = path.join(HARNESS, "sandbox-globals.d.ts");

export interface MutantChecker {
  /** The first type error of `source` as the challenge's solution.ts, or null when it type-checks. */
  check(source: string): string | null;
}

export function createMutantChecker(challengeDir: string): MutantChecker {
  const solutionFile = path.join(challengeDir, "solution.ts");
  const roots = [solutionFile, GLOBALS];
  const host = ts.createCompilerHost(LEARNER_COMPILER_OPTIONS);
  const baseRead = host.readFile.bind(host);
  const parsed = new Map<string, ts.SourceFile>();
  let mutantSource = "";
  host.readFile = (file) => (file === solutionFile ? mutantSource : baseRead(file));
  host.getSourceFile = (file, languageVersion) => {
    if (file === solutionFile) return ts.createSourceFile(file, mutantSource, languageVersion, true);
    let sourceFile = parsed.get(file);
    if (!sourceFile) {
      const text = baseRead(file);
      if (text === undefined) return undefined;
      sourceFile = ts.createSourceFile(file, text, languageVersion, true);
      parsed.set(file, sourceFile);
    }
    return sourceFile;
  };
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      const name = literal.text;
      let resolved: string | undefined;
      if (name === "./support") resolved = SUPPORT;
      else if (name === "@blueprint/test") resolved = TEST_API;
      else if (name === "./solution") resolved = solutionFile;
      else if (containingFile.startsWith(HARNESS)) resolved = path.join(path.dirname(containingFile), `${name}.ts`);
      return { resolvedModule: resolved ? { resolvedFileName: resolved, extension: ts.Extension.Ts } : undefined };
    });

  // Only the mutant's own diagnostics: checking the test files as well costs three times
  // as long per mutant and skipped exactly the same mutants on the suites tried
  // (rate-limiting, proxy, api-gateway): the challenge's types are declared in solution.ts.
  const checked = [solutionFile];
  let previous: ts.Program | undefined;
  return {
    check(source) {
      mutantSource = source;
      const program = ts.createProgram(roots, LEARNER_COMPILER_OPTIONS, host, previous);
      previous = program;
      const diagnostics = checked.flatMap((file) => {
        const sourceFile = program.getSourceFile(file);
        return sourceFile ? [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)] : [];
      });
      const first = diagnostics[0];
      if (!first) return null;
      const where =
        first.file && first.start !== undefined
          ? `${path.basename(first.file.fileName)}:${first.file.getLineAndCharacterOfPosition(first.start).line + 1}`
          : "(program)";
      return `${where} ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`;
    },
  };
}

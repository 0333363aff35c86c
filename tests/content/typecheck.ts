// Type-checks challenge files (and lesson snippets) the way Monaco sees them: strict
// TypeScript, ES2022 without DOM, "./support" and "@blueprint/test" resolved to the
// judge's harness, "./solution" to the challenge's reference solution.
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = process.cwd();
const SUPPORT = path.join(root, "lib/judge/harness/support.ts");
const TEST_API = path.join(root, "lib/judge/harness/test-api.ts");
const GLOBALS = path.join(root, "lib/judge/harness/sandbox-globals.d.ts");

export const LEARNER_COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: [],
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
};

export interface TypeError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * Checks a set of files. `virtual` maps absolute paths to contents for files that do not
 * exist on disk (lesson snippets); `solutionFor` gives the "./solution" of a test file.
 */
export function typecheck(files: string[], virtual: Map<string, string> = new Map()): TypeError[] {
  const host = ts.createCompilerHost(LEARNER_COMPILER_OPTIONS);
  const baseRead = host.readFile.bind(host);
  const baseExists = host.fileExists.bind(host);
  host.readFile = (file) => virtual.get(file) ?? baseRead(file);
  host.fileExists = (file) => virtual.has(file) || baseExists(file);
  host.getSourceFile = (file, languageVersion) => {
    const text = host.readFile(file);
    return text === undefined ? undefined : ts.createSourceFile(file, text, languageVersion, true);
  };
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      const name = literal.text;
      const dir = path.dirname(containingFile);
      let resolved: string | undefined;
      if (name === "./support") resolved = SUPPORT;
      else if (name === "@blueprint/test") resolved = TEST_API;
      else if (name === "./solution") {
        // Test files and mutants import the reference solution of their own challenge.
        const challengeDir = path.basename(dir) === "mutants" ? path.dirname(dir) : dir;
        resolved = path.join(challengeDir, "solution.ts");
      } else if (containingFile.startsWith(path.join(root, "lib/judge/harness"))) {
        resolved = path.join(dir, `${name}.ts`);
      }
      return { resolvedModule: resolved ? { resolvedFileName: resolved, extension: ts.Extension.Ts } : undefined };
    });
  const program = ts.createProgram([...files, GLOBALS], LEARNER_COMPILER_OPTIONS, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return diagnostics
    .filter((d) => !d.file || files.includes(d.file.fileName) || d.file.fileName === SUPPORT || d.file.fileName === TEST_API)
    .map((d) => {
      const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
      return {
        file: d.file ? path.relative(root, d.file.fileName) : "(program)",
        line: position.line + 1,
        column: position.character + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      };
    });
}

export function formatTypeErrors(errors: TypeError[]): string {
  return errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join("\n");
}

/** Reads a file, for tests that want to show snippets. */
export function readText(file: string): string {
  return readFileSync(file, "utf8");
}

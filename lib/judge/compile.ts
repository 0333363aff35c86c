// TypeScript -> sandbox scripts, with esbuild. Learner code and test files become
// CommonJS factories wrapped in a call to a harness hook, so the harness decides
// when each runs and what `require` can reach.
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { SourceMapConsumer } from "source-map-js";
import type { Diagnostic } from "./verdict";

const TARGET = "es2022";

export interface CompiledLearner {
  script: string;
  /** Maps a line/column of the wrapped script back to the learner's source. */
  originalPosition(line: number, column: number): { line: number; column: number } | null;
}

let harnessPromise: Promise<string> | undefined;

/** The bootstrap script bundled once per process (support, expect, runner, test API inside). */
export function harnessScript(): Promise<string> {
  harnessPromise ??= esbuild
    .build({
      entryPoints: [fileURLToPath(new URL("./harness/bootstrap.ts", import.meta.url))],
      bundle: true,
      write: false,
      format: "iife",
      platform: "neutral",
      target: TARGET,
      legalComments: "none",
      // Strict, so no harness function is reachable through a sloppy function's .caller.
      banner: { js: '"use strict";' },
    })
    .then((result) => {
      const output = result.outputFiles[0];
      if (!output) throw new Error("esbuild produced no harness output");
      return output.text;
    });
  return harnessPromise;
}

/** Compiles a trusted test file (examples or hidden) into a script for __bpDefine. */
export async function compileTestFile(source: string, filename: string): Promise<string> {
  const result = await esbuild.transform(source, { loader: "ts", format: "cjs", target: TARGET, sourcefile: filename });
  return `__bpDefine(function (module, exports, require) {"use strict";\n${result.code}\n});`;
}

export type LearnerCompileResult = { ok: true; compiled: CompiledLearner } | { ok: false; diagnostics: Diagnostic[] };

/** Compiles learner TypeScript; a syntax error becomes diagnostics with 1-based line and column. */
export async function compileLearner(source: string): Promise<LearnerCompileResult> {
  let result: esbuild.TransformResult;
  try {
    result = await esbuild.transform(source, {
      loader: "ts",
      format: "cjs",
      target: TARGET,
      sourcefile: "solution.ts",
      sourcemap: "external",
      logLevel: "silent",
    });
  } catch (error) {
    const failure = error as esbuild.TransformFailure;
    const diagnostics = (failure.errors ?? []).map((message) => ({
      line: message.location?.line ?? 1,
      column: (message.location?.column ?? 0) + 1,
      message: message.text,
    }));
    return { ok: false, diagnostics: diagnostics.length > 0 ? diagnostics : [{ line: 1, column: 1, message: String(error) }] };
  }
  // Parsed only when a load error needs mapping back (most runs never do).
  let consumer: SourceMapConsumer | undefined;
  // One line of wrapper precedes the learner's code.
  const wrapperLines = 1;
  return {
    ok: true,
    compiled: {
      script: `__bpLearner(function (module, exports, require) {"use strict";\n${result.code}\n});`,
      originalPosition(line, column) {
        if (line <= wrapperLines) return null;
        consumer ??= new SourceMapConsumer(JSON.parse(result.map) as ConstructorParameters<typeof SourceMapConsumer>[0]);
        const position = consumer.originalPositionFor({ line: line - wrapperLines, column: Math.max(0, column - 1) });
        return position.line === null ? null : { line: position.line, column: (position.column ?? 0) + 1 };
      },
    },
  };
}

/** Warms esbuild's service so the first learner run does not pay for its start. */
export async function warmCompiler(): Promise<void> {
  await Promise.all([harnessScript(), compileLearner("export const warm = 1;")]);
}

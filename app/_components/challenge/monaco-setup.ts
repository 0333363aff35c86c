"use client";

import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

export type Monaco = typeof monaco;

let configured = false;

/**
 * Points @monaco-editor/react at the bundled monaco-editor (no CDN), gives Monaco
 * its workers, and sets TypeScript up the way the judge compiles learner code:
 * strict, ES2022, no DOM, with `./support` and the sandbox's console as types.
 */
export function setupMonaco(extraLibs: Array<{ path: string; content: string }>): Monaco {
  if (!configured) {
    configured = true;
    self.MonacoEnvironment = {
      getWorker(_id: string, label: string) {
        if (label === "typescript" || label === "javascript") {
          return new Worker(new URL("./workers/ts.worker.ts", import.meta.url), { type: "module" });
        }
        return new Worker(new URL("./workers/editor.worker.ts", import.meta.url), { type: "module" });
      },
    };
    loader.config({ monaco });
    const ts = monaco.typescript;
    ts.typescriptDefaults.setCompilerOptions({
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      lib: ["es2022"],
      noEmit: true,
      allowNonTsExtensions: true,
    });
    ts.typescriptDefaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
  }
  monaco.typescript.typescriptDefaults.setExtraLibs(extraLibs.map((lib) => ({ filePath: lib.path, content: lib.content })));
  return monaco;
}

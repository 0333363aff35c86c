"use client";

import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

export type Monaco = typeof monaco;

// Runs once, when the editor chunk loads (client only): point @monaco-editor/react at
// the bundled monaco-editor (no CDN) and give Monaco its workers, served by this app.
self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    if (label === "typescript" || label === "javascript") {
      return new Worker(new URL("./workers/ts.worker.ts", import.meta.url), { type: "module" });
    }
    return new Worker(new URL("./workers/editor.worker.ts", import.meta.url), { type: "module" });
  },
};
loader.config({ monaco });

// TypeScript as the judge compiles learner code: strict, ES2022 library, no DOM.
monaco.typescript.typescriptDefaults.setCompilerOptions({
  strict: true,
  target: monaco.typescript.ScriptTarget.ESNext,
  module: monaco.typescript.ModuleKind.ESNext,
  moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
  lib: ["es2022"],
  noEmit: true,
  allowNonTsExtensions: true,
});

/** `./support` and the sandbox's console, as types for IntelliSense and inline errors. */
export function setEditorLibs(libs: Array<{ path: string; content: string }>): void {
  monaco.typescript.typescriptDefaults.setExtraLibs(libs.map((lib) => ({ filePath: lib.path, content: lib.content })));
}

// Monaco's own dark theme draws comments in #608b4e on #1e1e1e (4.2:1, under WCAG AA's
// 4.5:1); these themes change only that, to #6a9955 (5.0:1) in the dark.
export const EDITOR_THEME = { light: "vs", dark: "blueprint-dark" } as const;
monaco.editor.defineTheme("blueprint-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [{ token: "comment", foreground: "6a9955" }],
  colors: {},
});

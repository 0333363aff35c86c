"use client";

import { DiffEditor } from "@monaco-editor/react";
import { EDITOR_THEME } from "./monaco-setup";

/** Monaco's side-by-side diff, read only, between two submissions' code. */
export default function SubmissionDiffEditor({ original, modified, dark }: { original: string; modified: string; dark: boolean }) {
  return (
    <DiffEditor
      height="100%"
      language="typescript"
      original={original}
      modified={modified}
      theme={dark ? EDITOR_THEME.dark : EDITOR_THEME.light}
      loading={<p className="p-4 text-sm text-slate-500">Loading the diff…</p>}
      options={{
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        // Side by side even in a narrow panel: the point is to compare.
        useInlineViewWhenSpaceIsLimited: false,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        automaticLayout: true,
      }}
    />
  );
}

"use client";

import Editor, { type BeforeMount, type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import { EDITOR_THEME, setEditorLibs, type Monaco } from "./monaco-setup";

export interface EditorMarker {
  line: number;
  column: number;
  message: string;
}

interface Props {
  value: string;
  onChange(value: string): void;
  onRun(): void;
  onSubmit(): void;
  extraLibs: Array<{ path: string; content: string }>;
  markers: EditorMarker[];
  readOnly?: boolean;
  path: string;
  dark: boolean;
  revealLine?: { line: number; nonce: number } | null;
}

type StandaloneEditor = Parameters<OnMount>[0];

/** Monaco, self-hosted, with the challenge's types; Ctrl/Cmd+Enter runs, +Shift submits. */
export default function CodeEditor(props: Props) {
  const monacoRef = useRef<Monaco | null>(null);
  const editorRef = useRef<StandaloneEditor | null>(null);
  const handlers = useRef({ onRun: props.onRun, onSubmit: props.onSubmit });
  useEffect(() => {
    handlers.current = { onRun: props.onRun, onSubmit: props.onSubmit };
  }, [props.onRun, props.onSubmit]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      "judge",
      props.markers.map((marker) => ({
        startLineNumber: marker.line,
        startColumn: marker.column,
        endLineNumber: marker.line,
        endColumn: marker.column + 1,
        message: marker.message,
        severity: monaco.MarkerSeverity.Error,
      })),
    );
  }, [props.markers]);

  useEffect(() => {
    if (!props.revealLine || !editorRef.current) return;
    editorRef.current.revealLineInCenter(props.revealLine.line);
    editorRef.current.setPosition({ lineNumber: props.revealLine.line, column: 1 });
    editorRef.current.focus();
  }, [props.revealLine]);

  const beforeMount: BeforeMount = () => setEditorLibs(props.extraLibs);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onRun());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter, () => handlers.current.onSubmit());
  };

  return (
    <Editor
      height="100%"
      path={props.path}
      defaultLanguage="typescript"
      value={props.value}
      theme={props.dark ? EDITOR_THEME.dark : EDITOR_THEME.light}
      onChange={(value) => props.onChange(value ?? "")}
      beforeMount={beforeMount}
      onMount={onMount}
      loading={<p className="p-4 text-sm text-slate-500">Loading the editor…</p>}
      options={{
        readOnly: props.readOnly,
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        tabSize: 2,
        automaticLayout: true,
        ariaLabel: props.readOnly ? "Example tests (read only)" : "Your solution, TypeScript",
        accessibilitySupport: "auto",
      }}
    />
  );
}

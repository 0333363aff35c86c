"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Verdict } from "@/lib/judge/verdict";
import type { EditorMarker } from "./code-editor";
import type { ChallengeView, JudgeResponse, SubmissionRow } from "./types";
import { useDarkMode, useIsMac } from "../ui/use-dark-mode";
import { VerdictView, verdictSummary } from "./verdict-view";

const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-500">Loading the editor…</p>,
});

type SaveState = "saved" | "saving" | "unsaved" | "error";
type Tab = "code" | "examples";

interface Props {
  challenge: ChallengeView;
  initialCode: string;
  initialSubmissions: SubmissionRow[];
  editorLibs: Array<{ path: string; content: string }>;
}

const SAVE_DELAY_MS = 800;

export function ChallengePanel({ challenge, initialCode, initialSubmissions, editorLibs }: Props) {
  const [code, setCode] = useState(initialCode);
  const [tab, setTab] = useState<Tab>("code");
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [busy, setBusy] = useState<null | "run" | "submit">(null);
  const [elapsed, setElapsed] = useState(0);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [submissions, setSubmissions] = useState(initialSubmissions);
  const [revealLine, setRevealLine] = useState<{ line: number; nonce: number } | null>(null);
  const isMac = useIsMac();
  const dark = useDarkMode();
  const codeRef = useRef(code);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);

  const [concept, slug] = challenge.id.split("/") as [string, string];
  const modifier = isMac ? "⌘" : "Ctrl";

  const saveNow = useCallback(async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    setSaveState("saving");
    try {
      const response = await fetch(`/api/drafts/${concept}/${slug}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code: codeRef.current }),
      });
      setSaveState(response.ok ? "saved" : "error");
    } catch {
      setSaveState("error");
    }
  }, [concept, slug]);

  const onChange = (value: string) => {
    codeRef.current = value;
    setCode(value);
    setSaveState("unsaved");
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };

  // Keep the draft if the tab closes before the debounce fires.
  useEffect(() => {
    const flush = () => {
      if (!saveTimer.current) return;
      navigator.sendBeacon?.(
        `/api/drafts/${concept}/${slug}`,
        new Blob([JSON.stringify({ code: codeRef.current })], { type: "application/json" }),
      );
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [concept, slug]);

  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 100) / 10), 100);
    return () => clearInterval(timer);
  }, [busy]);

  const judge = useCallback(
    async (mode: "run" | "submit") => {
      if (busyRef.current) return;
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = null;
      busyRef.current = mode;
      setElapsed(0);
      setBusy(mode);
      setProblem(null);
      setAnnouncement(mode === "run" ? "Running the example tests…" : "Submitting to the hidden tests…");
      try {
        const response = await fetch(`/api/challenges/${concept}/${slug}/${mode}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: codeRef.current }),
        });
        const body = (await response.json().catch(() => ({}))) as Partial<JudgeResponse> & { error?: string };
        if (!response.ok) {
          const retry = response.headers.get("retry-after");
          const message =
            (body.error ?? `The server answered ${response.status}.`) + (retry ? ` You can try again in ${retry} s.` : "");
          setProblem(message);
          setAnnouncement(message);
          setSaveState(response.status === 503 || response.status === 429 ? "saved" : "error");
          return;
        }
        const result = body as JudgeResponse;
        setVerdict(result);
        setSaveState("saved");
        setSubmissions((rows) => [result.submission, ...rows].slice(0, 50));
        setAnnouncement(verdictSummary(result));
      } catch {
        const message = "Could not reach the server. Your code is still here; try again when you are back online.";
        setProblem(message);
        setAnnouncement(message);
      } finally {
        setBusy(null);
      }
    },
    [concept, slug],
  );

  // Shortcuts also work when focus is outside the editor.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      if ((event.target as HTMLElement | null)?.closest?.(".monaco-editor")) return; // Monaco handles its own
      event.preventDefault();
      void judge(event.shiftKey ? "submit" : "run");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [judge]);

  const markers: EditorMarker[] = useMemo(
    () => (verdict?.verdict === "compile_error" || verdict?.verdict === "runtime_error" ? (verdict.diagnostics ?? []) : []),
    [verdict],
  );

  const reset = () => {
    if (!window.confirm("Replace your code with the starter? Your current code stays in the submission history only if you ran it.")) return;
    onChange(challenge.starter);
    void saveNow();
  };

  const saveLabel = { saved: "Draft saved", saving: "Saving…", unsaved: "Unsaved changes", error: "Not saved: will retry on the next change" }[saveState];

  return (
    <section aria-labelledby="challenge-title" className="flex flex-col gap-3">
      <div>
        <p className="text-xs font-semibold uppercase tracking-wider text-sky-700 dark:text-sky-300">Challenge</p>
        <h2 id="challenge-title" className="text-xl font-semibold">
          {challenge.title}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{challenge.summary}</p>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          Export: <code className="font-mono">{challenge.exports.join(", ")}</code>
        </p>
      </div>

      <div role="tablist" aria-label="Editor views" className="flex gap-1 border-b border-slate-200 text-sm dark:border-slate-800">
        {(["code", "examples"] as const).map((id) => (
          <button
            key={id}
            role="tab"
            type="button"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            onClick={() => setTab(id)}
            className={`-mb-px border-b-2 px-3 py-1.5 ${tab === id ? "border-sky-600 font-medium text-slate-900 dark:text-white" : "border-transparent text-slate-600 dark:text-slate-400"}`}
          >
            {id === "code" ? "Your code" : "Example tests"}
          </button>
        ))}
      </div>

      <div id={`panel-${tab}`} role="tabpanel" className="h-[28rem] overflow-hidden rounded-lg border border-slate-200 dark:border-slate-800" data-testid="editor">
        {tab === "code" ? (
          <CodeEditor
            path="file:///solution.ts"
            value={code}
            onChange={onChange}
            onRun={() => void judge("run")}
            onSubmit={() => void judge("submit")}
            extraLibs={editorLibs}
            markers={markers}
            dark={dark}
            revealLine={revealLine}
          />
        ) : (
          <CodeEditor
            path="file:///examples.test.ts"
            value={challenge.examples}
            onChange={() => {}}
            onRun={() => void judge("run")}
            onSubmit={() => void judge("submit")}
            extraLibs={editorLibs}
            markers={[]}
            dark={dark}
            readOnly
          />
        )}
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={() => void judge("run")}
          disabled={busy !== null}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
        >
          Run examples
        </button>
        <button
          type="button"
          onClick={() => void judge("submit")}
          disabled={busy !== null}
          aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
          className="rounded-md bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700 disabled:opacity-50"
        >
          Submit
        </button>
        <button
          type="button"
          onClick={reset}
          disabled={busy !== null}
          className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Reset to starter
        </button>
        <span className="ml-auto text-xs text-slate-500 dark:text-slate-400" data-save-state={saveState}>
          {saveLabel}
        </span>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Shortcuts: <kbd className="font-mono">{modifier}+Enter</kbd> runs the examples,{" "}
        <kbd className="font-mono">{modifier}+Shift+Enter</kbd> submits to the hidden tests.
      </p>

      <div aria-live="polite" role="status" className="sr-only">
        {announcement}
      </div>

      {busy ? (
        <div className="space-y-1" data-testid="judging">
          <p className="text-sm">
            {busy === "run" ? "Running the example tests" : "Running the hidden tests"} on the server… {elapsed.toFixed(1)} s
          </p>
          <div className="h-1.5 overflow-hidden rounded bg-slate-200 dark:bg-slate-800">
            <div className="h-full w-1/3 animate-[pulse_1s_ease-in-out_infinite] rounded bg-sky-500" />
          </div>
        </div>
      ) : null}

      {problem ? (
        <p role="alert" data-testid="judge-problem" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100">
          {problem}
        </p>
      ) : null}

      {verdict ? <VerdictView verdict={verdict} onJump={(line) => setRevealLine({ line, nonce: Date.now() })} /> : null}

      <section aria-labelledby="history-title">
        <h3 id="history-title" className="mt-2 text-sm font-semibold">
          Your submissions
        </h3>
        {submissions.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">None yet. Run or submit to see them here.</p>
        ) : (
          <ol className="mt-1 divide-y divide-slate-200 text-sm dark:divide-slate-800" data-testid="submissions">
            {submissions.map((row) => (
              <li key={row.id} className="flex items-center justify-between gap-2 py-1.5" data-verdict={row.verdict}>
                <span>
                  <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">{row.mode}</span>
                  {row.verdict.replace("_", " ")}
                </span>
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {row.passed}/{row.total} ·{" "}
                  <time dateTime={row.createdAt}>{new Date(row.createdAt).toLocaleString()}</time>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}

"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { draftSchema, judgeResponseSchema, savedDraftSchema, submissionListSchema, submissionRowSchema } from "@/lib/challenges/contract";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import type { Verdict } from "@/lib/judge/verdict";
import type { EditorMarker } from "./code-editor";
import type { ChallengeView, SubmissionRow } from "./types";
import { useDarkMode, useIsMac } from "../ui/use-dark-mode";
import { SubmissionHistory } from "./submission-history";
import { ChallengeHeading } from "./challenge-heading";
import { VerdictView, verdictSummary } from "./verdict-view";
import { StrictModeToggle } from "../review/strict-mode-toggle";
import { Button, buttonClass } from "../ui/button";
import { Callout } from "../ui/callout";
import { useSeenOnScreen } from "../ui/use-seen-on-screen";

function EditorPlaceholder() {
  return <p className="p-4 text-sm text-slate-500">Loading the editor…</p>;
}

// Monaco (about 4 MB of script) loads when the editor is first rendered, which waits until the
// panel is near the screen: on a phone the challenge sits below the lesson, and a reader who
// never scrolls there never downloads it.
const CodeEditor = dynamic(() => import("./code-editor"), { ssr: false, loading: EditorPlaceholder });

type SaveState = "saved" | "saving" | "unsaved" | "error";
type Tab = "code" | "examples";

interface Props {
  challenge: ChallengeView;
  initialCode: string;
  /** The server's time of the draft this page starts from (null: none saved yet). */
  initialDraftUpdatedAt?: string | null;
  initialSubmissions: SubmissionRow[];
  editorLibs: Array<{ path: string; content: string }>;
}

const SAVE_DELAY_MS = 800;
const CONFLICT_CHECK_MS = 20_000;

/** Another tab or device saved a newer draft than the one this page last saved or loaded. */
interface Conflict {
  code: string;
  updatedAt: string;
}

export function ChallengePanel({ challenge, initialCode, initialDraftUpdatedAt = null, initialSubmissions, editorLibs }: Props) {
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
  // The version of the draft this page knows the server holds: sent with each save.
  const baseRef = useRef<string | null>(initialDraftUpdatedAt);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [replacedNotice, setReplacedNotice] = useState<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const busyRef = useRef(busy);
  useEffect(() => {
    busyRef.current = busy;
  }, [busy]);

  const [concept, slug] = challenge.id.split("/") as [string, string];
  const modifier = isMac ? "⌘" : "Ctrl";

  const refreshHistory = useCallback(async () => {
    const body = await apiFetch(`/api/submissions?challenge=${encodeURIComponent(`${concept}/${slug}`)}`, { schema: submissionListSchema }).catch(() => null);
    if (body) setSubmissions(body.submissions);
  }, [concept, slug]);

  const saveNow = useCallback(async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    setSaveState("saving");
    try {
      const saved = await apiFetch(`/api/drafts/${concept}/${slug}`, {
        method: "PUT",
        body: { code: codeRef.current, baseUpdatedAt: baseRef.current },
        schema: savedDraftSchema,
      });
      baseRef.current = saved.updatedAt;
      setConflict(null);
      setSaveState("saved");
      if (saved.replaced) {
        setReplacedNotice(
          `Your save replaced a version saved from another tab or device at ${new Date(saved.replaced).toLocaleTimeString()}. That version is kept in your submissions below.`,
        );
        void refreshHistory();
      }
    } catch {
      setSaveState("error");
    }
  }, [concept, slug, refreshHistory]);

  // Another tab or device may have saved since: check when this page comes back into
  // view, and now and then while it is visible. The newest save by server time wins;
  // this page is told, and its text stays in the editor until the learner picks.
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      // With no draft on the server yet there is nothing to compare (and asking would be a 404);
      // this page's first save then learns of any other tab's draft from the server's answer.
      if (document.visibilityState !== "visible" || saveTimer.current || !baseRef.current) return;
      const server = await apiFetch(`/api/drafts/${concept}/${slug}`, { schema: draftSchema }).catch(() => null);
      if (stopped || !server) return;
      if (server.updatedAt === baseRef.current) return;
      if (server.code === codeRef.current) {
        baseRef.current = server.updatedAt;
        return;
      }
      if (baseRef.current && new Date(server.updatedAt) <= new Date(baseRef.current)) return;
      setConflict(server);
    };
    const onVisible = () => void check();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", onVisible);
    const timer = setInterval(onVisible, CONFLICT_CHECK_MS);
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", onVisible);
      clearInterval(timer);
    };
  }, [concept, slug]);

  const onChange = (value: string) => {
    codeRef.current = value;
    setCode(value);
    setSaveState("unsaved");
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };

  // Saving now makes this page's text the newest; the other version goes to the history.
  const keepMine = () => void saveNow();
  const loadTheirs = () => {
    if (!conflict) return;
    baseRef.current = conflict.updatedAt;
    codeRef.current = conflict.code;
    setCode(conflict.code);
    setConflict(null);
    setSaveState("saved");
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
        const result = await apiFetch(`/api/challenges/${concept}/${slug}/${mode}`, {
          method: "POST",
          body: { code: codeRef.current },
          schema: judgeResponseSchema,
        });
        if (result.draftUpdatedAt) baseRef.current = result.draftUpdatedAt;
        setVerdict(result);
        setSaveState("saved");
        setSubmissions((rows) => [result.submission, ...rows].slice(0, 50));
        setAnnouncement(verdictSummary(result));
      } catch (error) {
        const failure = error instanceof ApiError ? error : new ApiError("", 0, "network");
        const retry = failure.retryAfterSeconds;
        const message =
          failure.code === "network"
            ? "Could not reach the server. Your code is still here; try again when you are back online."
            : failure.code === "rate_limited"
              ? `Time for a short breather: that was a lot of runs in one minute. Your code is saved. You can run again in ${retry ?? "a few"} s.`
              : failure.message + (retry ? ` You can try again in ${retry} s.` : "");
        setProblem(message);
        setAnnouncement(message);
        // A run no judge answered in time is kept as "not judged": list it with the others.
        const notJudged = failure.details.notJudged ? submissionRowSchema.safeParse(failure.details.submission) : null;
        if (notJudged?.success) setSubmissions((rows) => [notJudged.data, ...rows].slice(0, 50));
        if (failure.code !== "network") setSaveState(failure.code === "unavailable" || failure.code === "rate_limited" ? "saved" : "error");
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

  const panel = useRef<HTMLElement>(null);
  const editorWanted = useSeenOnScreen(panel);

  const saveLabel = { saved: "Draft saved", saving: "Saving…", unsaved: "Unsaved changes", error: "Not saved: will retry on the next change" }[saveState];

  return (
    <section ref={panel} aria-labelledby="challenge-title" className="flex flex-col gap-3">
      <ChallengeHeading challenge={challenge} />

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
        {!editorWanted ? (
          <EditorPlaceholder />
        ) : tab === "code" ? (
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
          className={buttonClass({ variant: "secondary" })}
        >
          Run examples
        </button>
        <button
          type="button"
          onClick={() => void judge("submit")}
          disabled={busy !== null}
          aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
          className={buttonClass({ variant: "primary" })}
        >
          Submit
        </button>
        <button
          type="button"
          onClick={reset}
          disabled={busy !== null}
          className={buttonClass({ variant: "ghost" })}
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
      <StrictModeToggle />

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

      {conflict ? (
        <Callout tone="warning" role="alert" data-testid="draft-conflict">
          <p>
            A newer version of this draft was saved from another tab or device at {new Date(conflict.updatedAt).toLocaleTimeString()}. The
            server keeps the newest save. Your text is still here in the editor.
          </p>
          <div className="mt-2 flex gap-2">
            {/* White on amber-700 (the warning Button): amber-600 was 3.2:1, under WCAG AA's 4.5:1. */}
            <Button variant="warning" size="sm" onClick={keepMine}>
              Keep mine (save it as the newest)
            </Button>
            <Button variant="secondary" size="sm" onClick={loadTheirs}>
              Load the other version
            </Button>
          </div>
        </Callout>
      ) : null}

      {replacedNotice ? (
        <Callout as="p" tone="info" data-testid="draft-replaced">
          {replacedNotice}{" "}
          <button type="button" className="underline" onClick={() => setReplacedNotice(null)}>
            Dismiss
          </button>
        </Callout>
      ) : null}

      {problem ? (
        <Callout as="p" tone="warning" role="alert" data-testid="judge-problem">
          {problem}
        </Callout>
      ) : null}

      {verdict ? <VerdictView verdict={verdict} onJump={(line) => setRevealLine({ line, nonce: Date.now() })} /> : null}

      <SubmissionHistory submissions={submissions} dark={dark} />
    </section>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { createPortal } from "react-dom";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { PreparedSearch, SearchIndex, SearchKind } from "@/lib/search/search";

const KIND_LABEL: Record<SearchKind, string> = {
  lesson: "Lesson",
  challenge: "Challenge",
  interview: "Interview",
  "cheat-sheet": "Cheat sheet",
  page: "Page",
};

// Fetched once per page load, then every keystroke searches in memory.
let indexPromise: Promise<SearchIndex> | null = null;
function loadIndex(): Promise<SearchIndex> {
  indexPromise ??= fetch("/api/search/index").then((response) => {
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    return response.json() as Promise<SearchIndex>;
  });
  indexPromise.catch(() => {
    indexPromise = null; // let the next open try again
  });
  return indexPromise;
}

// The ranking library (MiniSearch) loads with the index, on first use, not with every page.
type Engine = { prepared: PreparedSearch; search: typeof import("@/lib/search/search").search };
let enginePromise: Promise<Engine> | null = null;
function loadEngine(): Promise<Engine> {
  enginePromise ??= Promise.all([loadIndex(), import("@/lib/search/search")]).then(([index, library]) => ({
    prepared: library.prepare(index),
    search: library.search,
  }));
  enginePromise.catch(() => {
    enginePromise = null;
  });
  return enginePromise;
}

/** The header's search button and the Ctrl/Cmd+K palette it opens. */
export function SearchPalette() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [engine, setEngine] = useState<Engine | null>(null);
  const [failed, setFailed] = useState(false);
  const [isMac, setIsMac] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const titleId = useId();

  const hits = useMemo(() => (engine ? engine.search(engine.prepared, query) : []), [engine, query]);

  const show = useCallback(() => {
    setOpen(true);
    setFailed(false);
    loadEngine().then(setEngine, () => setFailed(true));
  }, []);

  const close = useCallback(() => {
    setOpen(false);
    setQuery("");
    setActive(0);
    triggerRef.current?.focus();
  }, []);

  useEffect(() => {
    // Platform is only known in the browser; the first render shows both shortcuts.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setIsMac(/Mac|iPhone|iPad/.test(navigator.platform));
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        show();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [show]);

  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const go = (href: string) => {
    close();
    router.push(href);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      const hit = hits[active];
      if (hit) {
        event.preventDefault();
        go(hit.doc.href);
      }
    } else if (event.key === "Tab") {
      // Keep focus inside the dialog: the input is its only stop.
      event.preventDefault();
    }
  };

  const status = failed
    ? "The search index could not be loaded. Close and try again."
    : !engine
      ? "Loading the search index..."
      : query.trim() === ""
        ? "Type to search lessons, challenges, interview prompts and the cheat sheet."
        : hits.length === 0
          ? `No results for "${query.trim()}".`
          : `${hits.length} result${hits.length === 1 ? "" : "s"}.`;

  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        onClick={show}
        onMouseEnter={() => void loadEngine().catch(() => undefined)}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-600 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4 4" stroke="currentColor" strokeWidth="2" />
        </svg>
        <span>Search</span>
        <kbd className="hidden rounded border border-slate-300 px-1 font-sans text-xs text-slate-500 sm:inline dark:border-slate-600 dark:text-slate-400">
          {isMac ? "⌘K" : "Ctrl K"}
        </kbd>
      </button>
      {/* Portalled to <body>: the sticky header's backdrop blur would otherwise confine a fixed overlay to the header. */}
      {open ? createPortal(
        <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 px-2 pt-[10vh] sm:px-4" data-no-print onMouseDown={close}>
          <div
            role="dialog"
            aria-modal="true"
            aria-labelledby={titleId}
            className="w-full max-w-xl overflow-hidden rounded-xl border border-slate-200 bg-white shadow-2xl dark:border-slate-700 dark:bg-slate-900"
            onMouseDown={(event) => event.stopPropagation()}
            onKeyDown={onKeyDown}
          >
            <h2 id={titleId} className="sr-only">
              Search Blueprint
            </h2>
            <input
              ref={inputRef}
              type="text"
              role="combobox"
              aria-expanded={hits.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
              aria-label="Search lessons, challenges, interview prompts and the cheat sheet"
              placeholder="Search: quorum, token bucket, replication lag..."
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-base outline-none placeholder:text-slate-400 dark:border-slate-700"
            />
            <p aria-live="polite" className="px-4 pt-2 text-xs text-slate-500 dark:text-slate-400">
              {status}
            </p>
            <ul id={listId} role="listbox" aria-label="Results" className="max-h-[60vh] overflow-y-auto p-2">
              {hits.map((hit, i) => (
                <li
                  key={`${hit.doc.href}|${hit.doc.title}`}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  onMouseMove={() => setActive(i)}
                  onClick={() => go(hit.doc.href)}
                  className={`cursor-pointer rounded-lg px-3 py-2 ${i === active ? "bg-sky-100 dark:bg-sky-900/50" : ""}`}
                >
                  <div className="flex items-baseline justify-between gap-3">
                    <span className="font-medium text-slate-900 dark:text-slate-100">{hit.doc.title}</span>
                    <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{KIND_LABEL[hit.doc.kind]}</span>
                  </div>
                  <p className="line-clamp-1 text-sm text-slate-600 dark:text-slate-400">{hit.doc.summary}</p>
                  {hit.matched.length > 0 ? (
                    <p className="text-xs text-slate-500 dark:text-slate-400">Mentions: {hit.matched.join(", ")}</p>
                  ) : null}
                </li>
              ))}
            </ul>
            <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400">
              Up and down to move, Enter to open, Esc to close.
            </p>
          </div>
        </div>,
        document.body,
      ) : null}
    </>
  );
}

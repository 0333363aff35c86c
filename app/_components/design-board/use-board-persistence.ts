"use client";
// Where a board lives: an interview's board on the server with versions (autosaved,
// debounced; a stale version is a 409 that carries the stored board, so this tab keeps
// its own and the learner chooses), or a practice board in this browser's storage.
import { useCallback, useEffect, useRef, useState } from "react";
import { boardConflictSchema, boardSavedSchema, interviewBoardSchema, type BoardCheckView } from "@/lib/design-board/contract";
import { parseBoard, type Board } from "@/lib/design/board";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { registerBoardFlush } from "./finish-hooks";

export type BoardSaveState = "loading" | "saved" | "saving" | "unsaved" | "conflict" | "error" | "read-only";

export type BoardHome = { kind: "interview"; interviewId: string } | { kind: "practice"; prompt: string };

export const SAVE_DELAY_MS = 800;

interface SaveOptions {
  /** The page is going away: let the request outlive it. */
  keepalive?: boolean;
}

export const practiceStorageKey = (prompt: string) => `blueprint:practice-board:${prompt}`;

interface Loaded {
  board: Board | null;
  version: number;
  readOnly: boolean;
  check: BoardCheckView | null;
}

export interface BoardPersistence {
  state: BoardSaveState;
  version: number;
  error: string | null;
  /** After a 409: what the server holds. */
  conflict: { board: Board | null; version: number } | null;
  loaded: Loaded | null;
  /** Saves now if anything is unsaved (before a check or Finish). */
  flush: () => Promise<boolean>;
  /** After a 409: save this tab's board over the stored one, or take the stored one. */
  resolve: (keep: "mine" | "saved") => void;
}

/**
 * `board` and `revision` come from the board state; `adopt` puts a board from the server
 * into it (without making it a local change to save again).
 */
export function useBoardPersistence(
  home: BoardHome,
  board: Board,
  revision: number,
  adopt: (board: Board, options: { history: boolean; notice?: string }) => void,
): BoardPersistence {
  const [state, setState] = useState<BoardSaveState>("loading");
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<BoardPersistence["conflict"]>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const live = useRef({ board, revision, version: 0, state: "loading" as BoardSaveState, savedRevision: 0, adoptedRevision: -1 });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  // The latest save, for a save queued behind one in flight and for timers set by earlier renders.
  const saveRef = useRef<(options?: SaveOptions) => Promise<boolean>>(async () => false);

  const setSaveState = useCallback((next: BoardSaveState) => {
    live.current.state = next;
    setState(next);
  }, []);

  useEffect(() => {
    live.current.board = board;
    live.current.revision = revision;
  }, [board, revision]);

  // Load once.
  useEffect(() => {
    let cancelled = false;
    async function load() {
      if (home.kind === "practice") {
        let stored: Board | null = null;
        try {
          const text = window.localStorage.getItem(practiceStorageKey(home.prompt));
          const parsed = text ? parseBoard(JSON.parse(text)) : null;
          stored = parsed?.ok ? parsed.board : null;
        } catch {
          stored = null;
        }
        if (cancelled) return;
        setLoaded({ board: stored, version: 0, readOnly: false, check: null });
        if (stored) {
          live.current.adoptedRevision = live.current.revision + 1;
          adopt(stored, { history: false });
        }
        setSaveState("saved");
        return;
      }
      try {
        const view = await apiFetch(`/api/interviews/${home.interviewId}/board`, { schema: interviewBoardSchema });
        if (cancelled) return;
        live.current.version = view.version;
        setVersion(view.version);
        setLoaded({ board: view.board, version: view.version, readOnly: view.readOnly, check: view.check });
        if (view.board) {
          live.current.adoptedRevision = live.current.revision + 1;
          adopt(view.board, { history: false });
        }
        setSaveState(view.readOnly ? "read-only" : "saved");
      } catch (caught) {
        if (cancelled) return;
        setError(caught instanceof ApiError ? caught.message : "The board could not be loaded.");
        setSaveState("error");
      }
    }
    void load();
    return () => {
      cancelled = true;
    };
    // The home is fixed for the editor's life; adopt is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = useCallback(async (options: SaveOptions = {}): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = live.current;
    if (current.state === "conflict" || current.state === "read-only" || current.state === "loading") return current.state !== "conflict";
    if (current.savedRevision === current.revision && current.state === "saved") return true;
    if (inFlight.current) {
      await inFlight.current;
      return saveRef.current(options);
    }
    const sentRevision = current.revision;
    const sentBoard = current.board;
    const attempt = (async () => {
      setSaveState("saving");
      if (home.kind === "practice") {
        try {
          window.localStorage.setItem(practiceStorageKey(home.prompt), JSON.stringify(sentBoard));
          current.savedRevision = sentRevision;
          setSaveState(live.current.revision === sentRevision ? "saved" : "unsaved");
          setError(null);
          return true;
        } catch {
          setError("this browser would not store the board (private mode, or storage full); export it as JSON to keep it");
          setSaveState("error");
          return false;
        }
      }
      try {
        const saved = await apiFetch(`/api/interviews/${home.interviewId}/board`, {
          method: "PUT",
          body: { board: sentBoard, version: current.version },
          schema: boardSavedSchema,
          keepalive: options.keepalive,
        });
        current.version = saved.version;
        current.savedRevision = sentRevision;
        setVersion(saved.version);
        setError(null);
        setSaveState(live.current.revision === sentRevision ? "saved" : "unsaved");
        return true;
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === "conflict") {
          const stored = boardConflictSchema.safeParse(caught.details);
          if (stored.success) {
            setConflict(stored.data);
            setError(null);
            setSaveState("conflict");
            return false;
          }
        }
        if (caught instanceof ApiError && caught.code === "forbidden") {
          setError(caught.message);
          setSaveState("read-only");
          return false;
        }
        setError(caught instanceof ApiError && caught.code !== "network" ? caught.message : "the connection dropped; your board is kept here and saves on the next change");
        setSaveState("error");
        return false;
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
      if (live.current.state === "unsaved") timer.current = setTimeout(() => void saveRef.current(), SAVE_DELAY_MS);
    }
  }, [home, setSaveState]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // A local change: mark unsaved and save after a pause in editing.
  useEffect(() => {
    const current = live.current;
    if (revision === 0 || current.state === "loading" || current.state === "read-only") return;
    if (revision === current.adoptedRevision) {
      current.savedRevision = revision;
      return;
    }
    if (current.state === "conflict") return;
    setSaveState("unsaved");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [revision, save, setSaveState]);

  useEffect(() => registerBoardFlush(save), [save]);

  // A tab closed (or hidden, which comes first and may be the last chance on mobile) within
  // SAVE_DELAY_MS of an edit: the debounce timer would die with the page, so save now. The
  // request is issued before this handler returns (apiFetch calls fetch synchronously) and
  // keepalive lets it outlive the page; a practice board's localStorage write is synchronous.
  useEffect(() => {
    const onHide = (event: Event) => {
      if (event.type === "visibilitychange" && document.visibilityState !== "hidden") return;
      const current = live.current;
      if (current.state !== "unsaved" && current.state !== "error") return;
      void saveRef.current({ keepalive: true });
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const resolve = useCallback(
    (keep: "mine" | "saved") => {
      const stored = conflict;
      if (!stored) return;
      setConflict(null);
      live.current.version = stored.version;
      setVersion(stored.version);
      if (keep === "saved" && stored.board) {
        live.current.adoptedRevision = live.current.revision + 1;
        live.current.state = "saved";
        setState("saved");
        adopt(stored.board, { history: true, notice: "Took the board saved in the other tab. Undo brings yours back." });
        return;
      }
      live.current.state = "unsaved";
      setState("unsaved");
      void save();
    },
    [adopt, conflict, save],
  );

  return { state, version, error, conflict, loaded, flush: save, resolve };
}

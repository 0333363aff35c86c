"use client";
// The design board editor (issue 15): React Flow draws the board held by the pure reducer
// in board-state.ts; lib/design checks it in the browser on every change (instant
// feedback), and Check design asks the server for the verdict that counts. Loaded only
// through board-section.tsx's dynamic import, so no other page carries React Flow.
import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
} from "@xyflow/react";
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { boardCheckSchema, designVerdictSchema } from "@/lib/design-board/contract";
import type { Board, BoardEdge, BoardNode } from "@/lib/design/board";
import { CATALOG, CHECK_IDS, KINDS, KIND_NAMES, type CheckId, type Kind } from "@/lib/design/catalog";
import { checkDesign, failoverScenario, type DesignNodeFigures, type DesignVerdict } from "@/lib/design/check";
import { formatMs, formatNumber, formatPercent } from "@/lib/design/format";
import type { DesignWorkload } from "@/lib/design/workload";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { buttonClass } from "../ui/button";
import { boardToSvg } from "./board-export";
import { boardReducer, edgeKey, exportBoardJson, initialBoardState, sizingFields, templateBoard, type Carries, type SizingField } from "./board-state";
import { KIND_DESCRIPTIONS, KindIcon, catalogLine } from "./kind-info";
import { useBoardPersistence, type BoardHome, type BoardSaveState } from "./use-board-persistence";

export interface BoardEditorProps {
  home: BoardHome;
  prompt: string;
  workload: DesignWorkload;
  /** The interview has finished: the board can be read, checked and drilled, not changed. */
  readOnly: boolean;
}

const CHECK_TITLES: Record<CheckId, string> = {
  structure: "Structure",
  capacity: "Capacity at peak",
  headroom: "Headroom (80%)",
  latency: "Latency budget",
  redundancy: "Redundancy",
  failover: "Failover",
  storage: "Storage",
  async: "Asynchronous work",
};

const SAVE_WORDS: Record<BoardSaveState, string> = {
  loading: "Loading the board…",
  saved: "Saved",
  saving: "Saving…",
  unsaved: "Unsaved changes",
  conflict: "Changed in another tab",
  error: "Not saved",
  "read-only": "Read-only",
};

type Band = "ok" | "warm" | "hot" | "over";
const BAND_WORDS: Record<Band, string> = { ok: "under 50%", warm: "50-80%", hot: "over 80% (no headroom)", over: "at or over 100%: overloaded" };
const BAND_CLASSES: Record<Band, string> = {
  ok: "border-emerald-600 bg-emerald-50 dark:border-emerald-500 dark:bg-emerald-950",
  warm: "border-amber-500 bg-amber-50 dark:border-amber-400 dark:bg-amber-950",
  hot: "border-orange-600 bg-orange-50 dark:border-orange-400 dark:bg-orange-950",
  over: "border-rose-700 border-dashed border-[3px] bg-rose-50 dark:border-rose-400 dark:bg-rose-950",
};

function bandOf(rho: number): Band {
  if (rho >= 1 - 1e-9) return "over";
  if (rho > 0.8 + 1e-9) return "hot";
  if (rho >= 0.5) return "warm";
  return "ok";
}

const SIZING_LABELS: Record<SizingField, (kind: Kind) => string> = {
  size: () => "Size",
  instances: (kind) => (kind === "database" || kind === "cache" ? "Shards" : "Instances"),
  replicas: () => "Replicas per shard",
  hitRatio: () => "Hit ratio (0 to 1)",
};

const CARRIES_WORDS: Record<Carries, string> = { both: "reads and writes", read: "reads", write: "writes" };
const carriesOf = (edge: BoardEdge): Carries => edge.carries ?? "both";
const nameOf = (node: BoardNode | undefined, id: string) => node?.label ?? id;

function sizingFigure(field: SizingField, kind: Kind, workload: DesignWorkload): string {
  const figures = CATALOG[kind];
  if (field === "size") return "s halves, l doubles capacity and storage (latency unchanged)";
  if (field === "instances") {
    if (kind === "database") return `each shard: ${formatNumber(figures.storageGb)} GB, ${formatNumber(figures.readCapacity)} reads/s or ${formatNumber(figures.writeCapacity)} writes/s per copy`;
    if (kind === "cache") return `each shard: ${formatNumber(figures.storageGb)} GB memory, ${formatNumber(figures.readCapacity)} requests/s per copy`;
    if (kind === "object-store") return `each partition: ${formatNumber(figures.readCapacity)} reads/s or ${formatNumber(figures.writeCapacity)} writes/s`;
    return `each: ${formatNumber(figures.readCapacity)} requests/s, p99 ${formatNumber(figures.readP99Ms)} ms idle`;
  }
  if (field === "replicas") return `each copy serves reads (${formatNumber(figures.readCapacity)}/s) and applies every write of its shard`;
  const cap = workload.maxHitRatio?.[kind === "cdn" ? "cdn" : "cache"] ?? 0;
  return `this prompt caps it at ${cap}: only that much of its traffic is cacheable`;
}

function figuresLine(figures: DesignNodeFigures | undefined): string {
  if (!figures) return "";
  return `${formatNumber(figures.reads)} reads/s, ${formatNumber(figures.writes)} writes/s, p99 ${formatMs(figures.p99Ms)}`;
}

function sizingWords(node: BoardNode): string {
  const words: string[] = [];
  const shards = node.kind === "database" || node.kind === "cache";
  if (sizingFields(node.kind).includes("instances")) words.push(`${node.instances ?? 1} ${shards ? "shard" : "instance"}${(node.instances ?? 1) === 1 ? "" : "s"}`);
  if (sizingFields(node.kind).includes("replicas")) words.push(`${node.replicas ?? 0} replica${(node.replicas ?? 0) === 1 ? "" : "s"}`);
  if (sizingFields(node.kind).includes("hitRatio")) words.push(`hit ratio ${node.hitRatio ?? 0}`);
  if (node.size && node.size !== "m") words.push(node.size === "s" ? "small" : "large");
  return words.join(", ");
}

// ---- React Flow node views (stable types, defined once) ----

interface ComponentData extends Record<string, unknown> {
  node: BoardNode;
  figures?: DesignNodeFigures;
  band: Band | null;
  spof: boolean;
  onPath: boolean;
  drill: "lost" | "over" | "spof" | null;
}
interface NoteData extends Record<string, unknown> {
  text: string;
}
type ComponentFlowNode = Node<ComponentData, "component">;
type NoteFlowNode = Node<NoteData, "note">;
type FlowNode = ComponentFlowNode | NoteFlowNode;

function ComponentNodeView({ data, selected }: NodeProps<ComponentFlowNode>) {
  const { node, figures, band, spof, onPath, drill } = data;
  const sizing = sizingWords(node);
  return (
    <div
      className={`w-[200px] rounded-lg border-2 px-2.5 py-2 text-left text-xs text-slate-900 shadow-sm dark:text-slate-100 ${band ? BAND_CLASSES[band] : "border-slate-400 bg-white dark:border-slate-500 dark:bg-slate-900"} ${selected ? "ring-2 ring-sky-600 ring-offset-2 dark:ring-sky-400 dark:ring-offset-slate-950" : ""} ${onPath ? "outline-2 outline-offset-1 outline-sky-700 dark:outline-sky-300" : ""}`}
      data-testid={`board-node-${node.id}`}
      data-band={band ?? undefined}
      data-spof={spof ? "true" : undefined}
      data-drill={drill ?? undefined}
    >
      <Handle type="target" position={Position.Left} />
      <div className="flex items-center gap-1.5 text-sm font-semibold">
        <KindIcon kind={node.kind} className="h-4 w-4 shrink-0" />
        <span className="truncate">{node.label ?? node.id}</span>
      </div>
      <p className="mt-0.5 truncate text-slate-700 dark:text-slate-300">
        {KIND_NAMES[node.kind]}
        {sizing ? ` · ${sizing}` : ""}
      </p>
      {figures && node.kind !== "dns" ? (
        <p className="mt-1 tabular-nums text-slate-800 dark:text-slate-200" data-testid="node-figures">
          R {formatNumber(figures.reads)}/s · W {formatNumber(figures.writes)}/s · p99 {formatMs(figures.p99Ms)}
          {band ? ` · ${formatPercent(figures.rho)}` : ""}
        </p>
      ) : null}
      {band === "over" ? (
        <p className="mt-1 font-bold text-rose-800 dark:text-rose-200">
          <span aria-hidden="true">⚠ </span>Over capacity
        </p>
      ) : null}
      {spof || drill === "spof" ? (
        <p className="mt-1 inline-block rounded bg-slate-900 px-1.5 py-0.5 font-semibold text-white dark:bg-white dark:text-slate-900" data-testid="spof-badge">
          Single point of failure
        </p>
      ) : null}
      {drill === "lost" || drill === "spof" ? <p className="mt-1 font-semibold">Drill: one instance lost</p> : null}
      {drill === "over" ? <p className="mt-1 font-semibold">Drill: over capacity</p> : null}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

function NoteNodeView({ data, selected }: NodeProps<NoteFlowNode>) {
  return (
    <div
      className={`w-[180px] whitespace-pre-wrap border border-yellow-600 bg-yellow-100 p-2 text-xs text-yellow-950 shadow ${selected ? "ring-2 ring-sky-600 ring-offset-2" : ""}`}
    >
      {data.text || <span className="italic">Empty note</span>}
    </div>
  );
}

const NODE_TYPES = { component: ComponentNodeView, note: NoteNodeView };
const NOTE_PREFIX = "note:";

const NARROW_QUERY = "(max-width: 639px)";

/** A phone: the board is shown to read, not to edit (dragging boxes on a small touch screen loses work). */
function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = window.matchMedia(NARROW_QUERY);
      query.addEventListener("change", notify);
      return () => query.removeEventListener("change", notify);
    },
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}

function useDarkClass(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const root = document.documentElement;
    const update = () => setDark(root.classList.contains("dark"));
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { attributes: true, attributeFilter: ["class"] });
    return () => observer.disconnect();
  }, []);
  return dark;
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas in this browser");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas gave no PNG"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

const toolButton = buttonClass({ variant: "secondary" });
const smallInput = "w-full rounded-md border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900";

function Editor({ home, prompt, workload, readOnly: finished }: BoardEditorProps) {
  const [state, dispatch] = useReducer(boardReducer, undefined, () => initialBoardState());
  const adopt = useCallback((board: Board, options: { history: boolean; notice?: string }) => dispatch({ type: "replace", board, history: options.history, notice: options.notice }), []);
  const persistence = useBoardPersistence(home, state.board, state.revision, adopt);
  const narrow = useNarrowScreen();
  const readOnly = finished || narrow || persistence.state === "read-only" || (persistence.loaded?.readOnly ?? false);
  const ready = persistence.state !== "loading";
  const { board, selection } = state;
  const flow = useReactFlow();
  const dark = useDarkClass();
  const headingId = useId();
  const [fullScreen, setFullScreen] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [checking, setChecking] = useState(false);
  const [checkProblem, setCheckProblem] = useState<string | null>(null);
  const [serverVerdict, setServerVerdict] = useState<{ verdict: DesignVerdict; boardVersion: number | null } | null>(null);
  const [drillNode, setDrillNode] = useState<string | null>(null);
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});
  const [connectTo, setConnectTo] = useState("");
  const [connectCarries, setConnectCarries] = useState<Carries>("both");
  const fileInput = useRef<HTMLInputElement>(null);
  const budgets = useMemo(() => Object.fromEntries(workload.streams.map((stream) => [stream.name, stream.p99Ms])), [workload]);

  // The stored verdict of the last check, once loaded.
  const loadedCheck = persistence.loaded?.check ?? null;

  // Opening the board: fit it once it is loaded, and mark when it became usable (read by the e2e timing).
  useEffect(() => {
    if (!ready) return;
    performance.mark("design-board-ready");
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [ready, flow]);

  // Instant feedback: the same model as the server, in the browser, on the latest board.
  const deferredBoard = useDeferredValue(board);
  const live = useMemo(() => checkDesign(deferredBoard, workload, prompt), [deferredBoard, workload, prompt]);
  const drill = useMemo(() => (drillNode ? failoverScenario(deferredBoard, workload, drillNode) : undefined), [deferredBoard, workload, drillNode]);
  const figuresById = useMemo(() => new Map(live.nodes.map((figures) => [figures.id, figures])), [live]);
  const spofs = useMemo(() => new Set(live.checks.find((check) => check.id === "redundancy")?.nodes ?? []), [live]);
  const pathEdges = useMemo(() => {
    const keys = new Set<string>();
    const nodes = new Set<string>();
    for (const stream of live.streams) {
      stream.path.forEach((id, index) => {
        nodes.add(id);
        const next = stream.path[index + 1];
        if (next) keys.add(`${id}->${next}`);
      });
    }
    return { keys, nodes };
  }, [live]);
  const nodesById = useMemo(() => new Map(board.nodes.map((node) => [node.id, node])), [board]);

  const drillMarks = useMemo(() => {
    const marks = new Map<string, "lost" | "over" | "spof">();
    if (!drill) return marks;
    for (const over of drill.overCapacity) marks.set(over.id, over.rho === null ? "spof" : "over");
    if (!marks.has(drill.node)) marks.set(drill.node, "lost");
    return marks;
  }, [drill]);

  const flowNodes: FlowNode[] = useMemo(() => {
    const components: FlowNode[] = board.nodes.map((node) => {
      const figures = figuresById.get(node.id);
      const reached = figures !== undefined && (figures.reads > 0 || figures.writes > 0 || pathEdges.nodes.has(node.id));
      const judged = node.kind !== "client" && node.kind !== "dns" && node.kind !== "cdn" && node.kind !== "external";
      const band = figures && reached && judged ? bandOf(figures.rho) : null;
      const spof = spofs.has(node.id);
      const sizing = sizingWords(node);
      return {
        id: node.id,
        type: "component" as const,
        position: { x: node.x, y: node.y },
        data: { node, figures, band, spof, onPath: pathEdges.nodes.has(node.id), drill: drillMarks.get(node.id) ?? null },
        selected: selection.nodes.includes(node.id),
        measured: sizes[node.id],
        draggable: !readOnly,
        connectable: !readOnly,
        deletable: !readOnly,
        ariaLabel: `${nameOf(node, node.id)}: ${KIND_NAMES[node.kind]}${sizing ? `, ${sizing}` : ""}. ${figuresLine(figures)}${band ? `, ${formatPercent(figures!.rho)} of capacity (${BAND_WORDS[band]})` : ""}.${spof ? " Single point of failure." : ""}`,
      };
    });
    const notes: FlowNode[] = (board.notes ?? []).map((note) => ({
      id: NOTE_PREFIX + note.id,
      type: "note" as const,
      position: { x: note.x, y: note.y },
      data: { text: note.text },
      selected: selection.notes.includes(note.id),
      measured: sizes[NOTE_PREFIX + note.id],
      draggable: !readOnly,
      connectable: false,
      deletable: !readOnly,
      ariaLabel: `Sticky note: ${note.text || "empty"}`,
    }));
    return [...components, ...notes];
  }, [board, figuresById, pathEdges, spofs, drillMarks, selection, sizes, readOnly]);

  const flowEdges: Edge[] = useMemo(
    () =>
      board.edges.map((edge) => {
        const key = edgeKey(edge);
        const carries = carriesOf(edge);
        const onPath = pathEdges.keys.has(key);
        return {
          id: key,
          source: edge.from,
          target: edge.to,
          selected: selection.edges.includes(key),
          deletable: !readOnly,
          label: carries === "both" ? undefined : CARRIES_WORDS[carries],
          markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
          style: {
            strokeWidth: onPath ? 3.5 : 1.6,
            strokeDasharray: carries === "read" ? "7 4" : carries === "write" ? "2 3" : undefined,
            stroke: onPath ? (dark ? "#7dd3fc" : "#0369a1") : dark ? "#94a3b8" : "#475569",
          },
          ariaLabel: `Connection ${nameOf(nodesById.get(edge.from), edge.from)} to ${nameOf(nodesById.get(edge.to), edge.to)}, carries ${CARRIES_WORDS[carries]}${onPath ? ", on the path that sets a stream's p99" : ""}`,
        };
      }),
    [board, selection, pathEdges, readOnly, dark, nodesById],
  );

  const announce = useCallback((text: string) => setAnnouncement(text), []);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const selectedNodes = new Set(selection.nodes);
      const selectedNotes = new Set(selection.notes);
      let selectionChanged = false;
      const removed: { nodes: string[]; notes: string[] } = { nodes: [], notes: [] };
      const measured: Record<string, { width: number; height: number }> = {};
      for (const change of changes) {
        const isNote = "id" in change && change.id.startsWith(NOTE_PREFIX);
        const id = "id" in change ? (isNote ? change.id.slice(NOTE_PREFIX.length) : change.id) : "";
        if (change.type === "dimensions" && change.dimensions) measured[change.id] = change.dimensions;
        else if (change.type === "position" && !readOnly) {
          if (change.position) dispatch({ type: "move", id, x: change.position.x, y: change.position.y });
          if (!change.dragging) dispatch({ type: "end-move" });
        } else if (change.type === "select") {
          selectionChanged = true;
          const set = isNote ? selectedNotes : selectedNodes;
          if (change.selected) set.add(id);
          else set.delete(id);
        } else if (change.type === "remove" && !readOnly) (isNote ? removed.notes : removed.nodes).push(id);
      }
      if (Object.keys(measured).length > 0) setSizes((current) => ({ ...current, ...measured }));
      if (removed.nodes.length + removed.notes.length > 0) {
        dispatch({ type: "delete", selection: removed });
        announce(`Deleted ${[...removed.nodes, ...removed.notes].join(", ")}.`);
      } else if (selectionChanged) dispatch({ type: "select", selection: { nodes: [...selectedNodes], notes: [...selectedNotes] }, merge: true });
    },
    [selection, readOnly, announce],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selected = new Set(selection.edges);
      let selectionChanged = false;
      const removed: string[] = [];
      for (const change of changes) {
        if (change.type === "select") {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        } else if (change.type === "remove" && !readOnly) removed.push(change.id);
      }
      if (removed.length > 0) dispatch({ type: "delete", selection: { edges: removed } });
      else if (selectionChanged) dispatch({ type: "select", selection: { edges: [...selected] }, merge: true });
    },
    [selection, readOnly],
  );

  const onConnect = useCallback((connection: Connection) => {
    if (connection.source && connection.target) dispatch({ type: "connect", from: connection.source, to: connection.target });
  }, []);

  const addKind = (kind: Kind) => {
    const before = new Set(board.nodes.map((node) => node.id));
    const next = boardReducer(state, { type: "add", kind });
    dispatch({ type: "add", kind });
    const added = next.board.nodes.find((node) => !before.has(node.id));
    if (added) announce(`Added ${KIND_NAMES[kind]} "${added.id}". It is selected; its sizing and connections are in the panel.`);
  };

  async function checkOnServer() {
    if (checking) return;
    setChecking(true);
    setCheckProblem(null);
    announce("Checking the design…");
    try {
      let verdict: DesignVerdict;
      let boardVersion: number | null = null;
      if (home.kind === "interview") {
        const saved = readOnly ? true : await persistence.flush();
        if (!saved) {
          const words = persistence.state === "conflict" ? "The board changed in another tab: choose which board to keep, then check." : "The board could not be saved, so it was not checked.";
          setCheckProblem(words);
          announce(words);
          return;
        }
        const checked = await apiFetch(`/api/interviews/${home.interviewId}/board/check`, { method: "POST", schema: boardCheckSchema });
        verdict = checked.verdict;
        boardVersion = checked.boardVersion;
      } else {
        verdict = await apiFetch("/api/design/check", { method: "POST", body: { prompt, board }, schema: designVerdictSchema });
      }
      setServerVerdict({ verdict, boardVersion });
      const failed = verdict.checks.filter((check) => check.status === "failed");
      announce(
        verdict.verdict === "passed"
          ? `Design check: passed all ${verdict.checks.length} checks.`
          : `Design check: failed ${failed.length} of ${verdict.checks.length} checks: ${failed.map((check) => CHECK_TITLES[check.id]).join(", ")}.`,
      );
    } catch (error) {
      const words = error instanceof ApiError && error.code !== "network" ? error.message : "The server could not be reached; the board is kept here. Try again.";
      setCheckProblem(words);
      announce(`Not checked: ${words}`);
    } finally {
      setChecking(false);
    }
  }

  function exportAs(format: "json" | "svg" | "png") {
    const name = `${prompt}-board.${format}`;
    if (format === "json") return download(name, new Blob([exportBoardJson(board)], { type: "application/json" }));
    const { svg, width, height } = boardToSvg(board, `Design board: ${prompt}`);
    if (format === "svg") return download(name, new Blob([svg], { type: "image/svg+xml" }));
    svgToPng(svg, width, height).then(
      (png) => download(name, png),
      (error: Error) => announce(`PNG export failed: ${error.message}`),
    );
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    const text = await file.text();
    dispatch({ type: "import", text });
  }

  // Shortcuts inside the board; text fields keep their own Ctrl+Z/C/V.
  const onKeyDown = (event: React.KeyboardEvent) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key === "Enter") {
      event.preventDefault();
      void checkOnServer();
      return;
    }
    if (event.key === "Escape" && fullScreen) {
      setFullScreen(false);
      return;
    }
    const target = event.target as HTMLElement;
    if (target.closest("input, textarea, select, [contenteditable='true']")) return;
    if (!mod || readOnly) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) dispatch({ type: "undo" });
    else if ((key === "z" && event.shiftKey) || key === "y") dispatch({ type: "redo" });
    else if (key === "c") dispatch({ type: "copy" });
    else if (key === "v") dispatch({ type: "paste" });
    else return;
    event.preventDefault();
  };

  const selectedNode = selection.nodes.length === 1 ? nodesById.get(selection.nodes[0]!) : undefined;
  const selectedEdge = selection.edges.length === 1 && selection.nodes.length === 0 ? board.edges.find((edge) => edgeKey(edge) === selection.edges[0]) : undefined;
  const selectedNote = selection.notes.length === 1 && selection.nodes.length === 0 ? board.notes?.find((note) => note.id === selection.notes[0]) : undefined;
  const hasSelection = selection.nodes.length + selection.edges.length + selection.notes.length > 0;
  const liveFailed = live.checks.filter((check) => check.status === "failed");
  const shownCheck = serverVerdict ?? (loadedCheck ? { verdict: loadedCheck.verdict, boardVersion: loadedCheck.boardVersion } : null);
  const shownVerdict = shownCheck?.verdict;

  return (
    <section
      aria-labelledby={headingId}
      data-testid="design-board"
      data-ready={ready ? "true" : undefined}
      data-save-state={persistence.state}
      onKeyDown={onKeyDown}
      className={fullScreen ? "fixed inset-0 z-50 overflow-auto bg-white p-4 dark:bg-slate-950" : "rounded-xl border border-slate-200 p-3 dark:border-slate-800"}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          Design board
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite" data-testid="board-save-state">
          {SAVE_WORDS[persistence.state]}
          {home.kind === "interview" && persistence.version > 0 ? ` · version ${persistence.version}` : ""}
          {home.kind === "practice" ? " in this browser (practice: not part of an interview)" : ""}
          {persistence.error ? `: ${persistence.error}` : ""}
        </p>
      </div>

      <div role="toolbar" aria-label="Board actions" className="mt-2 flex flex-wrap gap-1.5">
        <button type="button" className={buttonClass({ variant: "primary" })} onClick={() => void checkOnServer()} disabled={checking || !ready} aria-keyshortcuts="Control+Enter Meta+Enter">
          {checking ? "Checking…" : "Check design"}
        </button>
        {!readOnly ? (
          <>
            <button type="button" className={toolButton} onClick={() => dispatch({ type: "undo" })} disabled={state.past.length === 0} aria-keyshortcuts="Control+Z">
              Undo
            </button>
            <button type="button" className={toolButton} onClick={() => dispatch({ type: "redo" })} disabled={state.future.length === 0} aria-keyshortcuts="Control+Shift+Z">
              Redo
            </button>
            <button type="button" className={toolButton} onClick={() => dispatch({ type: "copy" })} disabled={!hasSelection}>
              Copy
            </button>
            <button type="button" className={toolButton} onClick={() => dispatch({ type: "paste" })} disabled={!state.clipboard}>
              Paste
            </button>
            <button type="button" className={toolButton} onClick={() => dispatch({ type: "delete" })} disabled={!hasSelection}>
              Delete selected
            </button>
            <button type="button" className={toolButton} onClick={() => dispatch({ type: "add-note", text: "" })}>
              Add note
            </button>
            <button
              type="button"
              className={toolButton}
              onClick={() => {
                dispatch({ type: "replace", board: templateBoard(), notice: "Started from the template: client, load balancer, service, database. Undo brings back what was here." });
                requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1 }));
              }}
            >
              Start from a template
            </button>
          </>
        ) : null}
        <button type="button" className={toolButton} onClick={() => exportAs("png")}>
          Export PNG
        </button>
        <button type="button" className={toolButton} onClick={() => exportAs("svg")}>
          Export SVG
        </button>
        <button type="button" className={toolButton} onClick={() => exportAs("json")}>
          Export JSON
        </button>
        {!readOnly ? (
          <>
            <button type="button" className={toolButton} onClick={() => fileInput.current?.click()}>
              Import JSON
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              className="hidden"
              data-testid="board-import"
              aria-label="Import a board from a JSON file"
              onChange={(event) => {
                void importFile(event.target.files?.[0]);
                event.target.value = "";
              }}
            />
          </>
        ) : null}
        <button type="button" className={toolButton} aria-pressed={fullScreen} onClick={() => setFullScreen((value) => !value)}>
          {fullScreen ? "Exit full screen" : "Full screen"}
        </button>
      </div>

      {state.message ? (
        <p
          role={state.message.kind === "error" ? "alert" : "status"}
          data-testid="board-message"
          className={`mt-2 rounded-md border p-2 text-sm ${state.message.kind === "error" ? "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100" : "border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-900"}`}
        >
          {state.message.text}{" "}
          <button type="button" className="underline" onClick={() => dispatch({ type: "dismiss-message" })}>
            Dismiss
          </button>
        </p>
      ) : null}

      {persistence.conflict ? (
        <div role="alert" data-testid="board-conflict" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <p>This board was saved from another tab (version {persistence.conflict.version}) while you worked here. Nothing has been overwritten: your board is still on screen.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={toolButton} onClick={() => persistence.resolve("mine")}>
              Keep mine (save over it)
            </button>
            <button type="button" className={toolButton} onClick={() => persistence.resolve("saved")} disabled={!persistence.conflict.board}>
              Use the saved board
            </button>
          </div>
        </div>
      ) : null}

      {narrow && !finished ? <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">On a screen this narrow the board is for reading; open it on a wider screen to edit.</p> : null}

      <p className="sr-only" aria-live="polite" data-testid="board-announcement">
        {announcement}
      </p>

      <div className={`mt-3 grid gap-3 ${readOnly ? "lg:grid-cols-[minmax(0,1fr)_18rem]" : "lg:grid-cols-[12rem_minmax(0,1fr)_18rem]"}`}>
        {!readOnly ? (
          <div>
            <h3 className="text-sm font-semibold">Add a component</h3>
            <ul className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3 lg:grid-cols-1" aria-label="Palette">
              {KINDS.map((kind) => (
                <li key={kind} className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:border-sky-600 dark:border-slate-700">
                  <button
                    type="button"
                    onClick={() => addKind(kind)}
                    aria-describedby={`palette-${kind}`}
                    className="flex w-full items-center gap-2 rounded text-left font-semibold focus-visible:outline-2 focus-visible:outline-sky-600"
                  >
                    <KindIcon kind={kind} className="h-4 w-4 shrink-0" />
                    <span>
                      <span className="sr-only">Add </span>
                      {KIND_NAMES[kind]}
                    </span>
                  </button>
                  <p id={`palette-${kind}`} className="mt-0.5 text-slate-600 dark:text-slate-400">
                    {KIND_DESCRIPTIONS[kind]}
                  </p>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="min-w-0">
          <div className={`${fullScreen ? "h-[calc(100vh-16rem)]" : "h-[32rem]"} rounded-lg border border-slate-300 dark:border-slate-700`} data-testid="board-canvas">
            <ReactFlow<FlowNode, Edge>
              nodes={flowNodes}
              edges={flowEdges}
              nodeTypes={NODE_TYPES}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              colorMode={dark ? "dark" : "light"}
              deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
              nodesConnectable={!readOnly}
              nodesDraggable={!readOnly}
              minZoom={0.2}
              maxZoom={2}
              aria-label="Design board canvas: Tab moves between components and connections; arrow keys move the selected component"
            >
              <Background gap={20} />
              <Controls showInteractive={false} />
            </ReactFlow>
          </div>
          <Legend verdict={live} budgets={budgets} nodesById={nodesById} />
        </div>

        <div className="min-w-0 space-y-3">
          {selectedNode ? (
            <ComponentPanel
              key={selectedNode.id}
              node={selectedNode}
              board={board}
              figures={figuresById.get(selectedNode.id)}
              workload={workload}
              readOnly={readOnly}
              connectTo={connectTo}
              setConnectTo={setConnectTo}
              connectCarries={connectCarries}
              setConnectCarries={setConnectCarries}
              dispatch={dispatch}
              onDrill={() => {
                setDrillNode(selectedNode.id);
                announce(`Failure drill on ${nameOf(selectedNode, selectedNode.id)}: results below the panel.`);
              }}
            />
          ) : selectedEdge ? (
            <section aria-label="Selected connection" className="rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-800">
              <h3 className="font-semibold">
                {nameOf(nodesById.get(selectedEdge.from), selectedEdge.from)} → {nameOf(nodesById.get(selectedEdge.to), selectedEdge.to)}
              </h3>
              <label className="mt-2 block text-xs font-medium" htmlFor="edge-carries">
                Carries
              </label>
              <select
                id="edge-carries"
                className={smallInput}
                value={carriesOf(selectedEdge)}
                disabled={readOnly}
                onChange={(event) => dispatch({ type: "set-carries", from: selectedEdge.from, to: selectedEdge.to, carries: event.target.value as Carries })}
              >
                <option value="both">reads and writes</option>
                <option value="read">reads only</option>
                <option value="write">writes only</option>
              </select>
              {!readOnly ? (
                <button type="button" className={`${toolButton} mt-2`} onClick={() => dispatch({ type: "delete", selection: { edges: [edgeKey(selectedEdge)] } })}>
                  Delete connection
                </button>
              ) : null}
            </section>
          ) : selectedNote ? (
            <section aria-label="Selected note" className="rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-800">
              <label className="block text-xs font-medium" htmlFor="note-text">
                Sticky note (never judged)
              </label>
              <textarea
                id="note-text"
                className={smallInput}
                rows={5}
                value={selectedNote.text}
                readOnly={readOnly}
                onChange={(event) => dispatch({ type: "note-text", id: selectedNote.id, text: event.target.value })}
              />
              {!readOnly ? (
                <button type="button" className={`${toolButton} mt-2`} onClick={() => dispatch({ type: "delete", selection: { notes: [selectedNote.id] } })}>
                  Delete note
                </button>
              ) : null}
            </section>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Select a component (click it, Tab to it, or pick it in the list below) to size it, connect it, or run a failure drill.
            </p>
          )}

          {drill !== undefined || drillNode ? (
            <section aria-label="Failure drill" data-testid="failure-drill" className="rounded-lg border border-slate-300 p-2 text-sm dark:border-slate-700">
              <h3 className="font-semibold">Failure drill{drillNode ? `: ${nameOf(nodesById.get(drillNode), drillNode)}` : ""}</h3>
              {!drill ? (
                <p className="mt-1">{drillNode && nodesById.has(drillNode) ? "This kind is managed or outside the design: it never loses an instance in the drill." : "That component is no longer on the board."}</p>
              ) : (
                <>
                  <p className="mt-1">Lost: {drill.lost}.</p>
                  {drill.overCapacity.some((over) => over.id === drill.node && over.rho === null) ? (
                    <p className="mt-1 font-semibold" data-testid="drill-spof">
                      Single point of failure: nothing is left to carry its traffic.
                    </p>
                  ) : null}
                  {drill.dataLost ? <p className="mt-1 font-semibold">The shard&apos;s data is gone: it had no replica.</p> : null}
                  <p className="mt-1" data-testid="drill-outcome">
                    {drill.passed ? "Everything still carries the peak." : "The peak no longer fits:"}
                  </p>
                  {drill.overCapacity.length > 0 ? (
                    <ul className="mt-1 list-disc pl-5">
                      {drill.overCapacity.map((over) => (
                        <li key={over.id}>
                          {nameOf(nodesById.get(over.id), over.id)}: {over.rho === null ? "no instance left" : `${formatPercent(over.rho)} of capacity`}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <ul className="mt-1 text-xs">
                    {drill.streams.map((stream) => (
                      <li key={stream.name}>
                        {stream.name}: p99 {formatMs(stream.p99Ms)} (budget {formatMs(budgets[stream.name] ?? null)})
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <button type="button" className={`${toolButton} mt-2`} onClick={() => setDrillNode(null)}>
                End drill
              </button>
            </section>
          ) : null}
        </div>
      </div>

      <section aria-label="Design check" className="mt-4 grid gap-4 lg:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold">While you edit (computed in this browser)</h3>
          <p className="mt-1 text-sm" data-testid="live-summary">
            {liveFailed.length === 0 ? `All ${live.checks.length} checks pass.` : `${live.checks.length - liveFailed.length} of ${live.checks.length} checks pass; failing: ${liveFailed.map((check) => CHECK_TITLES[check.id]).join(", ")}.`}
          </p>
        </div>
        <div data-testid="board-verdict" data-verdict={shownVerdict?.verdict}>
          <h3 className="text-sm font-semibold">
            The server&apos;s verdict{shownCheck?.boardVersion ? ` (board version ${shownCheck.boardVersion})` : ""}
          </h3>
          {checkProblem ? (
            <p role="alert" className="mt-1 text-sm text-rose-800 dark:text-rose-300">
              {checkProblem}
            </p>
          ) : null}
          {shownVerdict ? (
            <>
              <p className="mt-1 font-semibold">
                {shownVerdict.verdict === "passed" ? "✓ Passed every check." : `✗ Failed ${shownVerdict.checks.filter((check) => check.status === "failed").length} of ${shownVerdict.checks.length} checks.`}
              </p>
              <ul className="mt-2 space-y-1.5 text-sm">
                {CHECK_IDS.map((id) => shownVerdict.checks.find((check) => check.id === id))
                  .filter((check) => check !== undefined)
                  .map((check) => (
                    <li key={check.id} data-check={check.id} data-status={check.status} className="rounded-md border border-slate-200 p-1.5 dark:border-slate-800">
                      <span className="font-semibold">
                        <span aria-hidden="true">{check.status === "passed" ? "✓ " : "✗ "}</span>
                        {check.status === "passed" ? "Passed" : "Failed"}: {CHECK_TITLES[check.id]}
                      </span>
                      {check.message ? <p className="mt-0.5 text-slate-700 dark:text-slate-300">{check.message}</p> : null}
                      {check.concept ? (
                        <a href={`/concepts/${check.concept}`} className="text-sky-700 underline dark:text-sky-300">
                          Lesson: {check.concept}
                        </a>
                      ) : null}
                    </li>
                  ))}
              </ul>
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Not checked yet: press Check design (Ctrl+Enter or Cmd+Enter inside the board).</p>
          )}
        </div>
      </section>

      <TextView board={board} figuresById={figuresById} selection={selection} dispatch={dispatch} />
    </section>
  );
}

function Legend({ verdict, budgets, nodesById }: { verdict: DesignVerdict; budgets: Record<string, number>; nodesById: Map<string, BoardNode> }) {
  return (
    <div className="mt-2 grid gap-2 text-xs sm:grid-cols-2" data-testid="board-legend">
      <div>
        <p className="font-semibold">Utilization at peak</p>
        <ul className="mt-1 space-y-0.5">
          {(Object.keys(BAND_WORDS) as Band[]).map((band) => (
            <li key={band} className="flex items-center gap-1.5">
              <span aria-hidden="true" className={`inline-block h-3 w-5 rounded-sm border-2 ${BAND_CLASSES[band]}`} />
              {BAND_WORDS[band]}
              {band === "over" ? " (dashed border, marked Over capacity)" : ""}
            </li>
          ))}
        </ul>
        <p className="mt-1">Solid arrows carry reads and writes, dashed reads only, dotted writes only.</p>
      </div>
      <div>
        <p className="font-semibold">The path that sets each stream&apos;s p99 (thick arrows)</p>
        <ul className="mt-1 space-y-0.5" data-testid="p99-paths">
          {verdict.streams.map((stream) => (
            <li key={stream.name}>
              {stream.name}: {formatMs(stream.p99Ms)} of {formatMs(budgets[stream.name] ?? null)}
              {stream.path.length > 0 ? ` via ${stream.path.map((id) => nameOf(nodesById.get(id), id)).join(" → ")}` : " (no path)"}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

type Dispatch = React.Dispatch<Parameters<typeof boardReducer>[1]>;

function ComponentPanel(props: {
  node: BoardNode;
  board: Board;
  figures: DesignNodeFigures | undefined;
  workload: DesignWorkload;
  readOnly: boolean;
  connectTo: string;
  setConnectTo: (id: string) => void;
  connectCarries: Carries;
  setConnectCarries: (carries: Carries) => void;
  dispatch: Dispatch;
  onDrill: () => void;
}) {
  const { node, board, figures, workload, readOnly, dispatch } = props;
  const others = board.nodes.filter((other) => other.id !== node.id);
  const outgoing = board.edges.filter((edge) => edge.from === node.id);
  const incoming = board.edges.filter((edge) => edge.to === node.id);
  const byId = new Map(board.nodes.map((other) => [other.id, other]));
  const target = others.some((other) => other.id === props.connectTo) ? props.connectTo : (others.find((other) => !outgoing.some((edge) => edge.to === other.id))?.id ?? "");
  const fields = sizingFields(node.kind);

  const setNumber = (field: SizingField, text: string) => {
    if (text.trim() === "") return dispatch({ type: "sizing", id: node.id, field, value: undefined });
    const value = Number(text);
    if (Number.isFinite(value)) dispatch({ type: "sizing", id: node.id, field, value });
  };

  return (
    <section aria-label={`Component ${nameOf(node, node.id)}`} data-testid="component-panel" className="rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-800">
      <h3 className="flex items-center gap-1.5 font-semibold">
        <KindIcon kind={node.kind} className="h-4 w-4" />
        {nameOf(node, node.id)} <span className="font-normal text-slate-600 dark:text-slate-400">({KIND_NAMES[node.kind]})</span>
      </h3>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{catalogLine(node.kind)}</p>
      {figures && node.kind !== "dns" ? <p className="mt-1 text-xs tabular-nums">At peak: {figuresLine(figures)}, {formatPercent(figures.rho)} of capacity.</p> : null}

      <label className="mt-2 block text-xs font-medium" htmlFor="component-label">
        Label
      </label>
      <input id="component-label" className={smallInput} value={node.label ?? ""} placeholder={node.id} readOnly={readOnly} maxLength={80} onChange={(event) => dispatch({ type: "label", id: node.id, label: event.target.value })} />

      {fields.map((field) => (
        <div key={field} className="mt-2">
          <label className="block text-xs font-medium" htmlFor={`sizing-${field}`}>
            {SIZING_LABELS[field](node.kind)}
          </label>
          {field === "size" ? (
            <select
              id="sizing-size"
              className={smallInput}
              value={node.size ?? "m"}
              disabled={readOnly}
              aria-describedby="sizing-size-figure"
              onChange={(event) => dispatch({ type: "sizing", id: node.id, field, value: event.target.value === "m" ? undefined : (event.target.value as "s" | "l") })}
            >
              <option value="s">s (half)</option>
              <option value="m">m (catalog)</option>
              <option value="l">l (double)</option>
            </select>
          ) : (
            <input
              id={`sizing-${field}`}
              type="number"
              className={smallInput}
              min={field === "instances" ? 1 : 0}
              max={field === "hitRatio" ? 1 : undefined}
              step={field === "hitRatio" ? 0.01 : 1}
              value={node[field] ?? (field === "instances" ? 1 : 0)}
              readOnly={readOnly}
              aria-describedby={`sizing-${field}-figure`}
              onChange={(event) => setNumber(field, event.target.value)}
            />
          )}
          <p id={`sizing-${field}-figure`} className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
            {sizingFigure(field, node.kind, workload)}
          </p>
        </div>
      ))}

      <h4 className="mt-3 text-xs font-semibold">Connections</h4>
      {outgoing.length + incoming.length === 0 ? <p className="text-xs text-slate-600 dark:text-slate-400">None yet.</p> : null}
      <ul className="mt-1 space-y-1">
        {[...outgoing, ...incoming].map((edge) => {
          const out = edge.from === node.id;
          const other = out ? edge.to : edge.from;
          const key = edgeKey(edge);
          return (
            <li key={key} className="flex flex-wrap items-center gap-1 text-xs" data-edge={key}>
              <span>
                {out ? "to" : "from"} {nameOf(byId.get(other), other)}:
              </span>
              <label className="sr-only" htmlFor={`carries-${key}`}>
                What {key} carries
              </label>
              <select
                id={`carries-${key}`}
                className="rounded border border-slate-400 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900"
                value={carriesOf(edge)}
                disabled={readOnly}
                onChange={(event) => dispatch({ type: "set-carries", from: edge.from, to: edge.to, carries: event.target.value as Carries })}
              >
                <option value="both">reads and writes</option>
                <option value="read">reads</option>
                <option value="write">writes</option>
              </select>
              {!readOnly ? (
                <button type="button" className="underline" aria-label={`Remove the connection ${nameOf(byId.get(edge.from), edge.from)} to ${nameOf(byId.get(edge.to), edge.to)}`} onClick={() => dispatch({ type: "delete", selection: { edges: [key] } })}>
                  Remove
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>

      {!readOnly && others.length > 0 ? (
        <div className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] items-end gap-1">
          <div>
            <label className="block text-xs font-medium" htmlFor="connect-to">
              Connect to
            </label>
            <select id="connect-to" className={smallInput} value={target} onChange={(event) => props.setConnectTo(event.target.value)}>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {nameOf(other, other.id)} ({KIND_NAMES[other.kind]})
                </option>
              ))}
            </select>
            <label className="mt-1 block text-xs font-medium" htmlFor="connect-carries">
              Carrying
            </label>
            <select id="connect-carries" className={smallInput} value={props.connectCarries} onChange={(event) => props.setConnectCarries(event.target.value as Carries)}>
              <option value="both">reads and writes</option>
              <option value="read">reads only</option>
              <option value="write">writes only</option>
            </select>
          </div>
          <button type="button" className={toolButton} disabled={!target} onClick={() => dispatch({ type: "connect", from: node.id, to: target, carries: props.connectCarries })}>
            Connect
          </button>
        </div>
      ) : null}

      <div className="mt-3 flex flex-wrap gap-1.5">
        <button type="button" className={toolButton} onClick={props.onDrill}>
          Failure drill
        </button>
        {!readOnly ? (
          <button type="button" className={toolButton} onClick={() => dispatch({ type: "delete", selection: { nodes: [node.id] } })}>
            Delete component
          </button>
        ) : null}
      </div>
    </section>
  );
}

/** The board in words: for screen readers, for printing, and a keyboard way to select anything. */
function TextView({ board, figuresById, selection, dispatch }: { board: Board; figuresById: Map<string, DesignNodeFigures>; selection: { nodes: string[]; edges: string[] }; dispatch: Dispatch }) {
  const byId = new Map(board.nodes.map((node) => [node.id, node]));
  return (
    <details className="mt-4 rounded-lg border border-slate-200 p-2 text-sm print:block dark:border-slate-800" data-testid="board-text-view" open>
      <summary className="cursor-pointer font-semibold">The board as text</summary>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide">Components ({board.nodes.length})</h3>
          <ul className="mt-1 space-y-1" aria-label="Components">
            {board.nodes.map((node) => {
              const sizing = sizingWords(node);
              return (
                <li key={node.id}>
                  <button
                    type="button"
                    aria-pressed={selection.nodes.includes(node.id)}
                    className="text-left underline-offset-2 hover:underline aria-pressed:font-semibold"
                    onClick={() => dispatch({ type: "select", selection: { nodes: [node.id] } })}
                  >
                    {nameOf(node, node.id)}: {KIND_NAMES[node.kind]}
                    {sizing ? `, ${sizing}` : ""}
                  </button>
                  {figuresById.get(node.id) && node.kind !== "dns" ? <span className="block text-xs text-slate-600 dark:text-slate-400">{figuresLine(figuresById.get(node.id))}</span> : null}
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide">Connections ({board.edges.length})</h3>
          <ul className="mt-1 space-y-1" aria-label="Connections">
            {board.edges.map((edge) => {
              const key = edgeKey(edge);
              return (
                <li key={key}>
                  <button
                    type="button"
                    aria-pressed={selection.edges.includes(key)}
                    className="text-left underline-offset-2 hover:underline aria-pressed:font-semibold"
                    onClick={() => dispatch({ type: "select", selection: { edges: [key] } })}
                  >
                    {nameOf(byId.get(edge.from), edge.from)} to {nameOf(byId.get(edge.to), edge.to)}: {CARRIES_WORDS[carriesOf(edge)]}
                  </button>
                </li>
              );
            })}
          </ul>
          {(board.notes ?? []).length > 0 ? (
            <>
              <h3 className="mt-3 text-xs font-semibold uppercase tracking-wide">Notes</h3>
              <ul className="mt-1 list-disc pl-5">
                {(board.notes ?? []).map((note) => (
                  <li key={note.id}>
                    <button type="button" className="text-left" onClick={() => dispatch({ type: "select", selection: { notes: [note.id] } })}>
                      {note.text || "(empty note)"}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </details>
  );
}

export default function BoardEditor(props: BoardEditorProps) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}

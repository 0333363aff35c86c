// The design board editor's state, pure: a reducer over the board format of
// docs/design-check.md with undo/redo, selection, copy/paste and JSON import/export.
// Every change is validated by lib/design's parser before it lands, so the board held
// here is always one the server accepts; a change that would break a rule (a 201st node,
// an 81-character label, a bad import) leaves the board untouched and says why.
import { parseBoard, parseBoardJson, type Board, type BoardEdge, type BoardNode, type BoardNote } from "@/lib/design/board";
import { CACHING_KINDS, REPLICATED_KINDS, SIZED_KINDS, type Kind } from "@/lib/design/catalog";

export type Carries = NonNullable<BoardEdge["carries"]>;
export type SizingField = "size" | "instances" | "replicas" | "hitRatio";
export type SizingValue = BoardNode[SizingField];

export interface Selection {
  nodes: string[];
  /** Edge keys, `from->to` (ids never contain ">"). */
  edges: string[];
  notes: string[];
}

export interface BoardState {
  board: Board;
  past: Board[];
  future: Board[];
  selection: Selection;
  clipboard: { nodes: BoardNode[]; edges: BoardEdge[]; notes: BoardNote[] } | null;
  /** The last refusal or notice, in words (a bad import, a limit reached); null when none. */
  message: { kind: "error" | "info"; text: string } | null;
  /** Counts board changes made here (not selection), so autosave knows when to save. */
  revision: number;
  /** The revision the last "move" was recorded at: a drag's many moves are one undo step. */
  movingAt: number | null;
}

export type BoardAction =
  | { type: "add"; kind: Kind; x?: number; y?: number }
  | { type: "move"; id: string; x: number; y: number }
  | { type: "end-move" }
  | { type: "connect"; from: string; to: string; carries?: Carries }
  | { type: "set-carries"; from: string; to: string; carries: Carries }
  | { type: "label"; id: string; label: string }
  | { type: "sizing"; id: string; field: SizingField; value: SizingValue }
  | { type: "add-note"; text?: string; x?: number; y?: number }
  | { type: "note-text"; id: string; text: string }
  /** `merge` keeps the kinds of selection not given (a node click leaves edge selection to its own change). */
  | { type: "select"; selection: Partial<Selection>; merge?: boolean }
  | { type: "delete"; selection?: Partial<Selection> }
  | { type: "copy" }
  | { type: "paste" }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "import"; text: string }
  /** The board from elsewhere (a template, the server's copy after a conflict); undoable unless `history` is false. */
  | { type: "replace"; board: Board; history?: boolean; notice?: string }
  | { type: "dismiss-message" };

export const MAX_HISTORY = 100;
const PASTE_OFFSET = 40;
const GRID_STEP = 200;

export const EMPTY_BOARD: Board = { version: 1, nodes: [], edges: [] };
const NO_SELECTION: Selection = { nodes: [], edges: [], notes: [] };

export const edgeKey = (edge: Pick<BoardEdge, "from" | "to">): string => `${edge.from}->${edge.to}`;

export function initialBoardState(board: Board = EMPTY_BOARD): BoardState {
  return { board, past: [], future: [], selection: NO_SELECTION, clipboard: null, message: null, revision: 0, movingAt: null };
}

/** Which sizing fields a kind takes (design-check.md, "Fields by kind"). */
export function sizingFields(kind: Kind): SizingField[] {
  const fields: SizingField[] = [];
  if (SIZED_KINDS.has(kind)) fields.push("size", "instances");
  if (REPLICATED_KINDS.has(kind)) fields.push("replicas");
  if (CACHING_KINDS.has(kind)) fields.push("hitRatio");
  return fields;
}

/** "service", then "service-2", "service-3"...: ids that read as what they are. */
export function freshId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, 34);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Where a new component goes when the caller gives no place: the next free cell of a grid, left to right. */
function freePlace(board: Board): { x: number; y: number } {
  const taken = new Set(board.nodes.map((node) => `${Math.round(node.x / GRID_STEP)},${Math.round(node.y / GRID_STEP)}`));
  for (let cell = 0; ; cell += 1) {
    const column = cell % 5;
    const row = Math.floor(cell / 5);
    if (!taken.has(`${column},${row}`)) return { x: column * GRID_STEP, y: row * GRID_STEP };
  }
}

/** Applies a board change: validated, recorded for undo, or refused with the parser's words. */
function change(state: BoardState, next: Board, options: { select?: Selection; coalesce?: boolean; moving?: boolean; message?: BoardState["message"] } = {}): BoardState {
  const parsed = parseBoard(next);
  if (!parsed.ok) return { ...state, message: { kind: "error", text: `Not changed: ${parsed.error.replace(/^Invalid board: /, "")}` } };
  const past = options.coalesce ? state.past : [...state.past, state.board].slice(-MAX_HISTORY);
  const revision = state.revision + 1;
  return {
    ...state,
    board: parsed.board,
    past,
    future: [],
    selection: options.select ?? state.selection,
    message: options.message ?? null,
    revision,
    movingAt: options.moving ? revision : null,
  };
}

function selectionOf(partial: Partial<Selection>): Selection {
  return { nodes: partial.nodes ?? [], edges: partial.edges ?? [], notes: partial.notes ?? [] };
}

function withoutSelected(board: Board, selection: Selection): Board {
  const nodes = new Set(selection.nodes);
  const edges = new Set(selection.edges);
  const notes = new Set(selection.notes);
  const result: Board = {
    version: 1,
    nodes: board.nodes.filter((node) => !nodes.has(node.id)),
    edges: board.edges.filter((edge) => !edges.has(edgeKey(edge)) && !nodes.has(edge.from) && !nodes.has(edge.to)),
  };
  const keptNotes = (board.notes ?? []).filter((note) => !notes.has(note.id));
  if (board.notes !== undefined || keptNotes.length > 0) result.notes = keptNotes;
  return result;
}

function updateNode(board: Board, id: string, update: (node: BoardNode) => BoardNode): Board {
  return { ...board, nodes: board.nodes.map((node) => (node.id === id ? update(node) : node)) };
}

export function boardReducer(state: BoardState, action: BoardAction): BoardState {
  const { board } = state;
  switch (action.type) {
    case "add": {
      const id = freshId(action.kind, new Set(board.nodes.map((node) => node.id)));
      const place = action.x !== undefined && action.y !== undefined ? { x: action.x, y: action.y } : freePlace(board);
      const node: BoardNode = { id, kind: action.kind, x: Math.round(place.x), y: Math.round(place.y) };
      return change(state, { ...board, nodes: [...board.nodes, node] }, { select: { ...NO_SELECTION, nodes: [id] } });
    }
    case "move": {
      const node = board.nodes.find((candidate) => candidate.id === action.id);
      const note = board.notes?.find((candidate) => candidate.id === action.id);
      if (!node && !note) return state;
      const x = Math.round(action.x);
      const y = Math.round(action.y);
      // One drag, many moves: only the first is an undo step.
      const coalesce = state.movingAt === state.revision && state.past.length > 0;
      if (node) return change(state, updateNode(board, action.id, (current) => ({ ...current, x, y })), { coalesce, moving: true });
      return change(state, { ...board, notes: (board.notes ?? []).map((current) => (current.id === action.id ? { ...current, x, y } : current)) }, { coalesce, moving: true });
    }
    case "end-move":
      return state.movingAt === null ? state : { ...state, movingAt: null };
    case "connect": {
      if (action.from === action.to) return { ...state, message: { kind: "error", text: "Not connected: a component cannot connect to itself." } };
      const existing = board.edges.find((edge) => edge.from === action.from && edge.to === action.to);
      if (existing) return { ...state, selection: { ...NO_SELECTION, edges: [edgeKey(existing)] }, message: { kind: "info", text: `${action.from} already connects to ${action.to}.` } };
      const edge: BoardEdge = action.carries && action.carries !== "both" ? { from: action.from, to: action.to, carries: action.carries } : { from: action.from, to: action.to };
      return change(state, { ...board, edges: [...board.edges, edge] }, { select: { ...NO_SELECTION, edges: [edgeKey(edge)] } });
    }
    case "set-carries": {
      const key = edgeKey(action);
      if (!board.edges.some((edge) => edgeKey(edge) === key)) return state;
      const edges = board.edges.map((edge) => (edgeKey(edge) === key ? (action.carries === "both" ? { from: edge.from, to: edge.to } : { from: edge.from, to: edge.to, carries: action.carries }) : edge));
      return change(state, { ...board, edges });
    }
    case "label": {
      if (!board.nodes.some((node) => node.id === action.id)) return state;
      const label = action.label;
      return change(
        state,
        updateNode(board, action.id, (node) => {
          const next: BoardNode = { ...node };
          if (label === "") delete next.label;
          else next.label = label;
          return next;
        }),
      );
    }
    case "sizing": {
      const node = board.nodes.find((candidate) => candidate.id === action.id);
      if (!node) return state;
      if (!sizingFields(node.kind).includes(action.field)) return { ...state, message: { kind: "error", text: `Not changed: ${action.field} does not apply to this component.` } };
      return change(
        state,
        updateNode(board, action.id, (current) => {
          const next: BoardNode = { ...current };
          if (action.value === undefined) delete next[action.field];
          else (next as Record<SizingField, SizingValue>)[action.field] = action.value;
          return next;
        }),
      );
    }
    case "add-note": {
      const notes = board.notes ?? [];
      const id = freshId("note", new Set(notes.map((note) => note.id)));
      const place = action.x !== undefined && action.y !== undefined ? { x: action.x, y: action.y } : { x: 0, y: -120 - 20 * notes.length };
      const note: BoardNote = { id, text: action.text ?? "", x: Math.round(place.x), y: Math.round(place.y) };
      return change(state, { ...board, notes: [...notes, note] }, { select: { ...NO_SELECTION, notes: [id] } });
    }
    case "note-text": {
      if (!board.notes?.some((note) => note.id === action.id)) return state;
      return change(state, { ...board, notes: board.notes.map((note) => (note.id === action.id ? { ...note, text: action.text } : note)) });
    }
    case "select":
      return { ...state, selection: action.merge ? { ...state.selection, ...action.selection } : selectionOf(action.selection) };
    case "delete": {
      const selection = action.selection ? selectionOf(action.selection) : state.selection;
      if (selection.nodes.length + selection.edges.length + selection.notes.length === 0) return state;
      return change(state, withoutSelected(board, selection), { select: NO_SELECTION });
    }
    case "copy": {
      const nodeIds = new Set(state.selection.nodes);
      const nodes = board.nodes.filter((node) => nodeIds.has(node.id));
      const notes = (board.notes ?? []).filter((note) => state.selection.notes.includes(note.id));
      if (nodes.length + notes.length === 0) return { ...state, message: { kind: "info", text: "Nothing to copy: select a component or a note first." } };
      // Only the connections inside the copy come with it.
      const edges = board.edges.filter((edge) => nodeIds.has(edge.from) && nodeIds.has(edge.to));
      return { ...state, clipboard: { nodes, edges, notes }, message: { kind: "info", text: `Copied ${nodes.length + notes.length} item${nodes.length + notes.length === 1 ? "" : "s"}.` } };
    }
    case "paste": {
      const clipboard = state.clipboard;
      if (!clipboard) return { ...state, message: { kind: "info", text: "Nothing to paste: copy something first." } };
      const takenNodes = new Set(board.nodes.map((node) => node.id));
      const renamed = new Map<string, string>();
      const nodes = clipboard.nodes.map((node) => {
        const id = freshId(node.id.replace(/-\d+$/, ""), takenNodes);
        takenNodes.add(id);
        renamed.set(node.id, id);
        return { ...node, id, x: node.x + PASTE_OFFSET, y: node.y + PASTE_OFFSET };
      });
      const edges = clipboard.edges.map((edge) => ({ ...edge, from: renamed.get(edge.from) ?? edge.from, to: renamed.get(edge.to) ?? edge.to }));
      const takenNotes = new Set((board.notes ?? []).map((note) => note.id));
      const notes = clipboard.notes.map((note) => {
        const id = freshId("note", takenNotes);
        takenNotes.add(id);
        return { ...note, id, x: note.x + PASTE_OFFSET, y: note.y + PASTE_OFFSET };
      });
      const next: Board = { ...board, nodes: [...board.nodes, ...nodes], edges: [...board.edges, ...edges] };
      if (notes.length > 0 || board.notes) next.notes = [...(board.notes ?? []), ...notes];
      return change(state, next, { select: { nodes: nodes.map((node) => node.id), edges: edges.map(edgeKey), notes: notes.map((note) => note.id) } });
    }
    case "undo": {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return { ...state, board: previous, past: state.past.slice(0, -1), future: [state.board, ...state.future], selection: NO_SELECTION, message: null, revision: state.revision + 1, movingAt: null };
    }
    case "redo": {
      const next = state.future[0];
      if (!next) return state;
      return { ...state, board: next, past: [...state.past, state.board], future: state.future.slice(1), selection: NO_SELECTION, message: null, revision: state.revision + 1, movingAt: null };
    }
    case "import": {
      const parsed = parseBoardJson(action.text);
      if (!parsed.ok) return { ...state, message: { kind: "error", text: `Not imported: ${parsed.error.replace(/^Invalid board: /, "")}. Your board is unchanged.` } };
      return change(state, parsed.board, { select: NO_SELECTION, message: { kind: "info", text: `Imported a board of ${parsed.board.nodes.length} components and ${parsed.board.edges.length} connections.` } });
    }
    case "replace": {
      const message = action.notice ? { kind: "info" as const, text: action.notice } : null;
      if (action.history === false) {
        const parsed = parseBoard(action.board);
        if (!parsed.ok) return { ...state, message: { kind: "error", text: parsed.error } };
        return { ...state, board: parsed.board, selection: NO_SELECTION, message, revision: state.revision + 1, movingAt: null };
      }
      return change(state, action.board, { select: NO_SELECTION, message });
    }
    case "dismiss-message":
      return state.message ? { ...state, message: null } : state;
  }
}

/** The board as the JSON file a learner downloads; `importBoard` reads it back. */
export function exportBoardJson(board: Board): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}

/** "start from a template": client, load balancer, service, database, connected in a line. */
export function templateBoard(): Board {
  return {
    version: 1,
    nodes: [
      { id: "client", kind: "client", label: "Users", x: 0, y: 0 },
      { id: "load-balancer", kind: "load-balancer", x: 220, y: 0 },
      { id: "service", kind: "service", x: 440, y: 0 },
      { id: "database", kind: "database", x: 660, y: 0 },
    ],
    edges: [
      { from: "client", to: "load-balancer" },
      { from: "load-balancer", to: "service" },
      { from: "service", to: "database" },
    ],
  };
}

import { describe, expect, it } from "vitest";
import { parseBoard, type Board } from "@/lib/design/board";
import { boardToSvg } from "./board-export";
import { boardReducer, edgeKey, exportBoardJson, initialBoardState, MAX_HISTORY, templateBoard, type BoardAction, type BoardState } from "./board-state";

const run = (actions: BoardAction[], state: BoardState = initialBoardState()): BoardState => actions.reduce(boardReducer, state);

describe("board state", () => {
  it("adds components with readable, unique ids in free places and selects the new one", () => {
    const state = run([{ type: "add", kind: "service" }, { type: "add", kind: "service" }, { type: "add", kind: "database" }]);
    expect(state.board.nodes.map((node) => node.id)).toEqual(["service", "service-2", "database"]);
    const places = new Set(state.board.nodes.map((node) => `${node.x},${node.y}`));
    expect(places.size).toBe(3);
    expect(state.selection.nodes).toEqual(["database"]);
    expect(parseBoard(state.board).ok).toBe(true);
  });

  it("connects two components once, defaulting to both, and sets what an edge carries", () => {
    let state = run([{ type: "add", kind: "client" }, { type: "add", kind: "service" }, { type: "connect", from: "client", to: "service" }]);
    expect(state.board.edges).toEqual([{ from: "client", to: "service" }]);
    expect(state.selection.edges).toEqual(["client->service"]);
    state = boardReducer(state, { type: "connect", from: "client", to: "service" });
    expect(state.board.edges).toHaveLength(1);
    state = boardReducer(state, { type: "set-carries", from: "client", to: "service", carries: "read" });
    expect(state.board.edges).toEqual([{ from: "client", to: "service", carries: "read" }]);
    state = boardReducer(state, { type: "set-carries", from: "client", to: "service", carries: "both" });
    expect(state.board.edges).toEqual([{ from: "client", to: "service" }]);
  });

  it("refuses a self-connection and an edge to a missing node, with a message, board untouched", () => {
    const before = run([{ type: "add", kind: "service" }]);
    const self = boardReducer(before, { type: "connect", from: "service", to: "service" });
    expect(self.board).toBe(before.board);
    expect(self.message?.kind).toBe("error");
    const dangling = boardReducer(before, { type: "connect", from: "service", to: "ghost" });
    expect(dangling.board).toBe(before.board);
    expect(dangling.message?.text).toContain('no node has id "ghost"');
  });

  it("undoes and redoes each change, and a new change clears the redo list", () => {
    const built = run([{ type: "add", kind: "client" }, { type: "add", kind: "service" }, { type: "connect", from: "client", to: "service" }]);
    const undone = run([{ type: "undo" }], built);
    expect(undone.board.edges).toEqual([]);
    expect(undone.board.nodes).toHaveLength(2);
    const twice = run([{ type: "undo" }], undone);
    expect(twice.board.nodes.map((node) => node.id)).toEqual(["client"]);
    const redone = run([{ type: "redo" }, { type: "redo" }], twice);
    expect(redone.board).toEqual(built.board);
    const branched = run([{ type: "undo" }, { type: "add", kind: "cache" }], redone);
    expect(branched.future).toEqual([]);
    expect(run([{ type: "redo" }], branched).board).toBe(branched.board);
    // Nothing left to undo is no change.
    const empty = initialBoardState();
    expect(boardReducer(empty, { type: "undo" })).toBe(empty);
  });

  it("records a drag's many moves as one undo step", () => {
    const added = run([{ type: "add", kind: "service" }]);
    const dragged = run([{ type: "move", id: "service", x: 10, y: 10 }, { type: "move", id: "service", x: 20, y: 25 }, { type: "move", id: "service", x: 31.6, y: 40 }, { type: "end-move" }], added);
    expect(dragged.board.nodes[0]).toMatchObject({ x: 32, y: 40 });
    expect(run([{ type: "undo" }], dragged).board.nodes[0]).toMatchObject({ x: 0, y: 0 });
    const second = run([{ type: "move", id: "service", x: 100, y: 100 }, { type: "end-move" }], dragged);
    expect(run([{ type: "undo" }], second).board.nodes[0]).toMatchObject({ x: 32, y: 40 });
  });

  it("keeps at most MAX_HISTORY undo steps", () => {
    let state = run([{ type: "add", kind: "service" }]);
    for (let i = 0; i < MAX_HISTORY + 20; i += 1) state = boardReducer(state, { type: "label", id: "service", label: `api ${i}` });
    expect(state.past).toHaveLength(MAX_HISTORY);
  });

  it("sets sizing only where the kind takes it, clears a field with undefined, and refuses out-of-range values by name", () => {
    let state = run([{ type: "add", kind: "database" }, { type: "add", kind: "client" }]);
    state = run([{ type: "sizing", id: "database", field: "instances", value: 2 }, { type: "sizing", id: "database", field: "replicas", value: 1 }], state);
    expect(state.board.nodes[0]).toMatchObject({ instances: 2, replicas: 1 });
    state = boardReducer(state, { type: "sizing", id: "database", field: "replicas", value: undefined });
    expect(state.board.nodes[0]).not.toHaveProperty("replicas");
    const refused = boardReducer(state, { type: "sizing", id: "client", field: "instances", value: 3 });
    expect(refused.board).toBe(state.board);
    expect(refused.message?.kind).toBe("error");
    const zero = boardReducer(state, { type: "sizing", id: "database", field: "instances", value: 0 });
    expect(zero.board).toBe(state.board);
    expect(zero.message?.text).toContain("must be at least 1");
  });

  it("labels a component, refuses a label over 80 characters, and an empty label removes it", () => {
    let state = run([{ type: "add", kind: "load-balancer" }, { type: "label", id: "load-balancer", label: "Edge LB" }]);
    expect(state.board.nodes[0]?.label).toBe("Edge LB");
    const long = boardReducer(state, { type: "label", id: "load-balancer", label: "x".repeat(81) });
    expect(long.board).toBe(state.board);
    expect(long.message?.text).toContain("at most 80 characters");
    state = boardReducer(state, { type: "label", id: "load-balancer", label: "" });
    expect(state.board.nodes[0]).not.toHaveProperty("label");
  });

  it("a merged selection keeps the kinds it does not name; a plain one replaces them all", () => {
    const built = run([{ type: "add", kind: "client" }, { type: "add", kind: "service" }, { type: "connect", from: "client", to: "service" }]);
    const merged = boardReducer(built, { type: "select", selection: { nodes: ["client"] }, merge: true });
    expect(merged.selection).toEqual({ nodes: ["client"], edges: ["client->service"], notes: [] });
    const replaced = boardReducer(merged, { type: "select", selection: { nodes: ["service"] } });
    expect(replaced.selection).toEqual({ nodes: ["service"], edges: [], notes: [] });
  });

  it("deletes a component with its connections, and a selected edge alone", () => {
    const built = run([
      { type: "add", kind: "client" },
      { type: "add", kind: "service" },
      { type: "add", kind: "database" },
      { type: "connect", from: "client", to: "service" },
      { type: "connect", from: "service", to: "database" },
    ]);
    const noService = boardReducer(built, { type: "delete", selection: { nodes: ["service"] } });
    expect(noService.board.nodes.map((node) => node.id)).toEqual(["client", "database"]);
    expect(noService.board.edges).toEqual([]);
    const noEdge = run([{ type: "select", selection: { edges: [edgeKey({ from: "service", to: "database" })] } }, { type: "delete" }], built);
    expect(noEdge.board.edges).toEqual([{ from: "client", to: "service" }]);
    expect(noEdge.board.nodes).toHaveLength(3);
  });

  it("copies and pastes components with the connections between them under fresh ids", () => {
    const built = run([
      { type: "add", kind: "service" },
      { type: "add", kind: "cache" },
      { type: "connect", from: "service", to: "cache", carries: "read" },
      { type: "select", selection: { nodes: ["service", "cache"] } },
      { type: "copy" },
      { type: "paste" },
    ]);
    expect(built.board.nodes.map((node) => node.id)).toEqual(["service", "cache", "service-2", "cache-2"]);
    expect(built.board.edges).toContainEqual({ from: "service-2", to: "cache-2", carries: "read" });
    expect(built.selection.nodes).toEqual(["service-2", "cache-2"]);
    expect(built.board.nodes[2]).toMatchObject({ x: built.board.nodes[0]!.x + 40, y: built.board.nodes[0]!.y + 40 });
  });

  it("adds sticky notes and edits their text; notes are never judged but must fit the limits", () => {
    let state = run([{ type: "add-note", text: "cache the hot 20%" }]);
    expect(state.board.notes).toEqual([expect.objectContaining({ id: "note", text: "cache the hot 20%" })]);
    state = boardReducer(state, { type: "note-text", id: "note", text: "read-heavy: 100:1" });
    expect(state.board.notes?.[0]?.text).toBe("read-heavy: 100:1");
    const long = boardReducer(state, { type: "note-text", id: "note", text: "x".repeat(2_001) });
    expect(long.board).toBe(state.board);
    expect(long.message?.kind).toBe("error");
  });

  it("exports JSON that imports back to the same board", () => {
    const built = run([
      { type: "replace", board: templateBoard() },
      { type: "sizing", id: "database", field: "replicas", value: 2 },
      { type: "add-note", text: "one note" },
    ]);
    const text = exportBoardJson(built.board);
    const imported = boardReducer(initialBoardState(), { type: "import", text });
    expect(imported.board).toEqual(built.board);
    expect(imported.message?.kind).toBe("info");
    expect(JSON.parse(text)).toEqual(built.board);
  });

  it("a bad import leaves the board untouched and says what is wrong", () => {
    const built = run([{ type: "replace", board: templateBoard() }]);
    const cases: Array<[string, string]> = [
      ["not json at all", "not JSON"],
      [JSON.stringify({ hello: "world" }), "version"],
      [JSON.stringify({ ...templateBoard(), nodes: [...templateBoard().nodes, { id: "x", kind: "mainframe", x: 0, y: 0 }] }), "unknown kind"],
      [JSON.stringify({ ...templateBoard(), edges: [{ from: "client", to: "nowhere" }] }), 'no node has id "nowhere"'],
      [JSON.stringify({ ...templateBoard(), nodes: templateBoard().nodes.map((node) => (node.kind === "service" ? { ...node, replicas: 1 } : node)) }), "does not apply to a service"],
    ];
    for (const [text, words] of cases) {
      const after = boardReducer(built, { type: "import", text });
      expect(after.board, text).toBe(built.board);
      expect(after.past).toBe(built.past);
      expect(after.message?.kind).toBe("error");
      expect(after.message?.text).toContain(words);
      expect(after.message?.text).toContain("Your board is unchanged");
    }
  });

  it("refuses a 201st component", () => {
    const full: Board = { version: 1, nodes: Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, kind: "service" as const, x: i, y: 0 })), edges: [] };
    const state = run([{ type: "replace", board: full }]);
    const after = boardReducer(state, { type: "add", kind: "service" });
    expect(after.board.nodes).toHaveLength(200);
    expect(after.message?.text).toContain("at most 200 nodes");
  });

  it("the template is a valid board of client, load balancer, service and database", () => {
    const parsed = parseBoard(templateBoard());
    expect(parsed.ok).toBe(true);
    expect(templateBoard().nodes.map((node) => node.kind)).toEqual(["client", "load-balancer", "service", "database"]);
  });
});

describe("SVG export", () => {
  it("draws every component's label and kind, each connection, and escapes text", () => {
    const board: Board = {
      ...templateBoard(),
      nodes: templateBoard().nodes.map((node) => (node.id === "service" ? { ...node, label: "API <v2> & co" } : node)),
      notes: [{ id: "note", text: "hot keys", x: 0, y: 200 }],
    };
    const { svg, width, height } = boardToSvg(board);
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(svg).toContain(">Users<");
    expect(svg).toContain("API &lt;v2&gt; &amp; co");
    expect(svg).toContain("load balancer");
    expect(svg).toContain(">hot keys<");
    expect(svg.match(/<line /g)).toHaveLength(3);
    expect(width).toBeGreaterThan(660);
    expect(height).toBeGreaterThan(200);
  });
});

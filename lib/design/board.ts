// The board a learner draws (design-check.md, "The board"), validated with zod. Every
// rule of the format is checked here, so the model never sees a malformed board: an
// unknown field anywhere, an unknown kind, a field that does not apply to the kind, a bad
// id, a dangling or duplicate edge, a duplicate id, a value out of range, too many nodes.
import { z } from "zod";
import { CACHING_KINDS, KINDS, KIND_NAMES, REPLICATED_KINDS, SIZED_KINDS, SIZES, type Kind } from "./catalog";

export const MAX_NODES = 200;
export const MAX_EDGES = 400;
export const MAX_NOTES = 100;
export const MAX_LABEL_CHARS = 80;
export const MAX_NOTE_CHARS = 2_000;
/** Layout bounds: generous, but finite (a reading of "a value out of range"; see docs/design-check.md). */
export const MAX_COORDINATE = 1_000_000;
export const MAX_INSTANCES = 10_000;
export const MAX_REPLICAS = 100;
export const NODE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

const id = z.string().regex(NODE_ID, { error: "must match /^[a-z0-9][a-z0-9-]{0,39}$/ (lower-case letters, digits and dashes, 1-40 characters)" });
const coordinate = z
  .number({ error: "must be a number" })
  .min(-MAX_COORDINATE, { error: `must be at least -${MAX_COORDINATE}` })
  .max(MAX_COORDINATE, { error: `must be at most ${MAX_COORDINATE}` });

export const boardNodeSchema = z.strictObject({
  id,
  kind: z.enum(KINDS, { error: `unknown kind; use one of ${KINDS.join(", ")}` }),
  label: z.string({ error: "must be a string" }).max(MAX_LABEL_CHARS, { error: `at most ${MAX_LABEL_CHARS} characters` }).optional(),
  x: coordinate,
  y: coordinate,
  size: z.enum(SIZES, { error: 'must be "s", "m" or "l"' }).optional(),
  instances: z
    .number({ error: "must be a number" })
    .int({ error: "must be an integer" })
    .min(1, { error: "must be at least 1" })
    .max(MAX_INSTANCES, { error: `must be at most ${MAX_INSTANCES}` })
    .optional(),
  replicas: z
    .number({ error: "must be a number" })
    .int({ error: "must be an integer" })
    .min(0, { error: "must be at least 0" })
    .max(MAX_REPLICAS, { error: `must be at most ${MAX_REPLICAS}` })
    .optional(),
  hitRatio: z.number({ error: "must be a number" }).min(0, { error: "must be between 0 and 1" }).max(1, { error: "must be between 0 and 1" }).optional(),
});

export const boardEdgeSchema = z.strictObject({
  from: id,
  to: id,
  carries: z.enum(["read", "write", "both"], { error: 'must be "read", "write" or "both"' }).optional(),
});

export const boardNoteSchema = z.strictObject({
  id,
  text: z.string({ error: "must be a string" }).max(MAX_NOTE_CHARS, { error: `at most ${MAX_NOTE_CHARS} characters` }),
  x: coordinate,
  y: coordinate,
});

/** Which optional fields each kind takes (design-check.md, "Fields by kind"). */
function fieldApplies(kind: Kind, field: "size" | "instances" | "replicas" | "hitRatio"): boolean {
  if (field === "size" || field === "instances") return SIZED_KINDS.has(kind);
  if (field === "replicas") return REPLICATED_KINDS.has(kind);
  return CACHING_KINDS.has(kind);
}

export const boardSchema = z
  .strictObject({
    version: z.literal(1, { error: "must be 1" }),
    nodes: z.array(boardNodeSchema, { error: "must be a list" }).max(MAX_NODES, { error: `at most ${MAX_NODES} nodes` }),
    edges: z.array(boardEdgeSchema, { error: "must be a list" }).max(MAX_EDGES, { error: `at most ${MAX_EDGES} edges` }),
    notes: z.array(boardNoteSchema, { error: "must be a list" }).max(MAX_NOTES, { error: `at most ${MAX_NOTES} notes` }).optional(),
  })
  .superRefine((board, ctx) => {
    const ids = new Set<string>();
    board.nodes.forEach((node, index) => {
      if (ids.has(node.id)) ctx.addIssue({ code: "custom", path: ["nodes", index, "id"], message: `duplicate id "${node.id}"` });
      ids.add(node.id);
      for (const field of ["size", "instances", "replicas", "hitRatio"] as const) {
        if (node[field] !== undefined && !fieldApplies(node.kind, field)) {
          ctx.addIssue({ code: "custom", path: ["nodes", index, field], message: `does not apply to a ${KIND_NAMES[node.kind]}` });
        }
      }
    });
    const pairs = new Set<string>();
    board.edges.forEach((edge, index) => {
      if (!ids.has(edge.from)) ctx.addIssue({ code: "custom", path: ["edges", index, "from"], message: `no node has id "${edge.from}"` });
      if (!ids.has(edge.to)) ctx.addIssue({ code: "custom", path: ["edges", index, "to"], message: `no node has id "${edge.to}"` });
      const pair = `${edge.from}\u0000${edge.to}`;
      if (pairs.has(pair)) ctx.addIssue({ code: "custom", path: ["edges", index], message: `a second edge from "${edge.from}" to "${edge.to}" (one edge per ordered pair; use carries "both")` });
      pairs.add(pair);
    });
    const noteIds = new Set<string>();
    (board.notes ?? []).forEach((note, index) => {
      if (noteIds.has(note.id)) ctx.addIssue({ code: "custom", path: ["notes", index, "id"], message: `duplicate note id "${note.id}"` });
      noteIds.add(note.id);
    });
  });

export type Board = z.infer<typeof boardSchema>;
export type BoardNode = z.infer<typeof boardNodeSchema>;
export type BoardEdge = z.infer<typeof boardEdgeSchema>;
export type BoardNote = z.infer<typeof boardNoteSchema>;
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };
export type BoardParseResult = { ok: true; board: Board } | { ok: false; error: string };

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Where an issue is, in words a learner can find on the board: node "api", edge "lb" -> "api". */
function place(input: unknown, issuePath: readonly PropertyKey[]): string {
  const [list, index, ...rest] = issuePath;
  const field = rest.map(String).join(".");
  if ((list === "nodes" || list === "edges" || list === "notes") && typeof index === "number") {
    const items = record(input)?.[list];
    const item = Array.isArray(items) ? record(items[index]) : undefined;
    let where: string;
    if (list === "edges") {
      const from = item?.from;
      const to = item?.to;
      where = typeof from === "string" && typeof to === "string" ? `edge ${index + 1} ("${from}" -> "${to}")` : `edge ${index + 1}`;
    } else {
      const itemId = item?.id;
      const noun = list === "nodes" ? "node" : "note";
      where = typeof itemId === "string" && itemId.length <= 40 ? `${noun} ${index + 1} ("${itemId}")` : `${noun} ${index + 1}`;
    }
    return field ? `${where}, field ${field}` : where;
  }
  return issuePath.length > 0 ? `board, field ${issuePath.map(String).join(".")}` : "board";
}

/** Turns zod issues into one sentence per problem, first problem first. */
export function describeIssues(input: unknown, issues: readonly z.core.$ZodIssue[], limit = 3): string {
  const sentences = issues.slice(0, limit).map((issue) => {
    const message = issue.code === "unrecognized_keys" ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}` : issue.message;
    return `${place(input, issue.path)}: ${message}`;
  });
  const more = issues.length - limit;
  return sentences.join("; ") + (more > 0 ? ` (and ${more} more problem${more > 1 ? "s" : ""})` : "");
}

/** Validates a board; the error names the node or edge and the field, for a 400. */
export function parseBoard(input: unknown): BoardParseResult {
  const result = boardSchema.safeParse(input);
  if (result.success) return { ok: true, board: result.data };
  return { ok: false, error: `Invalid board: ${describeIssues(input, result.error.issues)}` };
}

/** As parseBoard, from JSON text (a board that is not JSON is an error too). */
export function parseBoardJson(text: string): BoardParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Invalid board: not JSON (${(error as Error).message})` };
  }
  return parseBoard(value);
}

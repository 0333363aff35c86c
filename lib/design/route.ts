// Routes each stream of a workload through a board (design-check.md, "The model"): which
// rate of which type reaches each node, along which paths, with what share of the
// stream's requests. Pure and deterministic: streams in workload order, clients and edges
// in board order, so the same input always gives the same floating-point sums.
import type { Board, BoardNode } from "./board";
import { CACHE_ASIDE_STORE_KINDS, SPLIT_KINDS, TERMINAL_KINDS, type Kind } from "./catalog";
import { formatNumber } from "./format";
import type { DesignWorkload, RequestType } from "./workload";

/**
 * Path steps followed per routing pass before the model gives up: fan-outs can multiply
 * paths (2^n for n layers of two), and the check must stay cheap for the server. A
 * 200-node board as people draw them takes a few thousand.
 */
export const MAX_PATH_STEPS = 20_000;

export interface GraphNode {
  index: number;
  id: string;
  kind: Kind;
  label: string;
  node: BoardNode;
  /** Outgoing edges per type that can carry traffic: not into a client or a dns node (both carry nothing), in board order. */
  out: Record<RequestType, number[]>;
}

export interface Graph {
  nodes: GraphNode[];
  byId: Map<string, number>;
}

export function labelOf(node: BoardNode): string {
  const label = node.label?.trim();
  return label ? label : node.id;
}

export function buildGraph(board: Board): Graph {
  const byId = new Map<string, number>();
  const nodes = board.nodes.map((node, index): GraphNode => {
    byId.set(node.id, index);
    return { index, id: node.id, kind: node.kind, label: labelOf(node), node, out: { read: [], write: [] } };
  });
  for (const edge of board.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const source = nodes[from]!;
    const target = nodes[to]!;
    // Edges into or out of a dns node are ignored; an edge into a client carries nothing.
    if (source.kind === "dns" || target.kind === "dns" || target.kind === "client") continue;
    const carries = edge.carries ?? "both";
    if (carries !== "write") source.out.read.push(to);
    if (carries !== "read") source.out.write.push(to);
  }
  return { nodes, byId };
}

/** A request's route from a client to where it ends, for latency. */
export interface RoutedPath {
  stream: number;
  type: RequestType;
  /** Node indexes, client first; a cache-aside miss goes service -> store (the lookup is not added). */
  nodes: number[];
  /** Fraction of the stream's requests that take this path. */
  share: number;
}

export interface StructureIssue {
  /** Dedupes repeated findings along different paths. */
  key: string;
  message: string;
  nodes: string[];
  /** The lesson that fixes it, when one does. */
  concept?: string;
}

export interface Routing {
  reads: number[];
  writes: number[];
  reached: boolean[];
  reachedBy: Record<RequestType, boolean[]>;
  /** A cache or cdn that absorbed all of a type as its store (no outgoing edge, cap 1). */
  actedAsStore: boolean[];
  /** Hit ratio the model used per node (capped, and after any failover override); 0 for other kinds. */
  hitRatio: number[];
  paths: RoutedPath[];
  /** Per stream: whether any client sends it. */
  started: boolean[];
  /** Per stream: a synchronous path reached a queue. */
  reachedQueue: boolean[];
  /** Per stream: worker or external nodes reached before a queue (node indexes, first seen first). */
  syncSlowWork: number[][];
  issues: StructureIssue[];
  /** The pass stopped at its step budget; the figures cover only the paths followed. */
  truncated: boolean;
  steps: number;
}

export interface RouteOptions {
  /** Hit ratios to use instead of the board's (after the cap), by node index: the failover pass's lost cache shard. */
  hitRatioOverride?: ReadonlyMap<number, number>;
  /** Step budget of this pass (default MAX_PATH_STEPS). */
  maxSteps?: number;
}

export function cappedHitRatio(node: BoardNode, workload: DesignWorkload): number {
  if (node.kind !== "cache" && node.kind !== "cdn") return 0;
  const cap = workload.maxHitRatio?.[node.kind] ?? 0;
  return Math.min(node.hitRatio ?? 0, cap);
}

const typeWord = (type: RequestType) => (type === "read" ? "reads" : "writes");

export function route(graph: Graph, workload: DesignWorkload, options: RouteOptions = {}): Routing {
  const count = graph.nodes.length;
  const routing: Routing = {
    reads: new Array<number>(count).fill(0),
    writes: new Array<number>(count).fill(0),
    reached: new Array<boolean>(count).fill(false),
    reachedBy: { read: new Array<boolean>(count).fill(false), write: new Array<boolean>(count).fill(false) },
    actedAsStore: new Array<boolean>(count).fill(false),
    hitRatio: graph.nodes.map((node) => options.hitRatioOverride?.get(node.index) ?? cappedHitRatio(node.node, workload)),
    paths: [],
    started: [],
    reachedQueue: [],
    syncSlowWork: [],
    issues: [],
    truncated: false,
    steps: 0,
  };
  const maxSteps = Math.min(options.maxSteps ?? MAX_PATH_STEPS, MAX_PATH_STEPS);
  const issueKeys = new Set<string>();
  const addIssue = (key: string, message: string, nodes: string[], concept?: string) => {
    if (issueKeys.has(key)) return;
    issueKeys.add(key);
    routing.issues.push(concept ? { key, message, nodes, concept } : { key, message, nodes });
  };
  const cap = (kind: "cache" | "cdn") => workload.maxHitRatio?.[kind] ?? 0;
  let steps = 0;
  const path: number[] = [];
  const onPath = new Array<boolean>(count).fill(false);

  workload.streams.forEach((stream, streamIndex) => {
    const type = stream.type;
    const rates = type === "read" ? routing.reads : routing.writes;
    const slowWork: number[] = [];
    routing.syncSlowWork.push(slowWork);
    routing.reachedQueue.push(false);
    const name = `the "${stream.name}" stream`;
    const Name = `The "${stream.name}" stream`;

    /** The node's outgoing edges for this type that do not close a cycle on the current path. */
    const usableEdges = (from: GraphNode): number[] => {
      const usable: number[] = [];
      for (const to of from.out[type]) {
        if (!onPath[to]) {
          usable.push(to);
          continue;
        }
        // The edge closes a cycle: it carries nothing. Through a queue it is asynchronous feedback.
        const start = path.lastIndexOf(to);
        const throughQueue = path.slice(start).some((index) => graph.nodes[index]!.kind === "queue");
        if (!throughQueue) {
          const target = graph.nodes[to]!;
          addIssue(
            `cycle:${from.index}:${to}`,
            `The edge from ${from.label} to ${target.label} closes a cycle for ${name} with no queue on it: a request would go round forever. Remove the edge, or put a queue on the loop if it is asynchronous feedback (message-queue).`,
            [from.id, target.id],
            "message-queue",
          );
        }
      }
      return usable;
    };

    const endPath = (share: number) => {
      routing.paths.push({ stream: streamIndex, type, nodes: path.slice(), share });
    };

    const deadEnd = (node: GraphNode, share: number, async: boolean) => {
      if (async) return; // after a queue, work may leave the board
      endPath(share);
      // A node whose every edge closes a cycle is named by the cycle's issue already.
      if (node.out[type].length > 0) return;
      let message: string;
      let concept: string | undefined;
      if (node.kind === "cdn" && type === "read") {
        message = `Reads of ${name} that miss ${node.label} reach no origin: it has no outgoing edge for reads. Connect it to the service or store behind it (cdn).`;
        concept = "cdn";
      } else if (node.kind === "cache" && type === "write") {
        message = `Writes of ${name} to ${node.label} reach no store: it has no outgoing edge for writes, and the node that sends them does not write them to a store too (caching).`;
        concept = "caching";
      } else if (node.kind === "cache" || node.kind === "cdn") {
        message = `${typeWord(type) === "reads" ? "Reads" : "Writes"} of ${name} that miss ${node.label} reach no store: it has no outgoing edge for ${typeWord(type)} (caching).`;
        concept = "caching";
      } else {
        message = `${Name} stops at ${node.label}, which has no outgoing edge for ${typeWord(type)} and is not a store. Connect it to what handles them (a database, a queue, ...).`;
      }
      addIssue(`dead-end:${streamIndex}:${node.index}`, message, [node.id], concept);
    };

    const visit = (index: number, rate: number, share: number, async: boolean, viaCacheAside: boolean, sender: number): void => {
      if (routing.truncated) return;
      if (++steps > maxSteps) {
        routing.truncated = true;
        addIssue("truncated", `The board has more paths than the check follows (${formatNumber(MAX_PATH_STEPS)} steps): simplify its fan-out.`, []);
        return;
      }
      routing.steps = steps;
      const node = graph.nodes[index]!;
      rates[index]! += rate;
      routing.reached[index] = true;
      routing.reachedBy[type][index] = true;
      path.push(index);
      onPath[index] = true;
      try {
        const kind = node.kind;
        if (TERMINAL_KINDS.has(kind)) {
          if (!async) {
            if (kind === "external") slowWork.push(index);
            endPath(share);
          }
          return;
        }
        if (kind === "queue") {
          if (!async) {
            routing.reachedQueue[streamIndex] = true;
            endPath(share);
          }
          for (const to of usableEdges(node)) visit(to, rate, share, true, false, index);
          return;
        }
        if (kind === "worker" && !async) slowWork.push(index);

        if (kind === "cache" && viaCacheAside && type === "read") {
          // The service of the cache-aside pair sends the misses; the cache only answers hits.
          if (!async && routing.hitRatio[index]! > 0) endPath(share * routing.hitRatio[index]!);
          return;
        }

        const edges = usableEdges(node);
        if (kind === "cache" || kind === "cdn") {
          const h = type === "read" ? routing.hitRatio[index]! : 0;
          if (edges.length === 0) {
            if (cap(kind) === 1) {
              routing.actedAsStore[index] = true;
              if (!async) endPath(share);
              return;
            }
            if (kind === "cache" && type === "write" && writesToStore(graph, sender, index)) {
              if (!async) endPath(share); // an invalidation
              return;
            }
            if (!async && h > 0) endPath(share * h);
            deadEnd(node, share * (1 - h), async);
            return;
          }
          if (!async && h > 0) endPath(share * h);
          const missRate = rate * (1 - h);
          const missShare = share * (1 - h);
          if (kind === "cdn") for (const to of edges) visit(to, missRate / edges.length, missShare / edges.length, async, false, index);
          else for (const to of edges) visit(to, missRate, missShare, async, false, index);
          return;
        }
        if (edges.length === 0) {
          deadEnd(node, share, async);
          return;
        }
        if (SPLIT_KINDS.has(kind)) {
          for (const to of edges) visit(to, rate / edges.length, share / edges.length, async, false, index);
          return;
        }
        // service or worker: fan-out, with cache-aside for reads.
        if (type === "read") {
          const caches = edges.filter((to) => graph.nodes[to]!.kind === "cache");
          const stores = edges.filter((to) => CACHE_ASIDE_STORE_KINDS.has(graph.nodes[to]!.kind));
          if (caches.length > 0 && stores.length > 0) {
            const meanHit = caches.reduce((sum, to) => sum + routing.hitRatio[to]!, 0) / caches.length;
            for (const to of edges) {
              const target = graph.nodes[to]!.kind;
              if (target === "cache") visit(to, rate / caches.length, share / caches.length, async, true, index);
              else if (CACHE_ASIDE_STORE_KINDS.has(target)) visit(to, rate * (1 - meanHit), share * (1 - meanHit), async, false, index);
              else visit(to, rate, share, async, false, index);
            }
            return;
          }
        }
        for (const to of edges) visit(to, rate, share, async, false, index);
      } finally {
        path.pop();
        onPath[index] = false;
      }
    };

    const clients = graph.nodes.filter((node) => node.kind === "client" && node.out[type].length > 0);
    routing.started.push(clients.length > 0);
    if (clients.length === 0) {
      addIssue(`no-client:${streamIndex}`, `No client sends ${name} (${typeWord(type)}): draw an edge that carries ${typeWord(type)} from a client to the first component that handles them.`, []);
      return;
    }
    for (const client of clients) visit(client.index, stream.rps / clients.length, 1 / clients.length, false, false, -1);
  });
  return routing;
}

/** Whether the node that sent a write to a cache also writes it to a store (the write is then an invalidation). */
function writesToStore(graph: Graph, sender: number, cache: number): boolean {
  const node = graph.nodes[sender];
  if (!node || (node.kind !== "service" && node.kind !== "worker")) return false;
  return node.out.write.some((to) => to !== cache && CACHE_ASIDE_STORE_KINDS.has(graph.nodes[to]!.kind));
}

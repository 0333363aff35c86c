// The design check (design-check.md, "The checks"): utilization and p99 per node, p99
// per stream (the 1% rule), the eight checks in order, the failover pass, and the verdict.
import type { Board } from "./board";
import { CATALOG, CHECK_IDS, KIND_NAMES, SIZE_FACTOR, UNJUDGED_KINDS, atLeast, atMost, below, type CheckId } from "./catalog";
import { formatMs, formatNumber, formatPercent, listSentences, plural } from "./format";
import { buildGraph, route, type Graph, type GraphNode, type Routing } from "./route";
import type { DesignWorkload, RequestType } from "./workload";

export const HEADROOM_LIMIT = 0.8;
/** A path counts for a stream's p99 when it carries at least this share of the stream's requests. */
export const PATH_SHARE_FLOOR = 0.01;
/** Routing steps the whole failover pass may spend re-routing lost cache shards' misses. */
export const MAX_FAILOVER_STEPS = 100_000;

export type CheckStatus = "passed" | "failed";
export interface DesignCheckResult {
  id: CheckId;
  status: CheckStatus;
  message?: string;
  nodes?: string[];
  concept?: string;
}
export interface DesignNodeFigures {
  id: string;
  reads: number;
  writes: number;
  rho: number;
  p99Ms: number | null;
  hitRatio?: number;
}
export interface DesignStreamFigures {
  name: string;
  p99Ms: number | null;
  path: string[];
}
export interface DesignVerdict {
  prompt: string;
  verdict: CheckStatus;
  checks: DesignCheckResult[];
  nodes: DesignNodeFigures[];
  streams: DesignStreamFigures[];
}

/** One failure drill: a node loses one instance (or one copy of one shard). */
export interface FailoverScenario {
  node: string;
  /** What is lost, in words. */
  lost: string;
  /** A database, or a cache that is the store, without replicas: the shard's data is gone. */
  dataLost: boolean;
  /** Every reached node at or over capacity in the scenario, board order; rho null where no instance is left. */
  overCapacity: { id: string; rho: number | null }[];
  streams: DesignStreamFigures[];
  passed: boolean;
}

interface NodeParameters {
  size: number;
  instances: number;
  replicas: number;
}

function parameters(node: GraphNode): NodeParameters {
  return {
    size: SIZE_FACTOR[node.node.size ?? "m"],
    instances: node.node.instances ?? 1,
    replicas: node.kind === "database" || node.kind === "cache" ? (node.node.replicas ?? 0) : 0,
  };
}

/** Utilization at peak; `lost` takes one instance away (one copy of one shard for a database or cache). */
export function utilization(node: GraphNode, reads: number, writes: number, lost = false): number {
  const kind = node.kind;
  if (kind === "client" || kind === "cdn" || kind === "dns" || kind === "external") return 0;
  const figures = CATALOG[kind];
  const { size, instances, replicas } = parameters(node);
  if (figures.separateReadWrite) {
    const copies = lost ? replicas : 1 + replicas;
    const readTerm = reads === 0 ? 0 : copies === 0 ? Infinity : reads / (instances * copies) / (figures.readCapacity * size);
    return readTerm + writes / instances / (figures.writeCapacity * size);
  }
  const capacity = (lost ? instances - 1 : instances) * figures.readCapacity * size;
  return capacity === 0 ? Infinity : (reads + writes) / capacity;
}

/** p99 of one request of `type` at utilization rho (M/M/1 growth); Infinity at or over capacity. */
export function nodeP99(node: GraphNode, type: RequestType, rho: number): number {
  if (!below(rho, 1)) return Infinity;
  const figures = CATALOG[node.kind];
  return (type === "read" ? figures.readP99Ms : figures.writeP99Ms) / (1 - rho);
}

/** The load behind a node's utilization, in words: "36,000 reads/s over 3 copies x 10,000 reads/s". */
function loadFigures(node: GraphNode, reads: number, writes: number, lost = false): string {
  const figures = CATALOG[node.kind];
  const { size, instances, replicas } = parameters(node);
  if (figures.separateReadWrite) {
    const parts: string[] = [];
    const copies = instances * (lost ? replicas : 1 + replicas);
    const copy = node.kind === "object-store" ? "partition" : "copy";
    const shard = node.kind === "object-store" ? "partition" : "shard";
    if (reads > 0) parts.push(`${formatNumber(reads)} reads/s over ${plural(copies, copy, copy === "copy" ? "copies" : "partitions")} x ${formatNumber(figures.readCapacity * size)} reads/s`);
    if (writes > 0) parts.push(`${formatNumber(writes)} writes/s over ${plural(instances, shard)} x ${formatNumber(figures.writeCapacity * size)} writes/s`);
    return parts.length > 0 ? parts.join(" and ") : "no traffic";
  }
  const count = lost ? instances - 1 : instances;
  return `${formatNumber(reads + writes)} requests/s over ${plural(count, "instance")} x ${formatNumber(figures.readCapacity * size)} requests/s`;
}

/** What carries more load, for a kind whose reads and writes use separate capacities. */
function readsDominate(node: GraphNode, reads: number, writes: number): boolean {
  const figures = CATALOG[node.kind];
  return reads / figures.readCapacity >= writes / figures.writeCapacity;
}

/** The lesson about running one more of a kind: behind a balancer, off a queue, or copied. */
function scaleOutConcept(kind: GraphNode["kind"]): string {
  if (kind === "queue" || kind === "worker") return "message-queue";
  if (kind === "database" || kind === "cache" || kind === "search-index") return "replication";
  return "load-balancer";
}

/** How to run a second one of a kind, for the redundancy check. */
function redundancyAdvice(kind: GraphNode["kind"]): string {
  switch (kind) {
    case "load-balancer":
      return "Run at least 2, as an active pair or several behind DNS (load-balancer).";
    case "queue":
      return "Run at least 2 brokers with each partition replicated (message-queue).";
    case "worker":
      return "Run at least 2 consuming the same queue (message-queue).";
    case "search-index":
      return "Run at least 2 copies of the index (replication).";
    default:
      return "Run at least 2 behind a load balancer (load-balancer).";
  }
}

/** The remedy for a node short of capacity, and the concept lesson that teaches it. */
function capacityRemedy(node: GraphNode, reads: number, writes: number): { text: string; concept: string } {
  const readHeavy = readsDominate(node, reads, writes);
  switch (node.kind) {
    case "database":
      return readHeavy
        ? { text: "A cache in front (caching) or more read replicas (replication) would carry it.", concept: "caching" }
        : { text: "More shards (sharding) would carry the writes: every copy applies every write of its shard.", concept: "sharding" };
    case "cache":
      return readHeavy
        ? { text: "More replicas (replication) or shards (sharding) would carry it.", concept: "replication" }
        : { text: "More shards (sharding) would carry the writes.", concept: "sharding" };
    case "object-store":
      return readHeavy ? { text: "A CDN in front (cdn) would carry the reads.", concept: "cdn" } : { text: "More partitions (sharding) would carry the writes.", concept: "sharding" };
    case "queue":
      return { text: "More queue partitions (message-queue) would carry it.", concept: "message-queue" };
    case "search-index":
      return { text: "More index shards (sharding) would carry it.", concept: "sharding" };
    case "api-gateway":
      return { text: "More gateway instances (api-gateway) would carry it.", concept: "api-gateway" };
    default:
      return { text: `More instances behind a load balancer (load-balancer) would carry it.`, concept: "load-balancer" };
  }
}

interface StreamLatency {
  p99: number;
  path: number[];
  share: number;
}

interface Evaluation {
  routing: Routing;
  rho: number[];
  streams: (StreamLatency | undefined)[];
}

function evaluate(graph: Graph, workload: DesignWorkload, routing: Routing, rho: number[]): Evaluation {
  const p99: Record<RequestType, number[]> = {
    read: graph.nodes.map((node, index) => nodeP99(node, "read", rho[index]!)),
    write: graph.nodes.map((node, index) => nodeP99(node, "write", rho[index]!)),
  };
  const streams = workload.streams.map((_, streamIndex): StreamLatency | undefined => {
    const paths = routing.paths.filter((path) => path.stream === streamIndex);
    if (paths.length === 0) return undefined;
    const counted = paths.some((path) => atLeast(path.share, PATH_SHARE_FLOOR)) ? paths.filter((path) => atLeast(path.share, PATH_SHARE_FLOOR)) : paths;
    let worst: StreamLatency | undefined;
    for (const path of counted) {
      let sum = 0;
      for (const index of path.nodes) sum += p99[path.type][index]!;
      if (!worst || sum > worst.p99) worst = { p99: sum, path: path.nodes, share: path.share };
    }
    return worst;
  });
  return { routing, rho, streams };
}

function baseRho(graph: Graph, routing: Routing): number[] {
  return graph.nodes.map((node, index) => (routing.reached[index] ? utilization(node, routing.reads[index]!, routing.writes[index]!) : 0));
}

function streamFigures(graph: Graph, workload: DesignWorkload, evaluation: Evaluation): DesignStreamFigures[] {
  return workload.streams.map((stream, index) => {
    const latency = evaluation.streams[index];
    return {
      name: stream.name,
      p99Ms: latency && Number.isFinite(latency.p99) ? latency.p99 : null,
      path: latency ? latency.path.map((node) => graph.nodes[node]!.id) : [],
    };
  });
}

/** Nodes that lose an instance in the failover pass: reached, and ours to run. */
function judged(graph: Graph, routing: Routing): GraphNode[] {
  return graph.nodes.filter((node) => routing.reached[node.index] && !UNJUDGED_KINDS.has(node.kind));
}

interface ScenarioResult {
  scenario: Omit<FailoverScenario, "streams">;
  routing: Routing;
  rho: number[];
  lostIndex: number;
  /** The re-routing ran out of steps: the scenario is not known, so it fails. */
  truncated: boolean;
}

/** Steps left for the failover pass's re-routing. */
interface StepBudget {
  remaining: number;
}

function runScenario(graph: Graph, workload: DesignWorkload, base: Evaluation, lost: GraphNode, budget: StepBudget): ScenarioResult {
  const { instances, replicas } = parameters(lost);
  let routing = base.routing;
  let rho = base.rho.slice();
  let dataLost = false;
  let truncated = false;
  let what: string;
  if (lost.kind === "database" || lost.kind === "cache") {
    what = instances === 1 ? `one copy of ${lost.label}'s only shard` : `one copy of one of ${lost.label}'s ${plural(instances, "shard")}`;
    if (replicas >= 1) {
      rho[lost.index] = utilization(lost, routing.reads[lost.index]!, routing.writes[lost.index]!, true);
    } else if (lost.kind === "database" || routing.actedAsStore[lost.index]) {
      dataLost = true;
    } else {
      // A cache in front of a store: the lost shard's hits become misses that flow on downstream.
      // (Not re-routed when the board's own routing already ran out of steps: structure fails then.)
      const effective = (routing.hitRatio[lost.index]! * (instances - 1)) / instances;
      if (!base.routing.truncated) {
        routing = route(graph, workload, { hitRatioOverride: new Map([[lost.index, effective]]), maxSteps: budget.remaining });
        budget.remaining -= routing.steps;
        truncated = routing.truncated;
        rho = baseRho(graph, routing);
      }
      rho[lost.index] = base.rho[lost.index]!; // it keeps its own utilization
    }
  } else {
    what = instances === 1 ? `${lost.label}'s only instance` : `one of ${lost.label}'s ${plural(instances, "instance")}`;
    rho[lost.index] = utilization(lost, routing.reads[lost.index]!, routing.writes[lost.index]!, true);
  }
  const overCapacity = graph.nodes
    .filter((node) => routing.reached[node.index] && !below(rho[node.index]!, 1))
    .map((node) => ({ id: node.id, rho: Number.isFinite(rho[node.index]!) ? rho[node.index]! : null }));
  return {
    scenario: { node: lost.id, lost: what, dataLost, overCapacity, passed: !dataLost && !truncated && overCapacity.length === 0 },
    routing,
    rho,
    lostIndex: lost.index,
    truncated,
  };
}

function failoverMessage(graph: Graph, result: ScenarioResult): string {
  const lost = graph.nodes[result.lostIndex]!;
  const { instances } = parameters(lost);
  if (result.truncated) {
    return `Without ${result.scenario.lost}, the misses take more paths than the check follows: simplify the board's fan-out.`;
  }
  if (result.scenario.dataLost) {
    const shard = instances === 1 ? "its only shard" : `one of its ${plural(instances, "shard")}`;
    return `${lost.label} has no replica: losing a copy of ${shard} loses that shard's data. A replica per shard (replication) keeps it.`;
  }
  const { routing, rho } = result;
  const over = result.scenario.overCapacity.map(({ id }) => {
    const node = graph.nodes[graph.byId.get(id)!]!;
    // The lost node runs one short, except an unreplicated cache in front of a store, which keeps its utilization.
    const runsShort = node.index === lost.index && (lost.kind !== "cache" || parameters(node).replicas >= 1);
    const load = loadFigures(node, routing.reads[node.index]!, routing.writes[node.index]!, runsShort);
    const value = rho[node.index]!;
    return Number.isFinite(value) ? `${node.label} is at ${formatPercent(value)} of capacity (${load})` : `${node.label} has no capacity left (${load})`;
  });
  const remedy =
    lost.kind === "database" || lost.kind === "cache"
      ? "One more replica per shard (replication) would carry the loss."
      : `One instance more than the peak needs (${scaleOutConcept(lost.kind)}) would carry the loss.`;
  return `Without ${result.scenario.lost}, ${over.join(", ")}. ${remedy}`;
}

interface Model {
  graph: Graph;
  workload: DesignWorkload;
  base: Evaluation;
}

function buildModel(board: Board, workload: DesignWorkload): Model {
  const graph = buildGraph(board);
  const routing = route(graph, workload);
  return { graph, workload, base: evaluate(graph, workload, routing, baseRho(graph, routing)) };
}

const passed = (id: CheckId, extra: Omit<DesignCheckResult, "id" | "status"> = {}): DesignCheckResult => ({ id, status: "passed", ...extra });
const failed = (id: CheckId, sentences: string[], nodes: string[], concept?: string): DesignCheckResult => ({
  id,
  status: "failed",
  message: listSentences(sentences),
  nodes: [...new Set(nodes)],
  ...(concept ? { concept } : {}),
});

function structureCheck({ graph, base }: Model): DesignCheckResult {
  const { routing } = base;
  if (routing.issues.length > 0) {
    return failed(
      "structure",
      routing.issues.map((issue) => issue.message),
      routing.issues.flatMap((issue) => issue.nodes),
      routing.issues.find((issue) => issue.concept)?.concept,
    );
  }
  const unreached = graph.nodes.filter((node) => !routing.reached[node.index] && node.kind !== "dns");
  if (unreached.length === 0) return passed("structure");
  return passed("structure", { message: `Not reached by any stream, so not judged: ${unreached.map((node) => node.label).join(", ")}.`, nodes: unreached.map((node) => node.id) });
}

function loadCheck(id: "capacity" | "headroom", { graph, base }: Model): DesignCheckResult {
  const { routing, rho } = base;
  const over = graph.nodes.filter((node) => routing.reached[node.index] && (id === "capacity" ? !below(rho[node.index]!, 1) : !atMost(rho[node.index]!, HEADROOM_LIMIT)));
  if (over.length === 0) return passed(id);
  let concept: string | undefined;
  const sentences = over.map((node) => {
    const reads = routing.reads[node.index]!;
    const writes = routing.writes[node.index]!;
    const remedy = capacityRemedy(node, reads, writes);
    concept ??= remedy.concept;
    const limit = id === "capacity" ? "of capacity at peak" : `of capacity at peak, over the 80% that leaves room for a spike and a lost node`;
    return `${node.label}: ${formatPercent(rho[node.index]!)} ${limit}: ${loadFigures(node, reads, writes)}. ${remedy.text}`;
  });
  return failed(id, sentences, over.map((node) => node.id), concept);
}

/** A hop whose idle p99 alone does not fit the budget: what to do about it. */
function hopRemedy(node: GraphNode, next: GraphNode | undefined): { text: string; concept: string } {
  switch (node.kind) {
    case "database":
    case "search-index":
    case "object-store":
      return { text: `${node.label} is too slow for this budget even idle: serve these requests from a cache or a faster store (caching).`, concept: "caching" };
    case "external":
    case "worker":
      return { text: `Take ${node.label} off the synchronous path: enqueue the work and answer at once (message-queue).`, concept: "message-queue" };
    case "cdn":
      return { text: `${node.label} alone takes 10 ms: this budget has no room for it (cdn).`, concept: "cdn" };
    default:
      if (next?.kind === "cache") {
        return { text: `The budget has no room for the hop through ${node.label}: let the clients hash keys to the cache nodes themselves (consistent-hashing).`, concept: "consistent-hashing" };
      }
      return { text: `The budget has no room for the hop through ${node.label}: let the caller reach the next component directly (microservices).`, concept: "microservices" };
  }
}

function latencyCheck({ graph, workload, base }: Model): DesignCheckResult {
  const sentences: string[] = [];
  const nodes: string[] = [];
  let concept: string | undefined;
  workload.streams.forEach((stream, index) => {
    const latency = base.streams[index];
    const name = `"${stream.name}"`;
    if (!latency) {
      sentences.push(`The ${name} stream has no path from a client, so its p99 is unknown.`);
      return;
    }
    if (Number.isFinite(latency.p99) && atMost(latency.p99, stream.p99Ms)) return;
    const type = stream.type;
    const path = latency.path.map((node) => graph.nodes[node]!);
    const idle = (node: GraphNode) => (type === "read" ? CATALOG[node.kind].readP99Ms : CATALOG[node.kind].writeP99Ms);
    const p99Of = (node: GraphNode) => nodeP99(node, type, base.rho[node.index]!);
    // Too many or too slow hops even when idle, or queueing at a busy node: the cause decides the remedy.
    const idleSum = path.reduce((sum, node) => sum + idle(node), 0);
    const hopBound = !atMost(idleSum, stream.p99Ms);
    let culprit = path[0]!;
    for (const node of path) {
      const worse = hopBound ? idle(node) > idle(culprit) : p99Of(node) - idle(node) > p99Of(culprit) - idle(culprit);
      if (worse) culprit = node;
    }
    const remedy = hopBound
      ? hopRemedy(culprit, path[path.indexOf(culprit) + 1])
      : capacityRemedy(culprit, base.routing.reads[culprit.index]!, base.routing.writes[culprit.index]!);
    concept ??= remedy.concept;
    nodes.push(culprit.id);
    const rho = base.rho[culprit.index]!;
    const culpritP99 = p99Of(culprit);
    const share = `${formatPercent(latency.share)} of its requests`;
    const figure = Number.isFinite(latency.p99) ? `p99 ${formatMs(latency.p99)}, over its ${formatMs(stream.p99Ms)} budget` : `p99 unbounded (budget ${formatMs(stream.p99Ms)})`;
    const where = Number.isFinite(culpritP99)
      ? `${culprit.label} takes ${formatMs(culpritP99)} at ${formatPercent(rho)} of capacity`
      : `${culprit.label} is over capacity (${formatPercent(rho)}), so its queue grows without bound`;
    sentences.push(`${name}: ${figure}, on ${path.map((node) => node.label).join(" -> ")} (${share}), where ${where}. ${remedy.text}`);
  });
  return sentences.length === 0 ? passed("latency") : failed("latency", sentences, nodes, concept);
}

function redundancyCheck({ graph, base }: Model): DesignCheckResult {
  const single = judged(graph, base.routing).filter((node) => {
    const { instances, replicas } = parameters(node);
    return node.kind === "database" || node.kind === "cache" ? replicas < 1 : instances < 2;
  });
  if (single.length === 0) return passed("redundancy");
  const sentences = single.map((node) =>
    node.kind === "database" || node.kind === "cache"
      ? `${node.label} has no replica: shards are not copies, so one machine's failure loses a shard. Keep at least one replica per shard (replication).`
      : `${node.label} has 1 instance: one machine's failure takes it down. ${redundancyAdvice(node.kind)}`,
  );
  return failed("redundancy", sentences, single.map((node) => node.id), scaleOutConcept(single[0]!.kind));
}

function failoverCheck(model: Model): DesignCheckResult {
  const { graph, workload, base } = model;
  const budget: StepBudget = { remaining: MAX_FAILOVER_STEPS };
  const failures = judged(graph, base.routing)
    .map((node) => runScenario(graph, workload, base, node, budget))
    .filter((result) => !result.scenario.passed);
  if (failures.length === 0) return passed("failover");
  return failed(
    "failover",
    failures.map((result) => failoverMessage(graph, result)),
    failures.map((result) => result.scenario.node),
    scaleOutConcept(graph.nodes[failures[0]!.lostIndex]!.kind),
  );
}

function storageCheck({ graph, workload, base }: Model): DesignCheckResult {
  if (workload.dataGb === 0) return passed("storage");
  const { routing } = base;
  const databases = graph.nodes.filter((node) => routing.reached[node.index] && node.kind === "database");
  const holders = databases.length > 0 ? databases : graph.nodes.filter((node) => routing.reached[node.index] && node.kind === "cache" && node.out.read.length === 0 && node.out.write.length === 0);
  const perHolder = holders.map((node) => {
    const { size, instances } = parameters(node);
    return { node, instances, perShard: CATALOG[node.kind].storageGb * size };
  });
  const total = perHolder.reduce((sum, holder) => sum + holder.instances * holder.perShard, 0);
  if (atLeast(total, workload.dataGb)) return passed("storage");
  const what = databases.length > 0 ? "The databases" : "No database is reached; the caches that keep the data";
  const detail = perHolder.map((holder) => `${holder.node.label}: ${plural(holder.instances, "shard")} x ${formatNumber(holder.perShard)} GB`).join(", ");
  const sentence =
    holders.length === 0
      ? `No database holds the ${formatNumber(workload.dataGb)} GB of data. Store it in a database, sharded to fit (sharding).`
      : `${what} hold ${formatNumber(total)} GB (${detail}), under the ${formatNumber(workload.dataGb)} GB of data (one copy). More shards (sharding) would hold it.`;
  return failed("storage", [sentence], holders.map((holder) => holder.node.id), "sharding");
}

function asyncCheck({ graph, workload, base }: Model): DesignCheckResult {
  const sentences: string[] = [];
  const nodes: string[] = [];
  for (const name of workload.async ?? []) {
    const index = workload.streams.findIndex((stream) => stream.name === name);
    if (index < 0) continue;
    if (!base.routing.reachedQueue[index]) sentences.push(`The "${name}" stream never passes a queue: the prompt asks for this work to be asynchronous. Enqueue it and let workers take it (message-queue).`);
    const slow = base.routing.syncSlowWork[index] ?? [];
    if (slow.length > 0) {
      const labels = [...new Set(slow)].map((node) => graph.nodes[node]!);
      nodes.push(...labels.map((node) => node.id));
      sentences.push(
        `The "${name}" stream reaches ${labels.map((node) => `${node.label} (${KIND_NAMES[node.kind]})`).join(", ")} before any queue: slow work on the synchronous path. Store the input, enqueue a job and let workers take it from the queue (message-queue).`,
      );
    }
  }
  return sentences.length === 0 ? passed("async") : failed("async", sentences, nodes, "message-queue");
}

function nodeFigures({ graph, base }: Model): DesignNodeFigures[] {
  const { routing, rho } = base;
  return graph.nodes.map((node) => {
    const index = node.index;
    let p99: number | null;
    if (node.kind === "dns") p99 = null;
    else {
      const type: RequestType = node.kind === "database" && routing.reachedBy.write[index] ? "write" : "read";
      const value = nodeP99(node, type, rho[index]!);
      p99 = Number.isFinite(value) ? value : null;
    }
    const figures: DesignNodeFigures = { id: node.id, reads: routing.reads[index]!, writes: routing.writes[index]!, rho: rho[index]!, p99Ms: p99 };
    if (node.kind === "cache" || node.kind === "cdn") figures.hitRatio = routing.hitRatio[index]!;
    return figures;
  });
}

/** The verdict for a parsed board under a prompt's workload: every check, in order. Deterministic. */
export function checkDesign(board: Board, workload: DesignWorkload, prompt = ""): DesignVerdict {
  const model = buildModel(board, workload);
  const byId: Record<CheckId, (model: Model) => DesignCheckResult> = {
    structure: structureCheck,
    capacity: (m) => loadCheck("capacity", m),
    headroom: (m) => loadCheck("headroom", m),
    latency: latencyCheck,
    redundancy: redundancyCheck,
    failover: failoverCheck,
    storage: storageCheck,
    async: asyncCheck,
  };
  const checks = CHECK_IDS.map((id) => byId[id](model));
  return {
    prompt,
    verdict: checks.every((check) => check.status === "passed") ? "passed" : "failed",
    checks,
    nodes: nodeFigures(model),
    streams: streamFigures(model.graph, workload, model.base),
  };
}

/**
 * The failure drill for one node: it loses one instance (one copy of one shard for a
 * database or cache). Undefined when the node is not on the board, is not reached, or
 * never loses an instance in the model (client, dns, cdn, object-store, external).
 */
export function failoverScenario(board: Board, workload: DesignWorkload, nodeId: string): FailoverScenario | undefined {
  const model = buildModel(board, workload);
  const index = model.graph.byId.get(nodeId);
  if (index === undefined) return undefined;
  const node = model.graph.nodes[index]!;
  if (!model.base.routing.reached[index] || UNJUDGED_KINDS.has(node.kind)) return undefined;
  const result = runScenario(model.graph, workload, model.base, node, { remaining: MAX_FAILOVER_STEPS });
  const evaluation = evaluate(model.graph, workload, result.routing, result.rho);
  return { ...result.scenario, streams: streamFigures(model.graph, workload, evaluation) };
}

/** The ids of the failed checks, in check order. */
export function failedChecks(verdict: DesignVerdict): CheckId[] {
  return verdict.checks.filter((check) => check.status === "failed").map((check) => check.id);
}

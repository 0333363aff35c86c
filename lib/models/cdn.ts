// The CDN lesson's model, as pure functions: one file (/logo.png) served to users in
// five cities, each through its own edge, from an origin in Virginia. The learner sends
// requests, lets time pass, takes the origin down, purges, and fires a burst of
// concurrent requests to see coalescing. Latencies are illustrative round trips on warm
// connections. Nothing is random: the same clicks give the same picture.

export interface City {
  id: string;
  name: string;
  /** Round trip user <-> nearest edge, ms. */
  toEdgeMs: number;
  /** Round trip edge <-> origin, ms. */
  edgeToOriginMs: number;
  /** Round trip user <-> origin without a CDN, ms. */
  directMs: number;
}

export const CITIES: readonly City[] = [
  { id: "nyc", name: "New York", toEdgeMs: 8, edgeToOriginMs: 10, directMs: 14 },
  { id: "lon", name: "London", toEdgeMs: 9, edgeToOriginMs: 76, directMs: 82 },
  { id: "sao", name: "Sao Paulo", toEdgeMs: 10, edgeToOriginMs: 120, directMs: 128 },
  { id: "tyo", name: "Tokyo", toEdgeMs: 7, edgeToOriginMs: 150, directMs: 160 },
  { id: "syd", name: "Sydney", toEdgeMs: 10, edgeToOriginMs: 198, directMs: 210 },
];

/** Time the origin spends producing the file, ms. */
export const ORIGIN_WORK_MS = 20;
export const MAX_AGE_CHOICES: readonly number[] = [30, 60, 300];
export const STALE_IF_ERROR_CHOICES: readonly number[] = [0, 120, 600];
export const BURST_SIZE = 100;

export type Served = "HIT" | "MISS" | "STALE" | "ERROR";

export interface EdgeEntry {
  /** Model clock (s) when the edge stored it. */
  storedAt: number;
  maxAge: number;
  staleIfError: number;
}

export interface RequestLog {
  city: string;
  served: Served;
  latencyMs: number;
  /** Origin fetches this action caused. */
  originFetches: number;
  requests: number;
  at: number;
}

export interface CdnSim {
  /** Model clock in seconds. */
  now: number;
  maxAge: number;
  staleIfError: number;
  originUp: boolean;
  coalescing: boolean;
  /** One cached copy per edge (city id). */
  edges: Record<string, EdgeEntry>;
  requests: number;
  hits: number;
  originFetches: number;
  log: RequestLog[];
  note: string;
}

export function createCdn(): CdnSim {
  return {
    now: 0,
    maxAge: 60,
    staleIfError: 120,
    originUp: true,
    coalescing: true,
    edges: {},
    requests: 0,
    hits: 0,
    originFetches: 0,
    log: [],
    note: "No edge has /logo.png yet. Send a request.",
  };
}

export function cityById(id: string): City {
  return CITIES.find((city) => city.id === id) ?? CITIES[0]!;
}

/** Fresh while age < max-age (seconds). */
export function isFresh(sim: CdnSim, entry: EdgeEntry | undefined): boolean {
  return entry !== undefined && sim.now - entry.storedAt < entry.maxAge;
}

/** What one request from `city` would be served as, and how long it takes. */
export function classify(sim: CdnSim, city: City): { served: Served; latencyMs: number; fetchesOrigin: boolean } {
  const entry = sim.edges[city.id];
  if (entry && isFresh(sim, entry)) return { served: "HIT", latencyMs: city.toEdgeMs, fetchesOrigin: false };
  if (sim.originUp) return { served: "MISS", latencyMs: city.toEdgeMs + city.edgeToOriginMs + ORIGIN_WORK_MS, fetchesOrigin: true };
  const tried = city.toEdgeMs + city.edgeToOriginMs;
  if (entry && entry.staleIfError > 0 && sim.now - (entry.storedAt + entry.maxAge) <= entry.staleIfError) return { served: "STALE", latencyMs: tried, fetchesOrigin: true };
  return { served: "ERROR", latencyMs: tried, fetchesOrigin: true };
}

function record(sim: CdnSim, entry: RequestLog, note: string): CdnSim {
  return { ...sim, log: [entry, ...sim.log].slice(0, 6), note };
}

function stored(sim: CdnSim): EdgeEntry {
  return { storedAt: sim.now, maxAge: sim.maxAge, staleIfError: sim.staleIfError };
}

export function request(sim: CdnSim, cityId: string): CdnSim {
  const city = cityById(cityId);
  const { served, latencyMs, fetchesOrigin } = classify(sim, city);
  const edges = served === "MISS" ? { ...sim.edges, [city.id]: stored(sim) } : sim.edges;
  const next: CdnSim = {
    ...sim,
    edges,
    requests: sim.requests + 1,
    hits: sim.hits + (served === "HIT" ? 1 : 0),
    originFetches: sim.originFetches + (fetchesOrigin ? 1 : 0),
  };
  const explain: Record<Served, string> = {
    HIT: `the ${city.name} edge had a fresh copy`,
    MISS: `the ${city.name} edge fetched it from the origin and stored it for ${sim.maxAge} s`,
    STALE: `the origin is down, so the ${city.name} edge served its expired copy (stale-if-error)`,
    ERROR: `the origin is down and the ${city.name} edge has no copy it may serve`,
  };
  return record(
    next,
    { city: city.name, served, latencyMs, originFetches: fetchesOrigin ? 1 : 0, requests: 1, at: sim.now },
    `${city.name}: ${served} in ${latencyMs} ms; ${explain[served]}. Without a CDN: ${city.directMs + ORIGIN_WORK_MS} ms.`,
  );
}

/** BURST_SIZE requests from one city arriving while the first origin fetch is in flight. */
export function burst(sim: CdnSim, cityId: string): CdnSim {
  const city = cityById(cityId);
  const { served, latencyMs, fetchesOrigin } = classify(sim, city);
  const fetches = fetchesOrigin ? (sim.coalescing ? 1 : BURST_SIZE) : 0;
  const edges = served === "MISS" ? { ...sim.edges, [city.id]: stored(sim) } : sim.edges;
  const next: CdnSim = {
    ...sim,
    edges,
    requests: sim.requests + BURST_SIZE,
    hits: sim.hits + (served === "HIT" ? BURST_SIZE : 0),
    originFetches: sim.originFetches + fetches,
  };
  const how = !fetchesOrigin
    ? "all served from the edge"
    : sim.coalescing
      ? "coalesced into 1 origin fetch that all of them shared"
      : `each sent its own origin fetch: ${BURST_SIZE} of them`;
  return record(
    next,
    { city: city.name, served, latencyMs, originFetches: fetches, requests: BURST_SIZE, at: sim.now },
    `${BURST_SIZE} concurrent requests from ${city.name}: ${served}, ${how}.`,
  );
}

export function wait(sim: CdnSim, seconds: number): CdnSim {
  return { ...sim, now: sim.now + seconds, note: `${seconds} s passed. Clock ${sim.now + seconds} s.` };
}

export function setOrigin(sim: CdnSim, up: boolean): CdnSim {
  return { ...sim, originUp: up, note: up ? "The origin is back up." : "The origin is down: every origin fetch fails." };
}

export function setCoalescing(sim: CdnSim, on: boolean): CdnSim {
  return { ...sim, coalescing: on, note: on ? "Request coalescing on." : "Request coalescing off." };
}

/** New headers apply to copies stored from now on. */
export function setHeaders(sim: CdnSim, maxAge: number, staleIfError: number): CdnSim {
  return {
    ...sim,
    maxAge,
    staleIfError,
    note: `The origin now sends Cache-Control: max-age=${maxAge}${staleIfError > 0 ? `, stale-if-error=${staleIfError}` : ""}. Copies stored from now on use it.`,
  };
}

export function purge(sim: CdnSim): CdnSim {
  const count = Object.keys(sim.edges).length;
  return { ...sim, edges: {}, note: `Purged /logo.png from ${count} edge${count === 1 ? "" : "s"}.` };
}

/** One line per edge: what a request there would be served as right now. */
export function edgeStatus(sim: CdnSim, city: City): string {
  const entry = sim.edges[city.id];
  if (!entry) return "empty";
  const age = sim.now - entry.storedAt;
  if (isFresh(sim, entry)) return `fresh, age ${age} s of ${entry.maxAge} s`;
  const pastExpiry = age - entry.maxAge;
  return entry.staleIfError > 0 && pastExpiry <= entry.staleIfError
    ? `expired ${pastExpiry} s ago, may serve stale for ${entry.staleIfError - pastExpiry} s more`
    : `expired ${pastExpiry} s ago`;
}

/** What the picture shows, in words, for the live region. */
export function describeCdn(sim: CdnSim): string {
  const ratio = sim.requests === 0 ? "" : ` Hit ratio ${Math.round((sim.hits / sim.requests) * 100)}%.`;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${sim.note} ${count(sim.requests, "request", "requests")} so far, ${count(sim.hits, "hit", "hits")}, ${count(
    sim.originFetches,
    "origin fetch",
    "origin fetches",
  )}.${ratio} Origin ${
    sim.originUp ? "up" : "down"
  }, clock ${sim.now} s.`;
}

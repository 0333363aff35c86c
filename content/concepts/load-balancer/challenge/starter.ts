import { fnv1a32 } from "./support";

export interface Backend {
  id: string;
  weight?: number; // defaults to 1; an integer >= 1
}

export interface Balancer {
  /** Returns the id of the backend that gets the next request or connection. */
  pick(clientIp?: string): string;
  /** A connection to `id` ended (matters for least connections). */
  release(id: string): void;
  markDown(id: string): void;
  markUp(id: string): void;
}

export class NoHealthyBackendError extends Error {
  // Tests check the class and its name.
  override name = "NoHealthyBackendError";
}

/**
 * Round robin: the first pick is the first healthy backend; each later pick is the
 * next healthy backend after the previously picked one, in list order, wrapping.
 */
export function roundRobin(backends: Backend[]): Balancer {
  return {
    pick() {
      // TODO: remember where the previous pick was and skip down backends.
      const first = backends[0];
      if (!first) throw new NoHealthyBackendError("no backends");
      return first.id;
    },
    release() {},
    markDown() {},
    markUp() {},
  };
}

/** Least connections: fewest open connections wins, ties go to the earliest in list order. */
export function leastConnections(backends: Backend[]): Balancer {
  // TODO: count open connections per backend (pick adds one, release removes one, never below 0).
  return roundRobin(backends);
}

/**
 * Smooth weighted round robin (nginx): on each pick every healthy backend's current
 * weight grows by its weight, the largest current wins (earliest on ties), and the
 * winner's current drops by the total weight.
 */
export function weightedRoundRobin(backends: Backend[]): Balancer {
  // TODO
  return roundRobin(backends);
}

/** IP hash: the same client goes to the same backend while the healthy set is unchanged. */
export function ipHash(backends: Backend[]): Balancer {
  const base = roundRobin(backends);
  return {
    ...base,
    pick(clientIp = "") {
      // TODO: choose among healthy backends only.
      void fnv1a32;
      return base.pick(clientIp);
    },
  };
}

// solution-canary:load-balancer (tests/e2e/bundle.spec.ts: this string must never reach a browser)
import { fnv1a32 } from "./support";

export interface Backend {
  id: string;
  weight?: number; // defaults to 1; an integer >= 1
}

export interface Balancer {
  pick(clientIp?: string): string;
  release(id: string): void;
  markDown(id: string): void;
  markUp(id: string): void;
}

export class NoHealthyBackendError extends Error {
  override name = "NoHealthyBackendError";
  constructor(message = "no healthy backend") {
    super(message);
  }
}

/** Health bookkeeping shared by every strategy: the list order and which ids are down. */
class Pool {
  readonly ids: string[];
  private readonly down = new Set<string>();

  constructor(backends: Backend[]) {
    this.ids = backends.map((backend) => backend.id);
  }

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  isHealthy(id: string): boolean {
    return this.has(id) && !this.down.has(id);
  }

  markDown(id: string): void {
    if (this.has(id)) this.down.add(id);
  }

  markUp(id: string): void {
    this.down.delete(id);
  }

  healthy(): string[] {
    const list = this.ids.filter((id) => !this.down.has(id));
    if (list.length === 0) throw new NoHealthyBackendError();
    return list;
  }
}

export function roundRobin(backends: Backend[]): Balancer {
  const pool = new Pool(backends);
  let last = -1; // list index of the previous pick
  return {
    pick() {
      pool.healthy(); // throws when nothing is healthy
      for (let step = 1; step <= pool.ids.length; step++) {
        const index = (last + step) % pool.ids.length;
        const id = pool.ids[index]!;
        if (pool.isHealthy(id)) {
          last = index;
          return id;
        }
      }
      throw new NoHealthyBackendError();
    },
    release() {},
    markDown: (id) => pool.markDown(id),
    markUp: (id) => pool.markUp(id),
  };
}

export function leastConnections(backends: Backend[]): Balancer {
  const pool = new Pool(backends);
  const open = new Map<string, number>(pool.ids.map((id) => [id, 0]));
  return {
    pick() {
      let best: string | undefined;
      for (const id of pool.healthy()) {
        if (best === undefined || open.get(id)! < open.get(best)!) best = id;
      }
      open.set(best!, open.get(best!)! + 1);
      return best!;
    },
    release(id) {
      const count = open.get(id);
      if (count !== undefined) open.set(id, Math.max(0, count - 1));
    },
    markDown: (id) => pool.markDown(id),
    markUp: (id) => pool.markUp(id),
  };
}

export function weightedRoundRobin(backends: Backend[]): Balancer {
  const pool = new Pool(backends);
  const weight = new Map<string, number>(backends.map((backend) => [backend.id, backend.weight ?? 1]));
  const current = new Map<string, number>(pool.ids.map((id) => [id, 0]));
  return {
    pick() {
      const healthy = pool.healthy();
      let total = 0;
      let best: string | undefined;
      for (const id of healthy) {
        const w = weight.get(id)!;
        total += w;
        current.set(id, current.get(id)! + w);
        if (best === undefined || current.get(id)! > current.get(best)!) best = id;
      }
      current.set(best!, current.get(best!)! - total);
      return best!;
    },
    release() {},
    markDown: (id) => pool.markDown(id),
    markUp: (id) => pool.markUp(id),
  };
}

export function ipHash(backends: Backend[]): Balancer {
  const pool = new Pool(backends);
  return {
    pick(clientIp = "") {
      const healthy = pool.healthy();
      return healthy[fnv1a32(clientIp) % healthy.length]!;
    },
    release() {},
    markDown: (id) => pool.markDown(id),
    markUp: (id) => pool.markUp(id),
  };
}

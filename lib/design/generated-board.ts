// A generated 200-node board (the format's limit) for the benchmark and a test: one
// client, a load balancer, 64 services each with its own cache and one of 40 database
// shards' groups, and writes through 10 queues to 20 workers. Every node is reached.
import type { Board } from "./board";
import { makeBoard, makeWorkload, type NodeSpec } from "./test-support";
import type { DesignWorkload } from "./workload";

export function generatedBoard(): Board {
  const nodes: Record<string, NodeSpec> = {
    users: { kind: "client", label: "Users" },
    lb: { kind: "load-balancer", label: "Load balancer", instances: 4 },
  };
  const edges = ["users>lb"];
  for (let db = 0; db < 40; db += 1) nodes[`db-${db}`] = { kind: "database", label: `DB ${db}`, instances: 4, replicas: 2 };
  for (let queue = 0; queue < 10; queue += 1) nodes[`queue-${queue}`] = { kind: "queue", label: `Queue ${queue}`, instances: 2 };
  for (let worker = 0; worker < 20; worker += 1) {
    nodes[`worker-${worker}`] = { kind: "worker", label: `Worker ${worker}`, instances: 4 };
    edges.push(`queue-${Math.floor(worker / 2)}>worker-${worker}`, `worker-${worker}>db-${worker % 40}:write`);
  }
  for (let service = 0; service < 64; service += 1) {
    nodes[`service-${service}`] = { kind: "service", label: `Service ${service}`, instances: 4 };
    nodes[`cache-${service}`] = { kind: "cache", label: `Cache ${service}`, instances: 1, replicas: 1, hitRatio: 0.9 };
    edges.push(`lb>service-${service}`, `service-${service}>cache-${service}`, `service-${service}>db-${service % 40}`, `service-${service}>queue-${service % 10}:write`);
  }
  return makeBoard(nodes, edges);
}

export function generatedWorkload(): DesignWorkload {
  return makeWorkload([["reads", "read", 100_000, 200], ["writes", "write", 5_000, 500]], { dataGb: 100_000, maxHitRatio: { cache: 0.9 } });
}

/**
 * A board made to cost the most: layers of two fully connected services (2^layers paths)
 * ending in unreplicated caches, so routing and the failover pass's re-routing both run
 * into their step budgets. The benchmark's worst case; valid, but it fails structure or failover.
 */
export function manyPathsBoard(layers = 24, caches = 16): Board {
  const nodes: Record<string, NodeSpec> = { users: { kind: "client", label: "Users" } };
  const edges = ["users>a0", "users>b0"];
  for (let layer = 0; layer < layers; layer += 1) {
    nodes[`a${layer}`] = { kind: "service", instances: 10_000 };
    nodes[`b${layer}`] = { kind: "service", instances: 10_000 };
    if (layer > 0) edges.push(`a${layer - 1}>a${layer}`, `a${layer - 1}>b${layer}`, `b${layer - 1}>a${layer}`, `b${layer - 1}>b${layer}`);
  }
  const last = layers - 1;
  nodes.db = { kind: "database", replicas: 1, instances: 1_000 };
  edges.push(`a${last}>db`, `b${last}>db`);
  for (let cache = 0; cache < caches; cache += 1) {
    nodes[`c${cache}`] = { kind: "cache", instances: 2, hitRatio: 0.5 };
    edges.push(`a${last}>c${cache}`, `b${last}>c${cache}`);
  }
  return makeBoard(nodes, edges);
}

export function manyPathsWorkload(): DesignWorkload {
  return makeWorkload([["reads", "read", 1, 100_000]], { maxHitRatio: { cache: 0.5 } });
}

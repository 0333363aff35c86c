// Compact boards for the design check's tests and benchmark: nodes by id, edges as "from>to" or "from>to:read".
import { parseBoard, type Board } from "./board";
import type { Kind } from "./catalog";
import { designWorkloadSchema, type DesignWorkload, type RequestType } from "./workload";

export type NodeSpec = { kind: Kind; label?: string; size?: "s" | "m" | "l"; instances?: number; replicas?: number; hitRatio?: number };

export function makeBoard(nodes: Record<string, NodeSpec>, edges: string[]): Board {
  const raw = {
    version: 1,
    nodes: Object.entries(nodes).map(([id, spec], index) => ({ id, ...spec, x: (index % 6) * 200, y: Math.floor(index / 6) * 120 })),
    edges: edges.map((edge) => {
      const [pair, carries] = edge.split(":");
      const [from, to] = (pair ?? "").split(">");
      return carries ? { from, to, carries } : { from, to };
    }),
  };
  const parsed = parseBoard(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.board;
}

export function makeWorkload(
  streams: Array<[name: string, type: RequestType, rps: number, p99Ms: number]>,
  extra: Partial<Omit<DesignWorkload, "streams">> = {},
): DesignWorkload {
  return designWorkloadSchema.parse({ dataGb: 0, ...extra, streams: streams.map(([name, type, rps, p99Ms]) => ({ name, type, rps, p99Ms })) });
}

// A read-only drawing of a design board (docs/design-check.md, "The board"): each node a
// box at its x/y with its label, kind and size, each edge an arrow. The drawing is one
// image with a short name; the same board as a list of components and their connections
// follows for screen readers. A server component: no script, nothing to load.
import { KIND_NAMES } from "@/lib/design/catalog";
import type { Board, BoardEdge, BoardNode } from "@/lib/design/board";

const NODE_WIDTH = 184;
const NODE_HEIGHT = 56;
const PADDING = 24;
const LABEL_CHARS = 22;
const FACTS_CHARS = 30;
/** The drawing shrinks to its column down to this scale, then scrolls sideways, so its text stays readable. */
const MIN_SCALE = 0.75;

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "2 instances, 1 replica, hit ratio 0.9": what a node's numbers say, in words. */
export function nodeFacts(node: BoardNode): string {
  const facts: string[] = [];
  if (node.instances !== undefined) facts.push(`${node.instances} ${node.kind === "database" || node.kind === "cache" ? (node.instances === 1 ? "shard" : "shards") : node.instances === 1 ? "instance" : "instances"}`);
  if (node.replicas !== undefined) facts.push(`${node.replicas} ${node.replicas === 1 ? "replica" : "replicas"}`);
  if (node.hitRatio !== undefined) facts.push(`hit ratio ${node.hitRatio}`);
  if (node.size !== undefined && node.size !== "m") facts.push(node.size === "s" ? "small" : "large");
  return facts.join(", ");
}

function carriesWords(edge: BoardEdge): string {
  return edge.carries === "read" ? "reads" : edge.carries === "write" ? "writes" : "reads and writes";
}

/** Where the segment from a box's centre towards (dx, dy) leaves the box. */
function boxExit(cx: number, cy: number, dx: number, dy: number): [number, number] {
  if (dx === 0 && dy === 0) return [cx, cy];
  const scale = Math.min(dx === 0 ? Infinity : NODE_WIDTH / 2 / Math.abs(dx), dy === 0 ? Infinity : NODE_HEIGHT / 2 / Math.abs(dy));
  return [cx + dx * scale, cy + dy * scale];
}

export function BoardView({ board, title, testId }: { board: Board; title: string; testId?: string }) {
  const byId = new Map(board.nodes.map((node) => [node.id, node]));
  const name = (id: string) => byId.get(id)?.label ?? id;
  const xs = board.nodes.map((node) => node.x);
  const ys = board.nodes.map((node) => node.y);
  const minX = Math.min(0, ...xs) - PADDING;
  const minY = Math.min(0, ...ys) - PADDING;
  const width = Math.max(0, ...xs) + NODE_WIDTH + PADDING - minX;
  const height = Math.max(0, ...ys) + NODE_HEIGHT + PADDING - minY;
  const markerId = `arrow-${testId ?? "board"}`;
  const summary = `${title}: a diagram of ${board.nodes.length} components and ${board.edges.length} connections, listed below.`;

  return (
    <figure className="rounded-xl border border-slate-200 p-3 dark:border-slate-800" data-testid={testId}>
      {/* Focusable so a keyboard can scroll it when it is wider than its column. */}
      <div className="overflow-x-auto rounded focus-visible:outline-2 focus-visible:outline-sky-600" tabIndex={0} role="group" aria-label={`${title}, drawing`}>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`${minX} ${minY} ${width} ${height}`}
          width={width}
          height={height}
          className="text-slate-700 dark:text-slate-300"
          style={{ width: "100%", minWidth: Math.round(width * MIN_SCALE), maxWidth: width, height: "auto" }}
        >
          <defs>
            <marker id={markerId} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
            </marker>
          </defs>
          {board.edges.map((edge) => {
            const from = byId.get(edge.from);
            const to = byId.get(edge.to);
            if (!from || !to) return null;
            const [fx, fy] = [from.x + NODE_WIDTH / 2, from.y + NODE_HEIGHT / 2];
            const [tx, ty] = [to.x + NODE_WIDTH / 2, to.y + NODE_HEIGHT / 2];
            const [x1, y1] = boxExit(fx, fy, tx - fx, ty - fy);
            const [x2, y2] = boxExit(tx, ty, fx - tx, fy - ty);
            return (
              <line
                key={`${edge.from}->${edge.to}`}
                x1={x1}
                y1={y1}
                x2={x2}
                y2={y2}
                stroke="currentColor"
                strokeWidth={1.5}
                // Reads-only edges are dashed, writes-only dotted: the difference is not colour alone.
                strokeDasharray={edge.carries === "read" ? "6 4" : edge.carries === "write" ? "2 3" : undefined}
                markerEnd={`url(#${markerId})`}
              />
            );
          })}
          {board.nodes.map((node) => {
            const facts = nodeFacts(node);
            return (
              <g key={node.id} transform={`translate(${node.x} ${node.y})`}>
                <title>{`${node.label ?? node.id}: ${KIND_NAMES[node.kind]}${facts ? `, ${facts}` : ""}`}</title>
                <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} className="fill-white stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500" strokeWidth={1.5} />
                <text x={10} y={20} className="fill-slate-900 dark:fill-slate-100" fontSize={13} fontWeight={600}>
                  {shorten(node.label ?? node.id, LABEL_CHARS)}
                </text>
                <text x={10} y={40} className="fill-slate-600 dark:fill-slate-400" fontSize={11}>
                  {shorten(facts ? `${KIND_NAMES[node.kind]} · ${facts}` : KIND_NAMES[node.kind], FACTS_CHARS)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        {title}. Solid arrows carry reads and writes, dashed reads only, dotted writes only.
      </figcaption>
      <div className="sr-only">
        <p>Components of {title}:</p>
        <ul>
          {board.nodes.map((node) => {
            const facts = nodeFacts(node);
            return (
              <li key={node.id}>
                {node.label ?? node.id}: {KIND_NAMES[node.kind]}
                {facts ? `, ${facts}` : ""}
              </li>
            );
          })}
        </ul>
        <p>Connections:</p>
        <ul>
          {board.edges.map((edge) => (
            <li key={`${edge.from}->${edge.to}`}>
              {name(edge.from)} to {name(edge.to)}: {carriesWords(edge)}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

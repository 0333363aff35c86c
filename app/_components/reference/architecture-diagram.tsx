import type { Architecture } from "@/lib/content/reference";

const BOX_W = 150;
const BOX_H = 44;
const GAP_X = 40;
const GAP_Y = 36;
const PAD = 8;

const centre = (col: number, row: number) => ({ x: PAD + col * (BOX_W + GAP_X) + BOX_W / 2, y: PAD + row * (BOX_H + GAP_Y) + BOX_H / 2 });

/** Boxes on a small grid, each a link to its lesson; lines show which part talks to which. */
export function ArchitectureDiagram({ architecture }: { architecture: Architecture }) {
  const cols = Math.max(...architecture.nodes.map((n) => n.col)) + 1;
  const rows = Math.max(...architecture.nodes.map((n) => n.row)) + 1;
  const width = PAD * 2 + cols * BOX_W + (cols - 1) * GAP_X;
  const height = PAD * 2 + rows * BOX_H + (rows - 1) * GAP_Y;
  const byId = new Map(architecture.nodes.map((n) => [n.id, n]));
  return (
    // A group, not an image: its boxes are links, and an image may hold nothing focusable (nested-interactive).
    <svg
      role="group"
      aria-label={`${architecture.title}: ${architecture.nodes.map((n) => n.label).join(", ")}. Each box links to its lesson.`}
      viewBox={`0 0 ${width} ${height}`}
      className="h-auto w-full min-w-[34rem] max-w-3xl"
    >
      {architecture.edges.map(([from, to]) => {
        const a = byId.get(from);
        const b = byId.get(to);
        if (!a || !b) return null;
        const p = centre(a.col, a.row);
        const q = centre(b.col, b.row);
        return <line key={`${from}-${to}`} x1={p.x} y1={p.y} x2={q.x} y2={q.y} className="stroke-slate-400 dark:stroke-slate-500" strokeWidth={2} />;
      })}
      {architecture.nodes.map((node) => {
        const { x, y } = centre(node.col, node.row);
        return (
          <a key={node.id} href={`/concepts/${node.concept}`} aria-label={`${node.label}: open the lesson`} className="group">
            <rect
              x={x - BOX_W / 2}
              y={y - BOX_H / 2}
              width={BOX_W}
              height={BOX_H}
              rx={8}
              className="fill-white stroke-sky-600 group-hover:fill-sky-50 group-focus:fill-sky-100 dark:fill-slate-900 dark:stroke-sky-400 dark:group-hover:fill-sky-950"
              strokeWidth={2}
            />
            <text x={x} y={y + 5} textAnchor="middle" className="fill-slate-900 text-[14px] font-medium dark:fill-slate-100">
              {node.label}
            </text>
          </a>
        );
      })}
    </svg>
  );
}

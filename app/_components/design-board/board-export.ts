// The board as a standalone SVG, drawn from the board state alone (no DOM, no React Flow,
// no external service), so the exported picture is the board whatever the screen shows.
// The PNG export rasterises this SVG on a canvas in the browser.
import type { Board, BoardEdge } from "@/lib/design/board";
import { KIND_NAMES } from "@/lib/design/catalog";

export const EXPORT_NODE_WIDTH = 180;
export const EXPORT_NODE_HEIGHT = 64;
const NOTE_WIDTH = 180;
const NOTE_HEIGHT = 72;
const PADDING = 32;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[character]!);
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function exitPoint(cx: number, cy: number, dx: number, dy: number, width: number, height: number): [number, number] {
  if (dx === 0 && dy === 0) return [cx, cy];
  const scale = Math.min(dx === 0 ? Infinity : width / 2 / Math.abs(dx), dy === 0 ? Infinity : height / 2 / Math.abs(dy));
  return [cx + dx * scale, cy + dy * scale];
}

const dash = (edge: BoardEdge): string => (edge.carries === "read" ? ' stroke-dasharray="6 4"' : edge.carries === "write" ? ' stroke-dasharray="2 3"' : "");

export interface SvgExport {
  svg: string;
  width: number;
  height: number;
}

/** Draws the board: components as labelled boxes, connections as arrows (dashed: reads, dotted: writes), notes as yellow cards. */
export function boardToSvg(board: Board, title = "Design board"): SvgExport {
  const notes = board.notes ?? [];
  const xs = [...board.nodes.map((node) => node.x), ...notes.map((note) => note.x)];
  const ys = [...board.nodes.map((node) => node.y), ...notes.map((note) => note.y)];
  const minX = (xs.length ? Math.min(...xs) : 0) - PADDING;
  const minY = (ys.length ? Math.min(...ys) : 0) - PADDING;
  const maxX = (xs.length ? Math.max(...xs) : 0) + Math.max(EXPORT_NODE_WIDTH, NOTE_WIDTH) + PADDING;
  const maxY = (ys.length ? Math.max(...ys) : 0) + Math.max(EXPORT_NODE_HEIGHT, NOTE_HEIGHT) + PADDING;
  const width = Math.ceil(maxX - minX);
  const height = Math.ceil(maxY - minY);
  const byId = new Map(board.nodes.map((node) => [node.id, node]));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#334155"/></marker></defs>`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  for (const edge of board.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) continue;
    const [fx, fy] = [from.x + EXPORT_NODE_WIDTH / 2, from.y + EXPORT_NODE_HEIGHT / 2];
    const [tx, ty] = [to.x + EXPORT_NODE_WIDTH / 2, to.y + EXPORT_NODE_HEIGHT / 2];
    const [x1, y1] = exitPoint(fx, fy, tx - fx, ty - fy, EXPORT_NODE_WIDTH, EXPORT_NODE_HEIGHT);
    const [x2, y2] = exitPoint(tx, ty, fx - tx, fy - ty, EXPORT_NODE_WIDTH, EXPORT_NODE_HEIGHT);
    parts.push(`<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="#334155" stroke-width="1.5"${dash(edge)} marker-end="url(#arrow)"/>`);
  }
  for (const node of board.nodes) {
    const sizing: string[] = [];
    if (node.instances !== undefined) sizing.push(`x${node.instances}`);
    if (node.replicas !== undefined) sizing.push(`+${node.replicas} replicas`);
    if (node.hitRatio !== undefined) sizing.push(`hit ${node.hitRatio}`);
    if (node.size && node.size !== "m") sizing.push(node.size === "s" ? "small" : "large");
    const subtitle = [KIND_NAMES[node.kind], ...sizing].join(" · ");
    parts.push(
      `<g transform="translate(${node.x} ${node.y})">`,
      `<rect width="${EXPORT_NODE_WIDTH}" height="${EXPORT_NODE_HEIGHT}" rx="8" fill="#f8fafc" stroke="#64748b" stroke-width="1.5"/>`,
      `<text x="12" y="26" font-size="14" font-weight="600" fill="#0f172a">${escapeXml(shorten(node.label ?? node.id, 22))}</text>`,
      `<text x="12" y="46" font-size="11" fill="#475569">${escapeXml(shorten(subtitle, 30))}</text>`,
      `</g>`,
    );
  }
  for (const note of notes) {
    const lines = note.text.split("\n").flatMap((line) => line.match(/.{1,26}(\s|$)|\S+/g) ?? [""]).slice(0, 4);
    parts.push(
      `<g transform="translate(${note.x} ${note.y})">`,
      `<rect width="${NOTE_WIDTH}" height="${NOTE_HEIGHT}" fill="#fef9c3" stroke="#ca8a04"/>`,
      ...lines.map((line, index) => `<text x="10" y="${20 + index * 15}" font-size="12" fill="#422006">${escapeXml(line.trim())}</text>`),
      `</g>`,
    );
  }
  parts.push(`</svg>`);
  return { svg: parts.join(""), width, height };
}

// npm run bench:design [-- --runs 500]
// Times the design check (parse + checkDesign, what the browser runs on every edit) on
// each prompt's reference board and on a generated 200-node board; prints the median and
// p95 per board. One process, one thread, after a warm-up.
import { performance } from "node:perf_hooks";
import { loadInterviewBoards, loadInterviewPrompt, interviewSlugs } from "../lib/content/interviews";
import { checkDesign, parseBoard, type Board, type DesignWorkload } from "../lib/design";
import { generatedBoard, generatedWorkload } from "../lib/design/generated-board";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 300;
const warmup = Math.max(20, Math.floor(runs / 10));

const cases: Array<{ label: string; board: Board; workload: DesignWorkload }> = [];
for (const slug of interviewSlugs()) {
  const workload = loadInterviewPrompt(slug)?.design;
  const boards = loadInterviewBoards(slug);
  if (workload && boards) cases.push({ label: slug, board: boards.reference.board, workload });
}
cases.push({ label: "generated (200 nodes)", board: generatedBoard(), workload: generatedWorkload() });

function once(board: Board, workload: DesignWorkload): number {
  const started = performance.now();
  const parsed = parseBoard(JSON.parse(JSON.stringify(board)));
  if (!parsed.ok) throw new Error(parsed.error);
  checkDesign(parsed.board, workload);
  return performance.now() - started;
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
process.stdout.write(`design check: parse + check, ${runs} runs per board after ${warmup} warm-up runs (node ${process.version})\n`);
for (const { label, board, workload } of cases) {
  for (let index = 0; index < warmup; index += 1) once(board, workload);
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) times.push(once(board, workload));
  times.sort((a, b) => a - b);
  const verdict = checkDesign(board, workload).verdict;
  process.stdout.write(
    `${label.padEnd(24)} ${String(board.nodes.length).padStart(3)} nodes ${String(board.edges.length).padStart(3)} edges  median ${at(times, 0.5).toFixed(3).padStart(7)} ms  p95 ${at(times, 0.95).toFixed(3).padStart(7)} ms  (${verdict})\n`,
  );
}

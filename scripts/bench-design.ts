// npm run bench:design [-- --runs 500]
// Times the design check (parse + checkDesign, what the browser runs on every edit) on
// each prompt's reference board and on a generated 200-node board; prints the median and
// p95 per board, and the median CPU time (steadier than wall-clock on a shared machine).
// One process, one thread, after a warm-up.
import { performance } from "node:perf_hooks";
import { loadInterviewBoards, loadInterviewPrompt, interviewSlugs } from "../lib/content/interviews";
import { checkDesign, parseBoard, type Board, type DesignWorkload } from "../lib/design";
import { generatedBoard, generatedWorkload, manyPathsBoard, manyPathsWorkload } from "../lib/design/generated-board";

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
// Worst cases for the server: more paths than a routing pass follows; a failover pass that exhausts its re-routing budget.
cases.push({ label: "worst: 2^24 paths", board: manyPathsBoard(24, 16), workload: manyPathsWorkload() });
cases.push({ label: "worst: failover budget", board: manyPathsBoard(9, 16), workload: manyPathsWorkload() });

interface Sample {
  parse: number;
  check: number;
  total: number;
  cpu: number;
}

function once(board: Board, workload: DesignWorkload): Sample {
  const text = JSON.stringify(board);
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const parsed = parseBoard(JSON.parse(text));
  const parsedAt = performance.now();
  if (!parsed.ok) throw new Error(parsed.error);
  checkDesign(parsed.board, workload);
  const done = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  return { parse: parsedAt - started, check: done - parsedAt, total: done - started, cpu: (cpu.user + cpu.system) / 1000 };
}

const at = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => value.toFixed(3).padStart(7);
process.stdout.write(`design check, ${runs} runs per board after ${warmup} warm-up runs (node ${process.version}); wall-clock ms unless marked cpu\n`);
process.stdout.write(`${"board".padEnd(24)} nodes edges  parse p50  check p50  total p50  total p95  cpu p50  verdict\n`);
for (const { label, board, workload } of cases) {
  // The worst cases take long enough that a tenth of the runs measures them.
  const count = label.startsWith("worst") ? Math.max(10, Math.floor(runs / 10)) : runs;
  for (let index = 0; index < Math.min(warmup, count); index += 1) once(board, workload);
  const samples: Sample[] = [];
  for (let index = 0; index < count; index += 1) samples.push(once(board, workload));
  const pick = (key: keyof Sample) => samples.map((sample) => sample[key]);
  const verdict = checkDesign(board, workload).verdict;
  process.stdout.write(
    `${label.padEnd(24)} ${String(board.nodes.length).padStart(5)} ${String(board.edges.length).padStart(5)}    ${ms(at(pick("parse"), 0.5))}    ${ms(at(pick("check"), 0.5))}    ${ms(at(pick("total"), 0.5))}    ${ms(at(pick("total"), 0.95))}  ${ms(at(pick("cpu"), 0.5))}  ${verdict}\n`,
  );
}

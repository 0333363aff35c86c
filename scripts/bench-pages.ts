// `npm run bench:pages`: how many pages a production server hands out under concurrent
// readers. A lesson, the home page, the cheat sheet, the architectures page and the drill's
// intro, beside a static asset served by the same server for scale (what the machine can
// do at best), with autocannon. Beside the rates, the server's own CPU time per page (from
// /proc, so it holds up on a busy machine better than the rates do) and the lesson's bytes:
// its HTML and how much of that is the inlined RSC (flight) payload.
//
//   npm run build && npm run bench:pages                  starts the production stack itself
//   npm run bench:pages -- --url http://127.0.0.1:4400    against a server already running
//                                                         (--server-pid <pid of serve-app> for CPU per page)
//   options: --connections 20 --duration 10 --port 4400
//            --page-cache off       the stack without the static page cache (BLUEPRINT_PAGE_CACHE=off)
//            --request-log on       keep the per-request log lines (off by default here: BLUEPRINT_REQUEST_LOG=off)
//
// The load generator runs on the same machine as the server: on a 2-core machine both
// share the cores, so the figures are a floor. The load average is printed beside them.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const connections = Number(option("connections", "20"));
const duration = Number(option("duration", "10"));
const port = Number(option("port", "4400"));
const givenUrl = process.argv.includes("--url") ? option("url", "") : "";
const pageCache = option("page-cache", "on") === "off" ? "off" : "on";
const requestLog = option("request-log", "off") === "on" ? "on" : "off";
const givenServerPid = Number(option("server-pid", "0")) || null;

interface Measured {
  name: string;
  path: string;
  pagesPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytes: number;
  /** The server process's user+system CPU per page, in ms; null when its pid is unknown. */
  cpuMsPerPage: number | null;
}

// utime + stime of a process, in clock ticks (100 per second on Linux).
function cpuTicks(pid: number | null): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** The serve-app process the stack started (a child of start-stack), found through /proc. */
function findServeApp(parent: number): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.split(") ")[1]!.split(" ")[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("serve-app.ts")) return Number(entry);
    } catch {
      // gone already
    }
  }
  return null;
}

/** Bytes of the inlined RSC payload: the strings pushed by the self.__next_f.push scripts. */
function flightBytes(html: string): number {
  let total = 0;
  for (const match of html.matchAll(/<script>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)) total += Buffer.byteLength(match[0]);
  return total;
}

async function waitForHealth(base: string, child: ChildProcess | null): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was healthy`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${base}/api/health did not answer 200 within 180 s`);
}

async function measure(base: string, name: string, urlPath: string, serverPid: number | null, encoding = "identity"): Promise<Measured> {
  // Warm up: the first requests compile nothing in production, but they fill caches and JIT.
  for (let i = 0; i < 20; i++) await fetch(`${base}${urlPath}`).then((r) => r.arrayBuffer());
  const before = cpuTicks(serverPid);
  const result = await autocannon({ url: `${base}${urlPath}`, connections, duration, headers: { "accept-encoding": encoding } });
  const after = cpuTicks(serverPid);
  return {
    name,
    path: urlPath,
    pagesPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    bytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    cpuMsPerPage: before !== null && after !== null ? ((after - before) * 10) / Math.max(1, result.requests.total) : null,
  };
}

const MONACO_MARKER = "monaco-aria-container";

/** The JavaScript a first visit to a page downloads: every script its HTML names. */
async function firstLoadJs(base: string, html: string): Promise<{ files: number; bytes: number; gzipped: number; monaco: boolean }> {
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((match) => match[1]!))];
  let bytes = 0;
  let gzipped = 0;
  let monaco = false;
  for (const source of sources) {
    const response = await fetch(new URL(source, base));
    const body = Buffer.from((await response.arrayBuffer()) as ArrayBuffer);
    bytes += body.length;
    gzipped += gzipSync(body).length;
    // A class name only Monaco's editor core creates (its screen-reader container); class names
    // survive minification, which "StandaloneCodeEditor" (checked before) did not, so that check found nothing ever.
    if (body.includes(MONACO_MARKER)) monaco = true;
  }
  return { files: sources.length, bytes, gzipped, monaco };
}

async function main() {
  let child: ChildProcess | null = null;
  let dataDir: string | null = null;
  let base = givenUrl.replace(/\/$/, "");
  if (!base) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "blueprint-bench-pages-"));
    base = `http://127.0.0.1:${port}`;
    process.stdout.write(`starting the production stack on port ${port} (data in ${dataDir}); page cache ${pageCache}, request log ${requestLog}${requestLog === "off" ? " (BLUEPRINT_REQUEST_LOG=off)" : ""}\n`);
    child = spawn(process.execPath, ["--import", "tsx", "scripts/start-stack.ts", "start"], {
      env: {
        ...process.env,
        PORT: String(port),
        BLUEPRINT_PG_PORT: String(port + 1),
        JUDGE_PORT: String(port + 2),
        BLUEPRINT_DATA_DIR: dataDir,
        BLUEPRINT_PAGE_CACHE: pageCache,
        BLUEPRINT_REQUEST_LOG: requestLog,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  try {
    await waitForHealth(base, child);
    const serverPid = givenServerPid ?? (child?.pid ? findServeApp(child.pid) : null);
    if (givenUrl) process.stdout.write(`against ${base}: page cache and request log as that server was started\n`);
    const lessonPath = "/concepts/rate-limiting";
    const lessonHtml = await fetch(`${base}${lessonPath}`).then((r) => r.text());
    if (!lessonHtml.includes("Rate limiting")) throw new Error(`${lessonPath} does not look like the lesson`);
    const asset = lessonHtml.match(/\/_next\/static\/[^"']+\.js/)?.[0];
    if (!asset) throw new Error("no /_next/static script in the lesson's HTML");

    const flight = flightBytes(lessonHtml);
    process.stdout.write(
      `lesson HTML: ${(Buffer.byteLength(lessonHtml) / 1024).toFixed(1)} KB, of which inlined RSC payload ${(flight / 1024).toFixed(1)} KB (${gzipSync(lessonHtml).length} bytes gzipped in all)\n`,
    );
    const js = await firstLoadJs(base, lessonHtml);
    process.stdout.write(
      `lesson first-load JavaScript: ${js.files} files, ${(js.bytes / 1024).toFixed(0)} KB (${(js.gzipped / 1024).toFixed(0)} KB gzipped); Monaco in it: ${js.monaco ? "yes" : "no"}\n`,
    );
    const load = os.loadavg();
    process.stdout.write(`${connections} connections, ${duration} s each; load average before: ${load.map((x) => x.toFixed(2)).join(" ")} (${os.cpus().length} cores)\n`);
    const rows: Measured[] = [];
    for (const [name, urlPath] of [
      ["static asset", asset],
      ["lesson", lessonPath],
      ["home", "/"],
      ["cheat sheet", "/cheat-sheet"],
      ["architectures", "/architectures"],
      ["drill intro", "/drill"],
    ] as const) {
      rows.push(await measure(base, name, urlPath, serverPid));
    }
    // What a browser gets: the same lesson gzipped (the table's other rows ask for identity, as earlier runs did).
    rows.push(await measure(base, "lesson gzip", lessonPath, serverPid, "gzip"));
    const assetRate = rows[0]!.pagesPerSecond;
    process.stdout.write(`\n${"page".padEnd(14)}${"pages/s".padStart(10)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"KB".padStart(7)}${"non-2xx".padStart(9)}${"vs asset".padStart(10)}${"CPU ms".padStart(9)}  path\n`);
    for (const row of rows) {
      process.stdout.write(
        `${row.name.padEnd(14)}${row.pagesPerSecond.toFixed(0).padStart(10)}${String(row.p50).padStart(9)}${String(row.p99).padStart(9)}${(row.bytes / 1024).toFixed(0).padStart(7)}${String(row.non2xx + row.errors).padStart(9)}${(row.pagesPerSecond / assetRate).toFixed(2).padStart(10)}${(row.cpuMsPerPage === null ? "?" : row.cpuMsPerPage.toFixed(2)).padStart(9)}  ${row.path}\n`,
      );
    }
    process.stdout.write(`\nCPU ms: the server process's user+system time per page${serverPid ? ` (pid ${serverPid})` : " (unknown: pass --server-pid)"}.\n`);
    process.stdout.write(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}\n`);
    const lesson = rows[1]!;
    process.stdout.write(`target: lesson >= 1000 pages/s and p50 < 20 ms at ${connections} concurrent: ${lesson.pagesPerSecond >= 1000 && lesson.p50 < 20 ? "met" : "not met"}\n`);
    if (rows.some((row) => row.non2xx + row.errors > 0)) process.exitCode = 1;
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

// The judge as an HTTP service on loopback: one process of its own (isolated-vm
// must not run inside Next.js), a shared secret, a bounded queue, 503 when full.
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import os from "node:os";
import { judge, JudgeInputError, type ChallengeSuite } from "./index";
import { JUDGE_MODES, type JudgeMode } from "./verdict";

export interface JudgeServiceOptions {
  secret: string;
  loadSuite(challengeId: string): ChallengeSuite | undefined;
  concurrency?: number;
  maxQueue?: number;
}

export const MAX_BODY_BYTES = 256 * 1024;

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function secretMatches(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createJudgeService(options: JudgeServiceOptions): http.Server {
  const concurrency = options.concurrency ?? Math.max(1, os.availableParallelism());
  const maxQueue = options.maxQueue ?? concurrency * 8;
  let running = 0;
  const waiting: Array<() => void> = [];

  const acquire = async () => {
    if (running < concurrency) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return http.createServer((req, res) => {
    if (req.method === "GET" && req.url === "/health") {
      send(res, 200, { ok: true, running, queued: waiting.length });
      return;
    }
    if (req.method !== "POST" || req.url !== "/judge") {
      send(res, 404, { error: "not found" });
      return;
    }
    if (!secretMatches(req.headers["x-judge-secret"] as string | undefined, options.secret)) {
      send(res, 401, { error: "bad judge secret" });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        send(res, 413, { error: "request body too large" });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", async () => {
      if (res.headersSent) return;
      let body: { challengeId?: unknown; mode?: unknown; code?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
      } catch {
        send(res, 400, { error: "body is not valid JSON" });
        return;
      }
      if (typeof body.code !== "string") return send(res, 400, { error: "code must be a string" });
      if (typeof body.challengeId !== "string") return send(res, 400, { error: "challengeId must be a string" });
      if (!JUDGE_MODES.includes(body.mode as JudgeMode)) return send(res, 400, { error: 'mode must be "run" or "submit"' });
      const suite = options.loadSuite(body.challengeId);
      if (!suite) return send(res, 404, { error: `unknown challenge "${body.challengeId}"` });
      if (running >= concurrency && waiting.length >= maxQueue) {
        send(res, 503, { error: "the judge is busy; try again in a moment" }, { "retry-after": "2" });
        return;
      }
      await acquire();
      try {
        const verdict = await judge(suite, body.code, body.mode as JudgeMode);
        send(res, 200, verdict);
      } catch (error) {
        if (error instanceof JudgeInputError) send(res, 413, { error: error.message });
        else send(res, 500, { error: "the judge failed unexpectedly" });
      } finally {
        release();
      }
    });
  });
}

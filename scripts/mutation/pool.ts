// A small pool of judging processes (scripts/mutation/worker.ts), one job each at a
// time. A worker that dies mid-job (V8 aborting on a mutant's runaway allocation, say)
// yields a "crashed" outcome for that job and is replaced, so one mutant cannot end the run.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChallengeSuite, JudgeLimits } from "../../lib/judge";
import type { JudgeReply, JudgeRequest } from "./worker";

export type JudgeOutcome = JudgeReply | { id: number; kind: "crashed"; message: string };

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "worker.ts");

interface Slot {
  child: ChildProcess;
  pending: { id: number; resolve: (outcome: JudgeOutcome) => void } | null;
}

export class JudgePool {
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private readonly all = new Set<Slot>();
  private nextId = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.release(this.spawn());
  }

  private spawn(): Slot {
    // isolated-vm 5 on Node 20 needs V8's startup snapshot off, as in the judge's own scripts.
    const child = fork(WORKER, [], { execArgv: ["--no-node-snapshot", "--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const slot: Slot = { child, pending: null };
    this.all.add(slot);
    child.on("message", (reply: JudgeReply) => {
      const pending = slot.pending;
      if (!pending || reply.id !== pending.id) return;
      slot.pending = null;
      pending.resolve(reply);
      this.release(slot);
    });
    child.on("exit", (code, signal) => {
      this.all.delete(slot);
      const pending = slot.pending;
      slot.pending = null;
      if (!pending) return;
      pending.resolve({ id: pending.id, kind: "crashed", message: `the judge process died (${signal ?? `exit code ${code}`})` });
      this.release(this.spawn());
    });
    return slot;
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    return slot ? Promise.resolve(slot) : new Promise((resolve) => this.waiting.push(resolve));
  }

  async judge(suite: ChallengeSuite, source: string, limits?: JudgeLimits): Promise<JudgeOutcome> {
    const slot = await this.acquire();
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.pending = { id, resolve };
      const request: JudgeRequest = { id, suite, source, ...(limits ? { limits } : {}) };
      slot.child.send(request);
    });
  }

  /** Lets every worker exit once its channel closes. */
  close(): void {
    for (const slot of this.all) slot.child.disconnect();
  }
}

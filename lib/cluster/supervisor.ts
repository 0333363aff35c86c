// The processes of a cluster on one machine, by name: started with their own environment,
// their output prefixed with the name, restarted when they die (when asked), stopped
// together (SIGTERM, then SIGKILL for any that lingers). Every output line is also an event,
// so tests and scripts wait for "listening" or "Server apps/app1 is DOWN" instead of sleeping.
import { spawn, type ChildProcess } from "node:child_process";
import { EventEmitter } from "node:events";
import { createInterface } from "node:readline";

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** Restart after an unexpected exit (not after `kill`/`stop`); a process that dies at once is restarted more slowly. */
  restart?: boolean;
}

export interface ProcessExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SupervisorEvents {
  line: [name: string, line: string];
  exit: [ProcessExit];
  start: [name: string, pid: number];
}

export class Supervisor extends EventEmitter<SupervisorEvents> {
  private readonly specs = new Map<string, ProcessSpec>();
  private readonly running = new Map<string, ChildProcess>();
  /** Names stopped on purpose: their exit is not a crash and is not restarted. */
  private readonly stopping = new Set<string>();
  private closed = false;
  /** The last lines of each process, for the message when it fails to come up. */
  private readonly tails = new Map<string, string[]>();

  constructor(private readonly print: (name: string, line: string) => void = () => {}) {
    super();
    this.setMaxListeners(100);
  }

  start(spec: ProcessSpec): ChildProcess {
    if (this.closed) throw new Error(`the cluster is stopping: ${spec.name} is not started`);
    if (this.running.has(spec.name)) throw new Error(`${spec.name} is already running`);
    this.specs.set(spec.name, spec);
    this.stopping.delete(spec.name);
    // Its own process group: a Ctrl+C in the terminal reaches the supervisor, which stops each in order.
    const child = spawn(spec.command, spec.args, { env: spec.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    this.running.set(spec.name, child);
    const startedAt = Date.now();
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => {
        this.print(spec.name, line);
        const tail = this.tails.get(spec.name) ?? [];
        tail.push(line);
        if (tail.length > 20) tail.shift();
        this.tails.set(spec.name, tail);
        this.emit("line", spec.name, line);
      });
    }
    child.once("error", (error) => this.print(spec.name, `could not start: ${error.message}`));
    child.once("exit", (code, signal) => {
      this.running.delete(spec.name);
      const planned = this.stopping.has(spec.name) || this.closed;
      this.emit("exit", { name: spec.name, code, signal });
      if (planned || !spec.restart) return;
      const delay = Date.now() - startedAt < 5000 ? 2000 : 200;
      this.print(spec.name, `exited (${signal ?? code}); restarting in ${delay} ms`);
      setTimeout(() => {
        if (!this.closed && !this.running.has(spec.name) && !this.stopping.has(spec.name)) this.start(spec);
      }, delay);
    });
    if (child.pid !== undefined) this.emit("start", spec.name, child.pid);
    return child;
  }

  /** Starts again a process that was killed or stopped, with the spec it last had. */
  restart(name: string): ChildProcess {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`no process named ${name}`);
    return this.start(spec);
  }

  /** The last lines `name` printed (at most 20). */
  recentLines(name: string): string[] {
    return [...(this.tails.get(name) ?? [])];
  }

  pid(name: string): number | undefined {
    return this.running.get(name)?.pid;
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  /**
   * Sends `signal` and resolves with the exit; the process is not restarted (a fault test's
   * SIGKILL). SIGKILL goes to its whole process group, as when a machine or container dies:
   * a judge worker's children go with it. Other signals go to the process alone, which then
   * stops its children in its own order.
   */
  kill(name: string, signal: NodeJS.Signals = "SIGTERM"): Promise<ProcessExit> {
    const child = this.running.get(name);
    if (!child) return Promise.resolve({ name, code: null, signal: null });
    this.stopping.add(name);
    const exited = this.nextExit(name);
    if (signal === "SIGKILL" && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    } else {
      child.kill(signal);
    }
    return exited;
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) a process: a fault test holds a worker still mid-job before killing it. */
  pause(name: string, paused: boolean): void {
    this.running.get(name)?.kill(paused ? "SIGSTOP" : "SIGCONT");
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(name: string, graceMs = 10_000): Promise<void> {
    const child = this.running.get(name);
    if (!child) return;
    const exited = this.kill(name, "SIGTERM");
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Stops every process, in the reverse order of their start (the load balancer before the apps before the workers). */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.closed = true;
    for (const name of [...this.running.keys()].reverse()) await this.stop(name, graceMs);
  }

  nextExit(name: string): Promise<ProcessExit> {
    return new Promise((resolve) => {
      const listener = (exit: ProcessExit) => {
        if (exit.name !== name) return;
        this.off("exit", listener);
        resolve(exit);
      };
      this.on("exit", listener);
    });
  }

  /** Resolves with the first line of `name` matching `pattern` from now on; rejects when it exits first or the time runs out. */
  waitForLine(name: string, pattern: RegExp, timeoutMs = 120_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.off("line", onLine);
        this.off("exit", onExit);
      };
      const onLine = (from: string, line: string) => {
        if (from !== name || !pattern.test(line)) return;
        done();
        resolve(line);
      };
      const onExit = (exit: ProcessExit) => {
        if (exit.name !== name) return;
        done();
        reject(new Error(`${name} exited (${exit.signal ?? exit.code}) before printing ${pattern}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${name} printed nothing matching ${pattern} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.on("line", onLine);
      this.on("exit", onExit);
    });
  }
}

import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { quantile } from "./load";
import { Supervisor } from "./supervisor";

const supervisors: Supervisor[] = [];
afterEach(async () => {
  for (const supervisor of supervisors.splice(0)) await supervisor.stopAll(2000);
});
const node = (script: string, restart = false) => ({ name: "child", command: process.execPath, args: ["-e", script], env: process.env, restart });

describe("the cluster's supervisor", () => {
  it("restarts a process that dies by itself, with the same spec", async () => {
    const supervisor = new Supervisor();
    supervisors.push(supervisor);
    const second = new Promise<number>((resolve) => {
      let starts = 0;
      supervisor.on("start", (_name, pid) => ++starts === 2 && resolve(pid));
    });
    const first = supervisor.start(node("console.log('up'); setTimeout(() => process.exit(3), 50)", true));
    expect(await supervisor.nextExit("child")).toMatchObject({ code: 3 });
    expect(await second).not.toBe(first.pid);
    await supervisor.waitForLine("child", /^up$/, 10_000);
  });

  it("does not restart what it killed, and SIGKILL takes the process group (a worker's children) with it", async () => {
    const supervisor = new Supervisor();
    supervisors.push(supervisor);
    const grandchild = supervisor.waitForLine("child", /^grandchild \d+$/, 10_000);
    supervisor.start(node("const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('grandchild ' + c.pid); setInterval(() => {}, 1000)", true));
    const pid = Number((await grandchild).split(" ")[1]);
    expect((await supervisor.kill("child", "SIGKILL")).signal).toBe("SIGKILL");
    expect(supervisor.isRunning("child")).toBe(false);
    // The grandchild got the same SIGKILL: gone, or a zombie where nothing reaps orphans.
    await expect
      .poll(() => {
        try {
          process.kill(pid, 0);
          return / Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8")) ? "gone" : "alive";
        } catch {
          return "gone";
        }
      }, { timeout: 10_000 })
      .toBe("gone");
  });

  it("rejects a wait for a line when the process exits first", async () => {
    const supervisor = new Supervisor();
    supervisors.push(supervisor);
    const waiting = supervisor.waitForLine("child", /never printed/, 10_000);
    supervisor.start(node("process.exit(0)"));
    await expect(waiting).rejects.toThrow(/exited \(0\) before printing/);
  });
});

describe("quantiles of the load bench", () => {
  it("are the nearest-rank values, NaN for no values", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
    expect([quantile(values, 0.5), quantile(values, 0.95), quantile(values, 0.99), quantile(values, 1)]).toEqual([50, 95, 99, 100]);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("CPU time of a process group", () => {
  it("counts a busy child's CPU under its supervisor's group, and none for a group that does not exist", async () => {
    const { processGroupCpuMs } = await import("./cpu");
    const supervisor = new Supervisor();
    supervisors.push(supervisor);
    const busy = supervisor.waitForLine("child", /^spun$/, 30_000);
    const child = supervisor.start(node("const end = Date.now() + 300; while (Date.now() < end); console.log('spun'); setInterval(() => {}, 1000)"));
    await busy;
    // 300 ms of wall clock spinning is at least some CPU, however busy the machine (a tick is 10 ms).
    expect(processGroupCpuMs(child.pid!)).toBeGreaterThan(0);
    expect(processGroupCpuMs(2 ** 22 + 12345)).toBe(0);
  });
});

describe("CPU time of a process tree", () => {
  it("counts a reaped grandchild's CPU under its grandparent, and none for a pid that does not exist", async () => {
    const { processTreeCpuMs } = await import("./cpu");
    const supervisor = new Supervisor();
    supervisors.push(supervisor);
    // The child starts a grandchild that spins, reports, and exits; the child reaps it and says so.
    // It spins until it has used 800 ms of CPU (not of wall clock, which a busy machine stretches).
    const spin = "while (process.cpuUsage().user < 800000);";
    const reaped = supervisor.waitForLine("child", /^reaped$/, 60_000);
    const child = supervisor.start(
      node(`require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(spin)}], { stdio: 'inherit' }).on('exit', () => { console.log('reaped'); setInterval(() => {}, 1000); })`),
    );
    await reaped;
    // The child itself only started Node (well under 800 ms): the rest is the grandchild's, through cutime.
    expect(processTreeCpuMs(child.pid!)).toBeGreaterThanOrEqual(800);
    expect(processTreeCpuMs(2 ** 22 + 12345)).toBe(0);
  });
});

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "../db-tooling/embedded-postgres";
import { detectionBoundMs, haproxyConfig } from "./haproxy-config";
import { parseShowStat, showStat } from "./haproxy-stats";
import { Supervisor } from "./supervisor";
import { haproxyBinary, until } from "./start-cluster";

const haproxy = haproxyBinary() ?? "haproxy (not installed: apt-get install -y haproxy)";

const base = {
  frontPort: 4400,
  apps: [
    { name: "app1", port: 4401 },
    { name: "app2", port: 4402 },
  ],
  healthPath: "/api/health/live",
  statsSocket: "/tmp/blueprint-cluster/haproxy.sock",
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
function scratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-haproxy-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("the HAProxy configuration of the cluster", () => {
  it("balances round robin over every app, checks each with GET on the health path, and forwards the client's address", () => {
    const config = haproxyConfig(base);
    expect(config).toMatch(/backend apps\n {4}balance roundrobin\n {4}option httpchk GET \/api\/health\/live\n/);
    expect(config).toContain("    server app1 127.0.0.1:4401 check inter 500ms fall 2 rise 2\n");
    expect(config).toContain("    server app2 127.0.0.1:4402 check inter 500ms fall 2 rise 2\n");
    expect(config).toContain("    option forwardfor\n");
    expect(config).toContain("    bind 127.0.0.1:4400\n");
    expect(config).toContain("    stats socket /tmp/blueprint-cluster/haproxy.sock mode 600 level admin\n");
  });

  it("waits for a server longer than the app waits for a verdict, and retries only refused connections", () => {
    const config = haproxyConfig(base);
    const serverTimeout = Number(/timeout server (\d+)ms/.exec(config)?.[1]);
    expect(serverTimeout).toBeGreaterThan(30_000);
    expect(config).toContain("    retry-on conn-failure\n");
    expect(() => haproxyConfig({ ...base, serverTimeoutMs: 30_000 })).toThrow(/longer than the app's 30 s wait/);
  });

  it("takes the check interval and counts it is given, and bounds the time to notice a dead server by them", () => {
    const config = haproxyConfig({ ...base, checkIntervalMs: 250, fall: 3, rise: 1 });
    expect(config).toContain("server app1 127.0.0.1:4401 check inter 250ms fall 3 rise 1");
    expect(detectionBoundMs({ checkIntervalMs: 250, fall: 3 })).toBe(750);
    expect(detectionBoundMs({})).toBe(1000);
  });

  it("refuses names and paths that would break the file", () => {
    expect(() => haproxyConfig({ ...base, apps: [] })).toThrow(/at least one app/);
    expect(() => haproxyConfig({ ...base, apps: [{ name: "app 1", port: 1 }] })).toThrow(/server name/);
    expect(() => haproxyConfig({ ...base, healthPath: "/api/health live" })).toThrow(/health path/);
  });

  it("is a configuration HAProxy itself accepts", () => {
    const dir = scratch();
    const file = path.join(dir, "haproxy.cfg");
    writeFileSync(file, haproxyConfig({ ...base, statsSocket: path.join(dir, "haproxy.sock") }));
    const check = spawnSync(haproxy, ["-c", "-f", file], { encoding: "utf8" });
    expect(check.stderr + check.stdout).toContain("Configuration file is valid");
    expect(check.status).toBe(0);
  });
});

describe("HAProxy's view of the servers, read from its stats socket", () => {
  it("parses show stat, leaving out the frontend and backend totals", () => {
    const csv = [
      "# pxname,svname,qcur,stot,status,chkfail,chkdown,check_status,",
      "blueprint,FRONTEND,,12,OPEN,,,,",
      "apps,app1,0,7,UP,0,0,L7OK,",
      "apps,app2,0,5,DOWN,3,1,L4CON,",
      "apps,BACKEND,0,12,UP,,1,,",
      "",
    ].join("\n");
    expect(parseShowStat(csv)).toEqual([
      { proxy: "apps", server: "app1", status: "UP", totalSessions: 7, failedChecks: 0, downTransitions: 0, lastCheck: "L7OK" },
      { proxy: "apps", server: "app2", status: "DOWN", totalSessions: 5, failedChecks: 3, downTransitions: 1, lastCheck: "L4CON" },
    ]);
    expect(() => parseShowStat("Unknown command")).toThrow(/not show stat output/);
  });

  it("a real HAProxy marks a server that answers UP and one that refuses connections DOWN, and says so on stderr", async () => {
    const dir = scratch();
    const live: Server = createServer((request, response) => {
      response.writeHead(request.url === "/live" ? 200 : 404).end("ok");
    });
    await new Promise<void>((resolve) => live.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => live.close(() => resolve())));
    const dead = await freePort(); // nothing listens there
    const socket = path.join(dir, "haproxy.sock");
    const file = path.join(dir, "haproxy.cfg");
    writeFileSync(
      file,
      haproxyConfig({
        frontPort: await freePort(),
        apps: [
          { name: "live", port: (live.address() as AddressInfo).port },
          { name: "dead", port: dead },
        ],
        healthPath: "/live",
        statsSocket: socket,
        checkIntervalMs: 100,
      }),
    );
    const supervisor = new Supervisor();
    cleanups.push(() => supervisor.stopAll());
    const downLine = supervisor.waitForLine("haproxy", /Server apps\/dead is DOWN/, 30_000);
    supervisor.start({ name: "haproxy", command: haproxy, args: ["-db", "-f", file], env: process.env });
    expect(await downLine).toMatch(/Server apps\/dead is DOWN/);
    await until("the stats socket answers", async () => (await showStat(socket)).length === 2, 30_000);
    const stats = await showStat(socket);
    expect(stats.find((entry) => entry.server === "dead")).toMatchObject({ status: "DOWN", lastCheck: "L4CON" });
    expect(stats.find((entry) => entry.server === "live")?.status).toBe("UP");
  });
});

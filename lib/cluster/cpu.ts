// CPU time processes have used (Linux /proc), for figures that a busy machine does not skew
// the way wall-clock ones are: the benches divide it by the verdicts a run produced.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
  return ticksPerSecond;
}

interface ProcStat {
  pid: number;
  parent: number;
  group: number;
  /** utime + stime, in clock ticks. */
  own: number;
  /** cutime + cstime: children that exited and were reaped. */
  reaped: number;
}

/** Every live process's /proc/<pid>/stat, the fields these figures use. */
function readProcStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // After "pid (comm) " (comm may hold spaces) come state (0), ppid (1), pgrp (2), ...,
    // utime (11), stime (12), cutime (13), cstime (14).
    const fields = text.slice(text.lastIndexOf(") ") + 2).split(" ");
    stats.push({
      pid: Number(entry),
      parent: Number(fields[1]),
      group: Number(fields[2]),
      own: Number(fields[11]) + Number(fields[12]),
      reaped: Number(fields[13]) + Number(fields[14]),
    });
  }
  return stats;
}

/** utime + stime, in ms, of every live process whose process group is `pgid` (a supervised process and its children). */
export function processGroupCpuMs(pgid: number): number {
  const ticks = readProcStats()
    .filter((stat) => stat.group === pgid)
    .reduce((sum, stat) => sum + stat.own, 0);
  return (ticks * 1000) / clockTicks();
}

/**
 * CPU time (ms) a process and its live descendants have used so far, with the children
 * each has reaped (a judge service's pool children, replaced ones included).
 */
export function processTreeCpuMs(pid: number): number {
  const stats = readProcStats();
  let ticks = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const stat of stats) {
      if (stat.pid === current) ticks += stat.own + stat.reaped;
      if (stat.parent === current) pending.push(stat.pid);
    }
  }
  return (ticks * 1000) / clockTicks();
}

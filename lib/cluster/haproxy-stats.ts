// HAProxy's runtime API over its stats socket: `show stat` tells which servers are in rotation
// (status UP/DOWN) and how many sessions each has taken (stot), without a request through it.
import net from "node:net";

export interface ServerStat {
  proxy: string;
  server: string;
  /** "UP", "DOWN", "UP 1/2" (going down), "DOWN 1/2" (coming up), "MAINT", "no check". */
  status: string;
  /** Sessions the server has taken since HAProxy started. */
  totalSessions: number;
  /** Failed health checks so far. */
  failedChecks: number;
  /** Times the server went from UP to DOWN. */
  downTransitions: number;
  /** What the last check saw, e.g. "L4CON" (connection refused) or "L7OK". */
  lastCheck: string;
}

/** Sends one command to the runtime API and returns its whole answer (HAProxy closes the connection after it). */
export function haproxyCommand(socketPath: string, command: string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    let answer = "";
    socket.setEncoding("utf8");
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`HAProxy's stats socket did not answer "${command}" in ${timeoutMs} ms`)));
    socket.on("connect", () => socket.write(`${command}\n`));
    socket.on("data", (chunk: string) => (answer += chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(answer));
  });
}

/** Parses `show stat`'s CSV (header line "# pxname,svname,..."); frontends and backend totals are left out. */
export function parseShowStat(csv: string): ServerStat[] {
  const lines = csv.split("\n").filter((line) => line.trim() !== "");
  const header = lines.shift();
  if (!header?.startsWith("# ")) throw new Error(`not show stat output: ${JSON.stringify(csv.slice(0, 80))}`);
  const columns = header.slice(2).split(",");
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`show stat has no ${name} column`);
    return index;
  };
  const [pxname, svname, status, stot, chkfail, chkdown, checkStatus] = ["pxname", "svname", "status", "stot", "chkfail", "chkdown", "check_status"].map(at) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return lines
    .map((line) => line.split(","))
    .filter((cells) => cells[svname] !== "FRONTEND" && cells[svname] !== "BACKEND")
    .map((cells) => ({
      proxy: cells[pxname] ?? "",
      server: cells[svname] ?? "",
      status: cells[status] ?? "",
      totalSessions: Number(cells[stot] || 0),
      failedChecks: Number(cells[chkfail] || 0),
      downTransitions: Number(cells[chkdown] || 0),
      lastCheck: cells[checkStatus] ?? "",
    }));
}

export async function showStat(socketPath: string): Promise<ServerStat[]> {
  return parseShowStat(await haproxyCommand(socketPath, "show stat"));
}

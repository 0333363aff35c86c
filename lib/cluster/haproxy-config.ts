// The HAProxy configuration `npm run cluster` writes into its data folder. HAProxy and not
// nginx OSS because its active health checks take a dead app server out of rotation before a
// learner's request finds it (decision 021); the numbers below are that decision's.

export interface HaproxyServer {
  name: string;
  port: number;
}

export interface HaproxyOptions {
  /** The one port learners reach. */
  frontPort: number;
  apps: HaproxyServer[];
  /** The app's cheap liveness path (GET, 200 while the process serves). */
  healthPath: string;
  /** Unix socket for `show stat` and server state changes (tests and operators). */
  statsSocket: string;
  /** Health check every `checkIntervalMs`; `fall` failures take a server out, `rise` successes bring it back. */
  checkIntervalMs?: number;
  fall?: number;
  rise?: number;
  /** Longer than the app's wait for a verdict (30 s), so HAProxy never cuts a judged submit short. */
  serverTimeoutMs?: number;
}

export const HAPROXY_DEFAULTS = { checkIntervalMs: 500, fall: 2, rise: 2, serverTimeoutMs: 60_000 } as const;

/** The longest a killed app server can stay in rotation: `fall` checks, each `inter` apart. */
export function detectionBoundMs(options: Pick<HaproxyOptions, "checkIntervalMs" | "fall">): number {
  return (options.checkIntervalMs ?? HAPROXY_DEFAULTS.checkIntervalMs) * (options.fall ?? HAPROXY_DEFAULTS.fall);
}

const NAME = /^[A-Za-z0-9_-]+$/;

export function haproxyConfig(options: HaproxyOptions): string {
  const inter = options.checkIntervalMs ?? HAPROXY_DEFAULTS.checkIntervalMs;
  const fall = options.fall ?? HAPROXY_DEFAULTS.fall;
  const rise = options.rise ?? HAPROXY_DEFAULTS.rise;
  const serverTimeout = options.serverTimeoutMs ?? HAPROXY_DEFAULTS.serverTimeoutMs;
  if (options.apps.length === 0) throw new Error("the cluster needs at least one app server");
  if (serverTimeout <= 30_000) throw new Error(`timeout server ${serverTimeout} ms must be longer than the app's 30 s wait for a verdict`);
  for (const server of options.apps) {
    if (!NAME.test(server.name)) throw new Error(`server name "${server.name}" must be letters, digits, - or _`);
  }
  if (!options.healthPath.startsWith("/") || /\s/.test(options.healthPath)) throw new Error(`health path "${options.healthPath}" must be an absolute path without spaces`);
  // A check slower than this counts as failed: long enough that a loaded but live app is not
  // taken out, short beside `fall * inter` so that a hung one is.
  const checkTimeout = Math.max(inter * 4, 1000);
  const server = (entry: HaproxyServer) => `    server ${entry.name} 127.0.0.1:${entry.port} check inter ${inter}ms fall ${fall} rise ${rise}`;
  const lines = [
    "# Written by npm run cluster (lib/cluster/haproxy-config.ts) at every start: edit that file, not this one.",
    "global",
    `    stats socket ${options.statsSocket} mode 600 level admin`,
    "    maxconn 4096",
    "",
    "defaults",
    "    mode http",
    "    timeout connect 2s",
    "    timeout client 65s",
    `    timeout server ${serverTimeout}ms`,
    `    timeout check ${checkTimeout}ms`,
    "    timeout http-request 10s",
    // A request whose server refused the connection (killed, not yet marked down) goes to
    // another server; only connection failures, so a submit the app may have taken is never sent twice.
    "    retries 3",
    "    option redispatch 1",
    "    retry-on conn-failure",
    // One connection per request to the app: Node's 5 s keep-alive can close a pooled
    // connection just as HAProxy reuses it, and a POST then could not be retried safely.
    "    option http-server-close",
    "",
    "frontend blueprint",
    `    bind 127.0.0.1:${options.frontPort}`,
    // The app trusts X-Forwarded-For from 127.0.0.1 (BLUEPRINT_TRUSTED_PROXIES): the learner's address survives.
    "    option forwardfor",
    "    default_backend apps",
    "",
    "backend apps",
    "    balance roundrobin",
    `    option httpchk GET ${options.healthPath}`,
    "    http-check expect status 200",
    ...options.apps.map(server),
  ];
  return `${lines.join("\n")}\n`;
}

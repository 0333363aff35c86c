// solution-canary:proxy (tests/e2e/bundle.spec.ts: this string must never reach a browser)
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

interface ParsedUrl {
  scheme: string;
  host: string;
  port: number | undefined;
}

/** Lower-case, without one trailing dot: "WWW.Example.COM." -> "www.example.com". */
function normalizeHost(host: string): string {
  const lower = host.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/** Scheme, host and explicit port of an absolute URL with an authority, or null if it does not parse. */
function parseUrl(url: string): ParsedUrl | null {
  const head = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  if (!head) return null;
  const scheme = head[1]!.toLowerCase();
  const rest = url.slice(head[0].length);
  // The authority runs until the path, the query or the fragment starts.
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  // Everything up to the last "@" is userinfo.
  const hostAndPort = authority.slice(authority.lastIndexOf("@") + 1);

  let host: string;
  let portText: string | undefined;
  if (hostAndPort.startsWith("[")) {
    const close = hostAndPort.indexOf("]");
    if (close < 0) return null;
    host = hostAndPort.slice(0, close + 1);
    const after = hostAndPort.slice(close + 1);
    if (after !== "" && !after.startsWith(":")) return null;
    portText = after === "" ? undefined : after.slice(1);
  } else {
    const colon = hostAndPort.indexOf(":");
    host = colon < 0 ? hostAndPort : hostAndPort.slice(0, colon);
    portText = colon < 0 ? undefined : hostAndPort.slice(colon + 1);
  }
  if (host === "" || host === "." || /[\s<>^|%\\]/.test(host)) return null;

  let port: number | undefined;
  if (portText !== undefined && portText !== "") {
    if (!/^\d+$/.test(portText)) return null;
    port = Number(portText);
    if (port > 65535) return null;
  }
  return { scheme, host: normalizeHost(host), port };
}

export function forwardProxyAllows(url: string, policy: { blockedDomains: string[]; allowedPorts?: number[] }): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  const port = parsed.port ?? DEFAULT_PORTS[parsed.scheme];
  if (port === undefined) return false;
  if (!(policy.allowedPorts ?? [80, 443]).includes(port)) return false;
  for (const entry of policy.blockedDomains) {
    const domain = normalizeHost(entry);
    if (domain === "") continue;
    if (parsed.host === domain || parsed.host.endsWith(`.${domain}`)) return false;
  }
  return true;
}

export function reverseProxyHeaders(
  incoming: Record<string, string>,
  ctx: { clientIp: string; upstreamHost: string; proto: "http" | "https" },
): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) lower[name.toLowerCase()] = value;

  // Headers the client named in Connection are for this hop only, like the fixed list.
  const dropped = new Set(HOP_BY_HOP);
  for (const token of (lower["connection"] ?? "").split(",")) {
    const name = token.trim().toLowerCase();
    if (name !== "") dropped.add(name);
  }

  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(lower)) if (!dropped.has(name)) out[name] = value;

  const chain = out["x-forwarded-for"];
  out["x-forwarded-for"] = chain === undefined || chain.trim() === "" ? ctx.clientIp : `${chain}, ${ctx.clientIp}`;
  out["x-real-ip"] = out["x-forwarded-for"].split(",")[0]!.trim();
  out["x-forwarded-proto"] = ctx.proto;
  const host = lower["host"];
  if (host === undefined) delete out["x-forwarded-host"];
  else out["x-forwarded-host"] = host;
  out["host"] = ctx.upstreamHost;
  return out;
}

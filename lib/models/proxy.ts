// Pure logic behind the proxy model: a forward proxy's verdict on a URL, and the
// headers a request carries at each hop on its way through reverse proxies.

export const BLOCKED = ["example.com", "casino.example"];

export const PRESET_URLS = [
  "https://www.example.com/login",
  "https://badexample.com/",
  "http://example.org@example.com/",
  "https://EXAMPLE.COM./",
  "https://docs.example.org/a@example.com",
  "http://news.example.org:8080/",
  "ftp://files.example.org/readme.txt",
  "https://casino.example/",
];

export interface UrlVerdict {
  allowed: boolean;
  reason: string;
  scheme?: string;
  userinfo?: string;
  host?: string;
  port?: number;
  portFrom?: "url" | "scheme default";
}

/** A forward proxy's decision, with each parsed part so the model can show its work. */
export function judgeUrl(url: string, blocked: string[] = BLOCKED, allowedPorts: number[] = [80, 443]): UrlVerdict {
  const head = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  if (!head) return { allowed: false, reason: "not an absolute URL with scheme://" };
  const scheme = head[1]!.toLowerCase();
  const rest = url.slice(head[0].length);
  const end = rest.search(/[/?#]/);
  const authority = end < 0 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf("@");
  const userinfo = at < 0 ? undefined : authority.slice(0, at);
  const hostPort = authority.slice(at + 1);
  let rawHost = hostPort;
  let portText: string | undefined;
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) return { allowed: false, reason: "unclosed [ in an IPv6 host", scheme, userinfo };
    rawHost = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after !== "" && !after.startsWith(":")) return { allowed: false, reason: "junk after the IPv6 host", scheme, userinfo };
    portText = after === "" ? undefined : after.slice(1);
  } else {
    const colon = hostPort.indexOf(":");
    if (colon >= 0) {
      rawHost = hostPort.slice(0, colon);
      portText = hostPort.slice(colon + 1);
    }
  }
  let host = rawHost.toLowerCase();
  if (host.endsWith(".")) host = host.slice(0, -1);
  if (host === "") return { allowed: false, reason: "the URL has no host", scheme, userinfo };
  let port: number | undefined;
  let portFrom: UrlVerdict["portFrom"];
  if (portText !== undefined && portText !== "") {
    if (!/^\d+$/.test(portText) || Number(portText) > 65535) return { allowed: false, reason: `"${portText}" is not a port`, scheme, userinfo, host };
    port = Number(portText);
    portFrom = "url";
  } else if (scheme === "http" || scheme === "https") {
    port = scheme === "http" ? 80 : 443;
    portFrom = "scheme default";
  }
  const parts = { scheme, userinfo, host, port, portFrom };
  if (port === undefined) return { ...parts, allowed: false, reason: `${scheme} has no default port and the URL gives none` };
  if (!allowedPorts.includes(port)) return { ...parts, allowed: false, reason: `port ${port} is not in the allowed ports ${allowedPorts.join(", ")}` };
  for (const entry of blocked) {
    let domain = entry.toLowerCase();
    if (domain.endsWith(".")) domain = domain.slice(0, -1);
    if (host === domain) return { ...parts, allowed: false, reason: `${host} is on the block list` };
    if (host.endsWith(`.${domain}`)) return { ...parts, allowed: false, reason: `${host} is a subdomain of blocked ${domain}` };
  }
  return { ...parts, allowed: true, reason: `${host} is not blocked and port ${port} is allowed` };
}

// ---- reverse proxies ---------------------------------------------------------------

export const HOP_BY_HOP = ["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"];

export interface HeaderLine {
  name: string;
  value: string;
  change: "kept" | "added" | "changed" | "removed";
}

export interface Hop {
  label: string; // who receives this request
  peer: string; // the address this receiver sees the connection come from
  headers: HeaderLine[];
}

export interface ChainOptions {
  viaCdn: boolean;
  forgedXff: boolean;
  connectionListsDebug: boolean;
  clientProto: "http" | "https";
}

export const CLIENT_IP = "203.0.113.7";
export const CDN_IP = "198.51.100.20";
export const PROXY_IP = "10.0.0.2";
export const FORGED = "10.1.1.1";

/** What one reverse proxy sends upstream, following the same rules as the challenge. */
export function forward(incoming: Record<string, string>, clientIp: string, upstreamHost: string, proto: "http" | "https"): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) lower[name.toLowerCase()] = value;
  const drop = new Set(HOP_BY_HOP);
  for (const token of (lower["connection"] ?? "").split(",")) if (token.trim()) drop.add(token.trim().toLowerCase());
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(lower)) if (!drop.has(name)) out[name] = value;
  const chain = out["x-forwarded-for"];
  out["x-forwarded-for"] = chain ? `${chain}, ${clientIp}` : clientIp;
  out["x-real-ip"] = out["x-forwarded-for"].split(",")[0]!.trim();
  out["x-forwarded-proto"] = proto;
  if (lower["host"] !== undefined) out["x-forwarded-host"] = lower["host"];
  out["host"] = upstreamHost;
  return out;
}

function diff(before: Record<string, string>, after: Record<string, string>): HeaderLine[] {
  const lowerBefore = new Map(Object.entries(before).map(([n, v]) => [n.toLowerCase(), v]));
  const lines: HeaderLine[] = [];
  for (const [name, value] of Object.entries(after)) {
    const old = lowerBefore.get(name);
    lines.push({ name, value, change: old === undefined ? "added" : old === value ? "kept" : "changed" });
  }
  for (const [name, value] of lowerBefore) if (!(name in after)) lines.push({ name, value, change: "removed" });
  return lines;
}

/** The client as your own proxies saw it: walk X-Forwarded-For from the right, skipping trusted proxies. */
export function trustedClient(chain: string, trusted: string[]): string {
  const hops = chain.split(",").map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i > 0; i--) if (!trusted.includes(hops[i]!)) return hops[i]!;
  return hops[0] ?? "";
}

export function buildChain(options: ChainOptions): { hops: Hop[]; app: Record<string, string>; trustedClientIp: string } {
  const sent: Record<string, string> = { Host: "shop.example.com", Accept: "text/html", Connection: "keep-alive" };
  if (options.forgedXff) sent["X-Forwarded-For"] = FORGED;
  if (options.connectionListsDebug) {
    sent["Connection"] = "keep-alive, X-Debug";
    sent["X-Debug"] = "verbose";
  }
  const hops: Hop[] = [];
  let current = sent;
  let peer = CLIENT_IP;
  let proto = options.clientProto;
  const first: Hop = { label: options.viaCdn ? "CDN edge receives" : "Reverse proxy receives", peer, headers: diff({}, sent).map((l) => ({ ...l, change: "kept" })) };
  hops.push(first);
  if (options.viaCdn) {
    // The CDN is configured to keep the site's Host, so the origin still sees shop.example.com.
    const next = forward(current, peer, "shop.example.com", proto);
    hops.push({ label: "Reverse proxy receives", peer: CDN_IP, headers: diff(current, next) });
    current = next;
    peer = CDN_IP;
    proto = "https"; // the CDN reaches the origin over TLS
  }
  const app = forward(current, peer, "app-7.internal:8080", proto);
  hops.push({ label: "App server receives", peer: PROXY_IP, headers: diff(current, app) });
  const trustedClientIp = trustedClient(app["x-forwarded-for"] ?? "", options.viaCdn ? [CDN_IP] : []);
  return { hops, app, trustedClientIp };
}

export function describeProxy(verdict: UrlVerdict, url: string, options: ChainOptions): string {
  const { app, trustedClientIp } = buildChain(options);
  const forwardText = `Forward proxy: ${url || "(empty URL)"} is ${verdict.allowed ? "allowed" : "blocked"} because ${verdict.reason}.`;
  const reverseText =
    `Reverse proxy${options.viaCdn ? " behind a CDN" : ""}: the app sees the connection from ${PROXY_IP}, X-Forwarded-For ${app["x-forwarded-for"]}, ` +
    `X-Real-IP ${app["x-real-ip"]}, X-Forwarded-Proto ${app["x-forwarded-proto"]}, Host ${app["host"]}.` +
    (app["x-real-ip"] !== trustedClientIp ? ` The first entry is forged; walking the chain from the right gives the real client ${trustedClientIp}.` : "") +
    (options.connectionListsDebug ? " X-Debug was named in Connection, so it was dropped at the first hop." : "");
  return `${forwardText} ${reverseText}`;
}

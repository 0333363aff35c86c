/**
 * Forward proxy policy. Parse the URL by hand (there is no URL class in the sandbox):
 * scheme "://" [userinfo "@"] host [":" port], then an optional path, query or fragment.
 * The host may be a bracketed IPv6 literal such as [2001:db8::1].
 */
export function forwardProxyAllows(url: string, policy: { blockedDomains: string[]; allowedPorts?: number[] }): boolean {
  // TODO: find the host and port, check the port, then the blocked domains and their subdomains.
  const host = url.split("/")[2] ?? "";
  return !policy.blockedDomains.includes(host);
}

/** The headers a reverse proxy sends upstream for one incoming request. */
export function reverseProxyHeaders(
  incoming: Record<string, string>,
  ctx: { clientIp: string; upstreamHost: string; proto: "http" | "https" },
): Record<string, string> {
  // TODO: lower-case names, drop hop-by-hop headers, extend x-forwarded-for, set
  // x-real-ip, x-forwarded-proto, x-forwarded-host and host.
  return { ...incoming, host: ctx.upstreamHost };
}

import { expect, randomInt, seededRandom, test } from "@blueprint/test";
import { forwardProxyAllows, reverseProxyHeaders } from "./solution";

const OFFICE = { blockedDomains: ["facebook.com", "casino.example"] };

/** Runs checks and prefixes a failure with what was being checked. */
function within(label: string, checks: () => void): void {
  try {
    checks();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${label}: ${message}`);
  }
}

function expectVerdicts(policy: { blockedDomains: string[]; allowedPorts?: number[] }, cases: Array<[string, boolean]>): void {
  for (const [url, allowed] of cases) within(url, () => expect(forwardProxyAllows(url, policy)).toBe(allowed));
}

// ---- forward proxy: domains -------------------------------------------------------

test("forward proxy lets ordinary http and https URLs through", () => {
  expectVerdicts(OFFICE, [
    ["http://example.org/", true],
    ["https://docs.example.org/guide?page=2#top", true],
    ["https://example.org", true],
  ]);
});

test("forward proxy blocks a listed domain and every subdomain of it", () => {
  expectVerdicts(OFFICE, [
    ["https://facebook.com/", false],
    ["https://www.facebook.com/login", false],
    ["http://a.b.c.facebook.com/deep/path", false],
    ["https://casino.example/roulette", false],
  ]);
});

test("forward proxy does not block look-alike hosts", () => {
  expectVerdicts(OFFICE, [
    ["https://notfacebook.com/", true],
    ["https://facebook.com.mirror.example.org/", true],
    ["https://facebook.co/", true],
    ["https://book.com/", true],
  ]);
});

test("forward proxy compares hosts case-insensitively, on both sides", () => {
  expectVerdicts(OFFICE, [
    ["https://WWW.FaceBook.COM/", false],
    ["https://Casino.Example/", false],
  ]);
  expectVerdicts({ blockedDomains: ["Hidden-Canary.Example"] }, [
    ["https://api.hidden-canary.example/", false],
    ["https://hidden-canary:proxy@example.org/", true],
  ]);
});

test("forward proxy ignores a trailing dot, on both sides", () => {
  expectVerdicts(OFFICE, [
    ["https://facebook.com./", false],
    ["https://www.facebook.com.:443/", false],
  ]);
  expectVerdicts({ blockedDomains: ["tracker.example."] }, [
    ["https://tracker.example/pixel.gif", false],
    ["https://img.tracker.example/pixel.gif", false],
    ["https://tracker.example.org/", true],
  ]);
});

test("forward proxy reads the host after any userinfo", () => {
  expectVerdicts(OFFICE, [
    ["http://user:secret@facebook.com/", false],
    ["http://example.org@facebook.com/", false],
    ["http://facebook.com@example.org/", true],
    ["http://facebook.com:443@example.org/", true],
  ]);
});

test("forward proxy does not take an @ in the path or query for userinfo", () => {
  expectVerdicts(OFFICE, [
    ["https://example.org/redirect@facebook.com", true],
    ["https://example.org?next=me@facebook.com", true],
    ["https://facebook.com/users/@example.org", false],
  ]);
});

test("forward proxy finds blocked hosts among random look-alikes", () => {
  const random = seededRandom(1234);
  const labels = ["mail", "www", "api", "shop", "cdn", "ads", "video", "x", "news", "login"];
  const label = () => labels[randomInt(random, 0, labels.length - 1)]!;
  const shout = (text: string) => [...text].map((c) => (random() < 0.3 ? c.toUpperCase() : c)).join("");
  for (let round = 0; round < 300; round++) {
    const host = Array.from({ length: randomInt(random, 1, 4) }, label).join(".") + ".test";
    const parts = host.split(".");
    const suffix = parts.slice(randomInt(random, 0, parts.length - 1)).join(".");
    const kind = randomInt(random, 0, 3);
    // A real suffix at a label boundary, the same suffix glued to another label, or an unrelated domain.
    const blocked = kind === 0 ? `x${suffix}` : kind === 1 ? `${label()}.other` : suffix;
    const expected = !(host === blocked || host.endsWith(`.${blocked}`));
    const url = `https://${shout(host)}${random() < 0.2 ? "." : ""}/p`;
    const entry = `${shout(blocked)}${random() < 0.2 ? "." : ""}`;
    within(`${url} with ${entry} blocked`, () => expect(forwardProxyAllows(url, { blockedDomains: [entry] })).toBe(expected));
  }
});

// ---- forward proxy: ports and schemes ---------------------------------------------

test("forward proxy allows ports 80 and 443 by default, explicit or implied", () => {
  expectVerdicts(OFFICE, [
    ["http://example.org:80/", true],
    ["https://example.org:443/", true],
    ["http://example.org:443/", true],
    ["https://example.org:80/", true],
    ["http://example.org:8080/", false],
    ["https://example.org:8443/", false],
    ["http://example.org:22/", false],
  ]);
});

test("forward proxy uses allowedPorts instead of the defaults when given", () => {
  const policy = { blockedDomains: [], allowedPorts: [8080, 443] };
  expectVerdicts(policy, [
    ["http://example.org:8080/", true],
    ["https://example.org/", true],
    ["http://example.org/", false],
    ["http://example.org:80/", false],
  ]);
  expectVerdicts({ blockedDomains: [], allowedPorts: [] }, [["https://example.org/", false]]);
});

test("forward proxy gives only http and https a default port", () => {
  expectVerdicts(OFFICE, [
    ["ftp://files.example.org/pub/readme.txt", false],
    ["ws://chat.example.org/socket", false],
    ["wss://chat.example.org/socket", false],
    ["gopher://example.org/", false],
  ]);
});

test("forward proxy checks the explicit port of any scheme", () => {
  expectVerdicts({ blockedDomains: [], allowedPorts: [21, 443] }, [
    ["ftp://files.example.org:21/pub/", true],
    ["wss://chat.example.org:443/socket", true],
    ["ftp://files.example.org:2121/pub/", false],
  ]);
});

test("forward proxy still blocks a listed domain on an allowed port", () => {
  expectVerdicts(OFFICE, [
    ["https://facebook.com:443/", false],
    ["http://www.facebook.com:80/", false],
  ]);
});

test("forward proxy understands bracketed IPv6 hosts", () => {
  expectVerdicts(OFFICE, [
    ["http://[2001:db8::1]/", true],
    ["https://[2001:db8::1]:443/x", true],
    ["http://[2001:db8::1]:8080/", false],
    ["http://[2001:db8::1]x/", false],
  ]);
  expectVerdicts({ blockedDomains: ["[2001:db8::1]"] }, [
    ["http://[2001:db8::1]/", false],
    ["https://[2001:db8::1]:443/", false],
    ["https://[2001:db8::2]:443/", true],
  ]);
});

test("forward proxy reads a host that has no path after it", () => {
  expectVerdicts(OFFICE, [
    ["https://facebook.com", false],
    ["http://www.facebook.com:80", false],
    ["https://example.org", true],
  ]);
});

test("forward proxy refuses what does not parse as a URL", () => {
  expectVerdicts(OFFICE, [
    ["", false],
    ["not a url", false],
    ["example.org", false],
    ["//example.org/", false],
    ["http://", false],
    ["http://:80/", false],
    ["http://example.org:80x/", false],
    ["http://example.org:https/", false],
    ["http://example.org:+443/", false],
    ["http://example.org:0x50/", false],
    ["http://example.org:443e0/", false],
    ["abc:http://example.org/", false],
  ]);
  // Ports run to 65535; a larger one does not parse, whatever the policy lists.
  expectVerdicts({ blockedDomains: [], allowedPorts: [65535, 65536] }, [
    ["http://example.org:65535/", true],
    ["http://example.org:65536/", false],
  ]);
});

// ---- reverse proxy ------------------------------------------------------------------

const CTX = { clientIp: "198.51.100.20", upstreamHost: "app-7.internal:8080", proto: "https" as const };

test("reverse proxy sets the forwarding headers and the upstream host", () => {
  const out = reverseProxyHeaders({ Host: "shop.example.com", Accept: "text/html", "User-Agent": "Mozilla/5.0" }, CTX);
  expect(out).toEqual({
    host: "app-7.internal:8080",
    accept: "text/html",
    "user-agent": "Mozilla/5.0",
    "x-forwarded-for": "198.51.100.20",
    "x-real-ip": "198.51.100.20",
    "x-forwarded-proto": "https",
    "x-forwarded-host": "shop.example.com",
  });
});

test("reverse proxy lower-cases header names and keeps values as they are", () => {
  const out = reverseProxyHeaders({ "Content-Type": "Application/JSON; Charset=UTF-8", "X-Request-ID": "AbC-123", COOKIE: "a=B" }, CTX);
  expect(out["content-type"]).toBe("Application/JSON; Charset=UTF-8");
  expect(out["x-request-id"]).toBe("AbC-123");
  expect(out["cookie"]).toBe("a=B");
  for (const name of Object.keys(out)) expect(name).toBe(name.toLowerCase());
});

test("reverse proxy drops every hop-by-hop header, whatever its case", () => {
  const out = reverseProxyHeaders(
    {
      Host: "shop.example.com",
      Connection: "keep-alive",
      "Keep-Alive": "timeout=5",
      "Proxy-Authenticate": "Basic",
      "PROXY-AUTHORIZATION": "Basic dXNlcjpwYXNz",
      TE: "trailers",
      Trailer: "Expires",
      "Transfer-Encoding": "chunked",
      Upgrade: "websocket",
      Accept: "*/*",
    },
    CTX,
  );
  const hopByHop = ["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"];
  for (const name of hopByHop) within(name, () => expect(out[name]).toBeUndefined());
  expect(out["accept"]).toBe("*/*");
});

test("reverse proxy drops the headers the Connection header names", () => {
  const out = reverseProxyHeaders(
    { Host: "h.example", Connection: "close, X-Debug-Token ,x-Internal-Trace", "x-debug-token": "t0k", "X-Internal-Trace": "1", "x-kept": "yes" },
    CTX,
  );
  expect(out["x-debug-token"]).toBeUndefined();
  expect(out["x-internal-trace"]).toBeUndefined();
  expect(out["x-kept"]).toBe("yes");
  expect(out["connection"]).toBeUndefined();
});

test("reverse proxy appends the client to an existing X-Forwarded-For chain", () => {
  const one = reverseProxyHeaders({ Host: "h.example", "X-Forwarded-For": "203.0.113.7" }, CTX);
  expect(one["x-forwarded-for"]).toBe("203.0.113.7, 198.51.100.20");
  const two = reverseProxyHeaders({ Host: "h.example", "x-forwarded-for": "203.0.113.7, 192.0.2.44" }, CTX);
  expect(two["x-forwarded-for"]).toBe("203.0.113.7, 192.0.2.44, 198.51.100.20");
});

test("reverse proxy treats an empty X-Forwarded-For as no chain", () => {
  const out = reverseProxyHeaders({ Host: "h.example", "X-Forwarded-For": "" }, CTX);
  expect(out["x-forwarded-for"]).toBe("198.51.100.20");
  expect(out["x-real-ip"]).toBe("198.51.100.20");
});

test("reverse proxy sets X-Real-IP to the first address of the chain", () => {
  const direct = reverseProxyHeaders({ Host: "h.example", "X-Real-IP": "10.9.9.9" }, CTX);
  expect(direct["x-real-ip"]).toBe("198.51.100.20");
  const chained = reverseProxyHeaders({ Host: "h.example", "X-Forwarded-For": "203.0.113.7, 192.0.2.44", "X-Real-IP": "10.9.9.9" }, CTX);
  expect(chained["x-real-ip"]).toBe("203.0.113.7");
});

test("reverse proxy handles IPv6 client addresses in the chain", () => {
  const out = reverseProxyHeaders({ Host: "h.example", "X-Forwarded-For": "2001:db8::7" }, { ...CTX, clientIp: "2001:db8:ffff::1" });
  expect(out["x-forwarded-for"]).toBe("2001:db8::7, 2001:db8:ffff::1");
  expect(out["x-real-ip"]).toBe("2001:db8::7");
});

test("reverse proxy overwrites X-Forwarded-Proto with the proto it received", () => {
  const out = reverseProxyHeaders({ Host: "h.example", "X-Forwarded-Proto": "https" }, { ...CTX, proto: "http" });
  expect(out["x-forwarded-proto"]).toBe("http");
});

test("reverse proxy sets X-Forwarded-Host from the incoming Host, not from the client's claim", () => {
  const out = reverseProxyHeaders({ HOST: "Shop.Example.com", "X-Forwarded-Host": "evil.example" }, CTX);
  expect(out["x-forwarded-host"]).toBe("Shop.Example.com");
  expect(out["host"]).toBe("app-7.internal:8080");
});

test("reverse proxy omits X-Forwarded-Host when the request has no Host", () => {
  const out = reverseProxyHeaders({ Accept: "*/*" }, { clientIp: "192.0.2.1", upstreamHost: "api.internal", proto: "http" });
  expect(out).toEqual({
    accept: "*/*",
    host: "api.internal",
    "x-forwarded-for": "192.0.2.1",
    "x-real-ip": "192.0.2.1",
    "x-forwarded-proto": "http",
  });
  expect(Object.keys(out)).not.toContain("x-forwarded-host");
  // A client's own X-Forwarded-Host claim does not survive when there is no Host to replace it.
  const claimed = reverseProxyHeaders({ "X-Forwarded-Host": "evil.example" }, CTX);
  expect(Object.keys(claimed)).not.toContain("x-forwarded-host");
});

test("reverse proxy matches the rules over random header sets", () => {
  const random = seededRandom(808);
  const names = ["Accept", "Cookie", "X-Trace", "X-Debug", "Cache-Control", "Keep-Alive", "Upgrade", "TE", "Trailer", "X-Feature"];
  const mixCase = (text: string) => [...text].map((c) => (random() < 0.5 ? c.toUpperCase() : c.toLowerCase())).join("");
  for (let round = 0; round < 200; round++) {
    const incoming: Record<string, string> = {};
    const chosen = names.filter(() => random() < 0.5);
    for (const name of chosen) incoming[mixCase(name)] = `v-${randomInt(random, 0, 999)}`;
    const listed = chosen.filter(() => random() < 0.3).map((name) => mixCase(name));
    if (listed.length > 0 || random() < 0.3) incoming[mixCase("Connection")] = ["close", ...listed].join(random() < 0.5 ? ", " : ",");
    const hops = Array.from({ length: randomInt(random, 0, 3) }, () => `192.0.2.${randomInt(random, 1, 254)}`);
    if (hops.length > 0) incoming[mixCase("X-Forwarded-For")] = hops.join(", ");
    const hasHost = random() < 0.8;
    if (hasHost) incoming[mixCase("Host")] = "www.example.com";
    const clientIp = `203.0.113.${randomInt(random, 1, 254)}`;

    const expected: Record<string, string> = {};
    const drop = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);
    for (const name of listed) drop.add(name.toLowerCase());
    for (const [name, value] of Object.entries(incoming)) {
      const lower = name.toLowerCase();
      if (!drop.has(lower) && lower !== "x-forwarded-for" && lower !== "host") expected[lower] = value;
    }
    const chain = [...hops, clientIp];
    expected["x-forwarded-for"] = chain.join(", ");
    expected["x-real-ip"] = chain[0]!;
    expected["x-forwarded-proto"] = "https";
    if (hasHost) expected["x-forwarded-host"] = "www.example.com";
    expected["host"] = "origin.internal";

    const out = reverseProxyHeaders(incoming, { clientIp, upstreamHost: "origin.internal", proto: "https" });
    within(`incoming ${JSON.stringify(incoming)}`, () => expect(out).toEqual(expected));
  }
});

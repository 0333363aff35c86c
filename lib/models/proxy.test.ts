import { describe, expect, test } from "vitest";
import { CLIENT_IP, FORGED, buildChain, describeProxy, forward, judgeUrl, trustedClient } from "./proxy";

describe("proxy model: forward proxy verdicts", () => {
  test("blocks a domain and its subdomains but not look-alikes", () => {
    expect(judgeUrl("https://www.example.com/login").allowed).toBe(false);
    expect(judgeUrl("https://badexample.com/").allowed).toBe(true);
    expect(judgeUrl("https://EXAMPLE.COM./").allowed).toBe(false);
  });

  test("reads the host after the userinfo, and not from the path", () => {
    const tricky = judgeUrl("http://example.org@example.com/");
    expect(tricky.host).toBe("example.com");
    expect(tricky.userinfo).toBe("example.org");
    expect(tricky.allowed).toBe(false);
    expect(judgeUrl("https://docs.example.org/a@example.com").allowed).toBe(true);
  });

  test("ports: defaults for http and https only", () => {
    expect(judgeUrl("http://news.example.org:8080/").reason).toContain("port 8080");
    expect(judgeUrl("ftp://files.example.org/readme.txt").allowed).toBe(false);
    expect(judgeUrl("https://example.org").port).toBe(443);
    expect(judgeUrl("nonsense").allowed).toBe(false);
  });
});

describe("proxy model: reverse proxy headers", () => {
  test("one hop drops hop-by-hop headers and extends the chain", () => {
    const out = forward({ Host: "a.example", Connection: "keep-alive, X-Debug", "X-Debug": "1", "X-Forwarded-For": "192.0.2.1" }, "198.51.100.9", "app:80", "https");
    expect(out).toEqual({
      host: "app:80",
      "x-forwarded-for": "192.0.2.1, 198.51.100.9",
      "x-real-ip": "192.0.2.1",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "a.example",
    });
  });

  test("a forged first entry fools X-Real-IP but not a walk from the right", () => {
    const { app, trustedClientIp } = buildChain({ viaCdn: true, forgedXff: true, connectionListsDebug: false, clientProto: "https" });
    expect(app["x-real-ip"]).toBe(FORGED);
    expect(trustedClientIp).toBe(CLIENT_IP);
    expect(trustedClient("1.1.1.1, 2.2.2.2, 3.3.3.3", ["3.3.3.3"])).toBe("2.2.2.2");
  });

  test("the chain has one more hop through a CDN and marks what changed", () => {
    const direct = buildChain({ viaCdn: false, forgedXff: false, connectionListsDebug: true, clientProto: "http" });
    const viaCdn = buildChain({ viaCdn: true, forgedXff: false, connectionListsDebug: true, clientProto: "http" });
    expect(direct.hops).toHaveLength(2);
    expect(viaCdn.hops).toHaveLength(3);
    const removed = direct.hops[1]!.headers.filter((h) => h.change === "removed").map((h) => h.name);
    expect(removed).toEqual(expect.arrayContaining(["connection", "x-debug"]));
    expect(direct.app["x-forwarded-proto"]).toBe("http");
    expect(viaCdn.app["x-forwarded-proto"]).toBe("https");
  });

  test("the text alternative states the verdict and the addresses", () => {
    const text = describeProxy(judgeUrl("https://badexample.com/"), "https://badexample.com/", { viaCdn: false, forgedXff: true, connectionListsDebug: false, clientProto: "https" });
    expect(text).toContain("allowed");
    expect(text).toContain(FORGED);
    expect(text).toContain("forged");
  });
});

import { createClock, expect, settle, test } from "@blueprint/test";
import { EdgeCache, type EdgeResult, type OriginResponse } from "./solution";

/** A response with an optional cache-control header. */
function reply(status: number, body: string, cacheControl?: string): OriginResponse {
  return { status, body, headers: cacheControl === undefined ? {} : { "cache-control": cacheControl } };
}

/** An origin that answers from a script (a response, or an Error to throw) and counts calls. */
function scripted(answer: (path: string, call: number) => OriginResponse | Error) {
  const calls: string[] = [];
  const origin = async (path: string): Promise<OriginResponse> => {
    calls.push(path);
    const result = answer(path, calls.length);
    if (result instanceof Error) throw result;
    return result;
  };
  return { origin, calls };
}

/** An origin whose calls stay pending until the test settles them. */
function manual() {
  const pending: Array<{ path: string; resolve: (r: OriginResponse) => void; reject: (e: unknown) => void }> = [];
  let calls = 0;
  const origin = (path: string): Promise<OriginResponse> => {
    calls++;
    return new Promise((resolve, reject) => pending.push({ path, resolve, reject }));
  };
  /** Settles every call still pending (so a wrong solution fails instead of hanging). */
  const resolveAll = (response: OriginResponse) => {
    for (const call of pending.splice(0)) call.resolve(response);
  };
  const rejectAll = (error: unknown) => {
    for (const call of pending.splice(0)) call.reject(error);
  };
  return { origin, pending, calls: () => calls, resolveAll, rejectAll };
}

/** The three graded fields, so extra fields on a result do not matter. */
function view(result: EdgeResult) {
  return { status: result.status, body: result.body, cache: result.cache };
}

/**
 * Waits for every caller and lists what each got. Handlers are attached at once, so a
 * rejection is never left unhandled, whatever the solution does.
 */
function outcomes(callers: Array<Promise<EdgeResult>>): Promise<Array<ReturnType<typeof view> | string>> {
  return Promise.allSettled(callers).then((settled) =>
    settled.map((one) => (one.status === "fulfilled" ? view(one.value) : `rejected: ${(one.reason as Error)?.message}`)),
  );
}

// ---- freshness --------------------------------------------------------------------------

test("a cacheable response is a MISS and then a HIT", async () => {
  const clock = createClock();
  const { origin, calls } = scripted((path) => reply(200, `body of ${path}`, "max-age=60"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  // The path doubles as the canary the build test looks for in client bundles.
  expect(view(await edge.get("/hidden-canary:cdn"))).toEqual({ status: 200, body: "body of /hidden-canary:cdn", cache: "MISS" });
  expect(view(await edge.get("/hidden-canary:cdn"))).toEqual({ status: 200, body: "body of /hidden-canary:cdn", cache: "HIT" });
  expect(calls).toHaveLength(1);
});

test("an entry is fresh while its age < its lifetime, and refetched at exactly the lifetime", async () => {
  const clock = createClock(5_000);
  const { origin, calls } = scripted((_path, call) => reply(200, `v${call}`, "max-age=30"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(5_000 + 29_999);
  expect(view(await edge.get("/a"))).toEqual({ status: 200, body: "v1", cache: "HIT" });
  clock.set(5_000 + 30_000);
  expect(view(await edge.get("/a"))).toEqual({ status: 200, body: "v2", cache: "MISS" });
  expect(calls).toHaveLength(2);
});

test("a refetched entry is stored again with its new lifetime", async () => {
  const clock = createClock();
  const { origin } = scripted((_path, call) => reply(200, `v${call}`, call === 1 ? "max-age=10" : "max-age=100"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(10_000);
  expect((await edge.get("/a")).body).toBe("v2");
  clock.set(10_000 + 99_999);
  expect(view(await edge.get("/a"))).toEqual({ status: 200, body: "v2", cache: "HIT" });
});

test("s-maxage wins over max-age even when it is shorter", async () => {
  const clock = createClock();
  const { origin, calls } = scripted(() => reply(200, "x", "max-age=600, s-maxage=10"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(9_999);
  expect((await edge.get("/a")).cache).toBe("HIT");
  clock.set(10_000);
  expect((await edge.get("/a")).cache).toBe("MISS");
  expect(calls).toHaveLength(2);
});

test("s-maxage=0 wins over max-age: nothing is stored", async () => {
  const clock = createClock();
  const { origin, calls } = scripted(() => reply(200, "x", "s-maxage=0, max-age=60"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect((await edge.get("/a")).cache).toBe("MISS");
  expect((await edge.get("/a")).cache).toBe("MISS");
  expect(calls).toHaveLength(2);
});

test("max-age=0 is not stored", async () => {
  const clock = createClock();
  const { origin, calls } = scripted(() => reply(200, "x", "max-age=0"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect(view(await edge.get("/a"))).toEqual({ status: 200, body: "x", cache: "MISS" });
  expect((await edge.get("/a")).cache).toBe("MISS");
  expect(calls).toHaveLength(2);
  expect(edge.purge("/a")).toBe(0);
});

test("a response without a freshness directive is a MISS and is not stored", async () => {
  const clock = createClock();
  const { origin, calls } = scripted((path) => (path === "/none" ? reply(200, "n") : reply(200, "p", "public")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect((await edge.get("/none")).cache).toBe("MISS");
  expect((await edge.get("/none")).cache).toBe("MISS");
  expect((await edge.get("/public")).cache).toBe("MISS");
  expect((await edge.get("/public")).cache).toBe("MISS");
  expect(calls).toHaveLength(4);
});

test("directives are found among others, with spaces after the commas", async () => {
  const clock = createClock();
  const { origin, calls } = scripted(() => reply(200, "x", "public, immutable, max-age=45"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(44_000);
  expect((await edge.get("/a")).cache).toBe("HIT");
  expect(calls).toHaveLength(1);
});

test("cache-control is read among other response headers", async () => {
  const clock = createClock();
  const headers = { "content-type": "text/plain", "cache-control": "max-age=45", etag: '"v1"' };
  const { origin, calls } = scripted(() => ({ status: 200, body: "x", headers }));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(44_000);
  expect((await edge.get("/a")).cache).toBe("HIT");
  expect(calls).toHaveLength(1);
});

test("a non-200 status is passed through as a MISS and not stored", async () => {
  const clock = createClock();
  const { origin, calls } = scripted((path) => (path === "/gone" ? reply(404, "not found", "max-age=60") : reply(301, "moved", "max-age=60")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect(view(await edge.get("/gone"))).toEqual({ status: 404, body: "not found", cache: "MISS" });
  expect(view(await edge.get("/gone"))).toEqual({ status: 404, body: "not found", cache: "MISS" });
  expect(view(await edge.get("/old"))).toEqual({ status: 301, body: "moved", cache: "MISS" });
  expect(calls).toHaveLength(3);
});

// ---- no-store, private, errors ------------------------------------------------------------

test("private responses are never stored and are answered as BYPASS", async () => {
  const clock = createClock();
  const { origin, calls } = scripted(() => reply(200, "your account", "private, max-age=60"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect(view(await edge.get("/me"))).toEqual({ status: 200, body: "your account", cache: "BYPASS" });
  expect(view(await edge.get("/me"))).toEqual({ status: 200, body: "your account", cache: "BYPASS" });
  expect(calls).toHaveLength(2);
  expect(edge.purge("/me")).toBe(0);
});

test("no-store wins over max-age", async () => {
  const clock = createClock();
  const { origin, calls } = scripted(() => reply(200, "x", "max-age=60, no-store"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect((await edge.get("/a")).cache).toBe("BYPASS");
  expect((await edge.get("/a")).cache).toBe("BYPASS");
  expect(calls).toHaveLength(2);
});

test("no-store or private on a non-200, non-5xx status is still a BYPASS", async () => {
  const clock = createClock();
  const { origin } = scripted((path) => (path === "/a" ? reply(404, "nope", "no-store") : reply(302, "elsewhere", "private")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect(view(await edge.get("/a"))).toEqual({ status: 404, body: "nope", cache: "BYPASS" });
  expect(view(await edge.get("/b"))).toEqual({ status: 302, body: "elsewhere", cache: "BYPASS" });
});

test("a 5xx passes through as a MISS even with no-store or private", async () => {
  const clock = createClock();
  const { origin } = scripted((path) => (path === "/a" ? reply(503, "busy", "no-store") : reply(500, "oops", "private")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect(view(await edge.get("/a"))).toEqual({ status: 503, body: "busy", cache: "MISS" });
  expect(view(await edge.get("/b"))).toEqual({ status: 500, body: "oops", cache: "MISS" });
});

test("a 5xx with nothing cached passes through as a MISS and is not stored", async () => {
  const clock = createClock();
  const { origin, calls } = scripted(() => reply(502, "bad gateway", "max-age=60"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  expect(view(await edge.get("/a"))).toEqual({ status: 502, body: "bad gateway", cache: "MISS" });
  expect(view(await edge.get("/a"))).toEqual({ status: 502, body: "bad gateway", cache: "MISS" });
  expect(calls).toHaveLength(2);
});

test("an origin error with nothing cached rejects get with that error", async () => {
  const clock = createClock();
  const failure = new Error("connection refused");
  const { origin } = scripted(() => failure);
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  let caught: unknown;
  try {
    await edge.get("/a");
  } catch (error) {
    caught = error;
  }
  expect(caught).toBe(failure);
});

// ---- request coalescing -------------------------------------------------------------------

test("many concurrent misses share one origin call and all get its MISS", async () => {
  const clock = createClock();
  const { origin, calls, resolveAll } = manual();
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  const results = outcomes([edge.get("/hot"), edge.get("/hot"), edge.get("/hot"), edge.get("/hot")]);
  await settle();
  const originCalls = calls();
  resolveAll(reply(200, "hot content", "max-age=60"));
  const miss = { status: 200, body: "hot content", cache: "MISS" };
  expect(await results).toEqual([miss, miss, miss, miss]);
  expect(originCalls).toBe(1);
  expect(view(await edge.get("/hot"))).toEqual({ status: 200, body: "hot content", cache: "HIT" });
  expect(calls()).toBe(1);
});

test("a caller that joins an origin call late still gets MISS, never HIT", async () => {
  const clock = createClock();
  const { origin, calls, resolveAll } = manual();
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  const first = outcomes([edge.get("/a")]);
  await settle();
  const late = outcomes([edge.get("/a")]);
  await settle();
  resolveAll(reply(200, "x", "max-age=60"));
  expect(await first).toEqual([{ status: 200, body: "x", cache: "MISS" }]);
  expect(await late).toEqual([{ status: 200, body: "x", cache: "MISS" }]);
  expect(calls()).toBe(1);
});

test("callers sharing an origin call share its BYPASS", async () => {
  const clock = createClock();
  const { origin, calls, resolveAll } = manual();
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  const results = outcomes([edge.get("/a"), edge.get("/a")]);
  await settle();
  resolveAll(reply(200, "mine", "private"));
  const bypass = { status: 200, body: "mine", cache: "BYPASS" };
  expect(await results).toEqual([bypass, bypass]);
  expect(calls()).toBe(1);
});

test("callers sharing an origin call all get its rejection", async () => {
  const clock = createClock();
  const { origin, calls, rejectAll } = manual();
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  const results = outcomes([edge.get("/a"), edge.get("/a"), edge.get("/a")]);
  await settle();
  rejectAll(new Error("origin timeout"));
  expect(await results).toEqual(["rejected: origin timeout", "rejected: origin timeout", "rejected: origin timeout"]);
  expect(calls()).toBe(1);
});

test("after a shared call fails, the next request calls the origin again", async () => {
  const clock = createClock();
  const { origin, calls } = scripted((_path, call) => (call === 1 ? new Error("flaky") : reply(200, "ok", "max-age=60")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await expect(edge.get("/a")).rejects.toThrow("flaky");
  expect(view(await edge.get("/a"))).toEqual({ status: 200, body: "ok", cache: "MISS" });
  expect(calls).toHaveLength(2);
});

test("concurrent misses for different paths do not share a call", async () => {
  const clock = createClock();
  const { origin, pending, calls, resolveAll } = manual();
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  const results = outcomes([edge.get("/a"), edge.get("/b")]);
  await settle();
  expect(calls()).toBe(2);
  for (const call of pending.splice(0)) call.resolve(reply(200, `body ${call.path}`, "max-age=60"));
  resolveAll(reply(200, "unexpected", "max-age=60"));
  expect(await results).toEqual([
    { status: 200, body: "body /a", cache: "MISS" },
    { status: 200, body: "body /b", cache: "MISS" },
  ]);
});

test("requests for an expired entry share one refetch", async () => {
  const clock = createClock();
  const { origin, calls, resolveAll } = manual();
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  const first = outcomes([edge.get("/a")]);
  await settle();
  resolveAll(reply(200, "old", "max-age=10"));
  await first;
  clock.set(10_000);
  const results = outcomes([edge.get("/a"), edge.get("/a"), edge.get("/a")]);
  await settle();
  const originCalls = calls();
  resolveAll(reply(200, "new", "max-age=10"));
  const miss = { status: 200, body: "new", cache: "MISS" };
  expect(await results).toEqual([miss, miss, miss]);
  expect(originCalls).toBe(2);
});

// ---- stale-if-error -----------------------------------------------------------------------

test("an expired entry with stale-if-error is served STALE when the origin throws", async () => {
  const clock = createClock();
  const { origin } = scripted((_path, call) => (call === 1 ? reply(200, "v1", "max-age=10, stale-if-error=60") : new Error("down")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(20_000);
  expect(view(await edge.get("/a"))).toEqual({ status: 200, body: "v1", cache: "STALE" });
  clock.set(30_000);
  expect(view(await edge.get("/a"))).toEqual({ status: 200, body: "v1", cache: "STALE" });
});

test("stale-if-error covers exactly N seconds after expiry, inclusive", async () => {
  const clock = createClock();
  const { origin } = scripted((_path, call) => (call === 1 ? reply(200, "v1", "max-age=10, stale-if-error=30") : new Error("down")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(10_000 + 30_000); // expired at 10 s; now - expiry = 30 s exactly
  expect((await edge.get("/a")).cache).toBe("STALE");
  clock.set(10_000 + 30_001);
  await expect(edge.get("/a")).rejects.toThrow("down");
});

test("a 5xx within the stale-if-error window serves STALE, after it passes through as MISS", async () => {
  const clock = createClock();
  const { origin } = scripted((_path, call) => (call === 1 ? reply(200, "good", "s-maxage=20, stale-if-error=5") : reply(503, "unavailable")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(25_000);
  expect(view(await edge.get("/a"))).toEqual({ status: 200, body: "good", cache: "STALE" });
  clock.set(25_001);
  expect(view(await edge.get("/a"))).toEqual({ status: 503, body: "unavailable", cache: "MISS" });
});

test("without stale-if-error an expired entry is not served when the origin fails", async () => {
  const clock = createClock();
  const { origin } = scripted((path, call) => {
    if (call <= 2) return reply(200, "v1", "max-age=10");
    return path === "/throws" ? new Error("down") : reply(500, "error page");
  });
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/throws");
  await edge.get("/fails");
  clock.set(10_000);
  await expect(edge.get("/throws")).rejects.toThrow("down");
  expect(view(await edge.get("/fails"))).toEqual({ status: 500, body: "error page", cache: "MISS" });
});

test("callers sharing a failed refetch all get STALE", async () => {
  const clock = createClock();
  const { origin, resolveAll, rejectAll } = manual();
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  const first = outcomes([edge.get("/a")]);
  await settle();
  resolveAll(reply(200, "v1", "max-age=10, stale-if-error=100"));
  await first;
  clock.set(50_000);
  const results = outcomes([edge.get("/a"), edge.get("/a")]);
  await settle();
  rejectAll(new Error("down"));
  const stale = { status: 200, body: "v1", cache: "STALE" };
  expect(await results).toEqual([stale, stale]);
});

test("a fresh entry is a HIT without asking the origin, whatever stale-if-error says", async () => {
  const clock = createClock();
  const { origin, calls } = scripted((_path, call) => (call === 1 ? reply(200, "v1", "max-age=10, stale-if-error=100") : new Error("down")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a");
  clock.set(9_000);
  expect((await edge.get("/a")).cache).toBe("HIT");
  expect(calls).toHaveLength(1);
});

// ---- LRU and purge ------------------------------------------------------------------------

test("more than maxEntries evicts the least recently used entry; a HIT counts as a use", async () => {
  const clock = createClock();
  const { origin, calls } = scripted((path) => reply(200, path, "max-age=600"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 2 });
  await edge.get("/a");
  await edge.get("/b");
  expect((await edge.get("/a")).cache).toBe("HIT"); // "/b" is now least recently used
  await edge.get("/c"); // evicts "/b"
  expect((await edge.get("/a")).cache).toBe("HIT");
  expect((await edge.get("/c")).cache).toBe("HIT");
  expect((await edge.get("/b")).cache).toBe("MISS");
  expect(calls).toEqual(["/a", "/b", "/c", "/b"]);
});

test("maxEntries 1 keeps only the latest stored path", async () => {
  const clock = createClock();
  const { origin, calls } = scripted((path) => reply(200, path, "max-age=600"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 1 });
  await edge.get("/a");
  await edge.get("/b");
  expect((await edge.get("/b")).cache).toBe("HIT");
  expect((await edge.get("/a")).cache).toBe("MISS");
  expect(calls).toHaveLength(3);
});

test("responses that are not stored do not push entries out", async () => {
  const clock = createClock();
  const { origin } = scripted((path) => (path.startsWith("/private") ? reply(200, "p", "private") : reply(200, path, "max-age=600")));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 2 });
  await edge.get("/a");
  await edge.get("/b");
  await edge.get("/private/1");
  await edge.get("/private/2");
  expect((await edge.get("/a")).cache).toBe("HIT");
  expect((await edge.get("/b")).cache).toBe("HIT");
});

test("purge of an exact path removes only that path", async () => {
  const clock = createClock();
  const { origin } = scripted((path) => reply(200, path, "max-age=600"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  for (const path of ["/img", "/img/a.png", "/imgs"]) await edge.get(path);
  expect(edge.purge("/img")).toBe(1);
  expect(edge.purge("/img")).toBe(0);
  expect(edge.purge("/nothing")).toBe(0);
  expect((await edge.get("/img")).cache).toBe("MISS");
  expect((await edge.get("/img/a.png")).cache).toBe("HIT");
  expect((await edge.get("/imgs")).cache).toBe("HIT");
});

test("a prefix purge matches by prefix only and counts what it removed", async () => {
  const clock = createClock();
  const { origin } = scripted((path) => reply(200, path, "max-age=600"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  for (const path of ["/img/a.png", "/img/icons/b.svg", "/img-old/c.png", "/css/img/d.png", "/img"]) await edge.get(path);
  expect(edge.purge("/img/*")).toBe(2);
  expect((await edge.get("/img/a.png")).cache).toBe("MISS");
  expect((await edge.get("/img/icons/b.svg")).cache).toBe("MISS");
  expect((await edge.get("/img-old/c.png")).cache).toBe("HIT");
  expect((await edge.get("/css/img/d.png")).cache).toBe("HIT");
  expect((await edge.get("/img")).cache).toBe("HIT");
});

test("purge counts expired entries too", async () => {
  const clock = createClock();
  const { origin } = scripted((path) => reply(200, path, path.endsWith("short") ? "max-age=1" : "max-age=600"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  await edge.get("/a/short");
  await edge.get("/a/long");
  await edge.get("/b/short");
  clock.set(5_000);
  expect(edge.purge("/a/*")).toBe(2);
  expect(edge.purge("/b/short")).toBe(1);
});

test("purge /* empties the cache", async () => {
  const clock = createClock();
  const { origin } = scripted((path) => reply(200, path, "max-age=600"));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 10 });
  for (const path of ["/a", "/b/c", "/d/e/f"]) await edge.get(path);
  expect(edge.purge("/*")).toBe(3);
  expect(edge.purge("/*")).toBe(0);
});

import { createClock, expect, settle, test } from "@blueprint/test";
import { EdgeCache, type OriginResponse } from "./solution";

test("the first request is a MISS, the next one within max-age a HIT", async () => {
  const clock = createClock();
  let calls = 0;
  const origin = async (path: string): Promise<OriginResponse> => {
    calls++;
    return { status: 200, body: `contents of ${path}`, headers: { "cache-control": "public, max-age=60" } };
  };
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 100 });
  expect(await edge.get("/logo.png")).toEqual({ status: 200, body: "contents of /logo.png", cache: "MISS" });
  clock.advance(59_999);
  expect(await edge.get("/logo.png")).toEqual({ status: 200, body: "contents of /logo.png", cache: "HIT" });
  expect(calls).toBe(1);
});

test("s-maxage wins over max-age at a shared cache", async () => {
  const clock = createClock();
  const origin = async (): Promise<OriginResponse> => ({
    status: 200,
    body: "page",
    headers: { "cache-control": "max-age=10, s-maxage=300" },
  });
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 100 });
  await edge.get("/page");
  clock.advance(200_000);
  expect((await edge.get("/page")).cache).toBe("HIT");
});

test("no-store responses are never stored and are answered as BYPASS", async () => {
  const clock = createClock();
  let calls = 0;
  const origin = async (): Promise<OriginResponse> => {
    calls++;
    return { status: 200, body: "your cart", headers: { "cache-control": "no-store" } };
  };
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 100 });
  expect((await edge.get("/cart")).cache).toBe("BYPASS");
  expect((await edge.get("/cart")).cache).toBe("BYPASS");
  expect(calls).toBe(2);
});

test("concurrent misses for one path share one origin call", async () => {
  const clock = createClock();
  const waiting: Array<(response: OriginResponse) => void> = [];
  const origin = (): Promise<OriginResponse> => new Promise((resolve) => waiting.push(resolve));
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 100 });
  const both = Promise.all([edge.get("/video.mp4"), edge.get("/video.mp4")]);
  await settle();
  const originCalls = waiting.length;
  for (const respond of waiting) respond({ status: 200, body: "bytes", headers: { "cache-control": "max-age=60" } });
  const [first, second] = await both;
  expect(originCalls).toBe(1);
  expect(first.cache).toBe("MISS");
  expect(second.cache).toBe("MISS"); // a caller that shared the origin call never sees HIT
});

test("purge with a trailing * removes every path under a prefix", async () => {
  const clock = createClock();
  const origin = async (path: string): Promise<OriginResponse> => ({
    status: 200,
    body: path,
    headers: { "cache-control": "max-age=60" },
  });
  const edge = new EdgeCache({ origin, now: clock.now, maxEntries: 100 });
  await edge.get("/img/a.png");
  await edge.get("/img/b.png");
  await edge.get("/css/site.css");
  expect(edge.purge("/img/*")).toBe(2);
  expect((await edge.get("/img/a.png")).cache).toBe("MISS");
  expect((await edge.get("/css/site.css")).cache).toBe("HIT");
});

import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { logRequestWhenDone, pathWithoutQuery, requestLogEnabled } from "./request-log";

describe("requestLogEnabled", () => {
  it("is on in production unless BLUEPRINT_REQUEST_LOG is off", () => {
    expect(requestLogEnabled({}, "start")).toBe(true);
    expect(requestLogEnabled({ BLUEPRINT_REQUEST_LOG: "on" }, "start")).toBe(true);
    expect(requestLogEnabled({ BLUEPRINT_REQUEST_LOG: "off" }, "start")).toBe(false);
    expect(requestLogEnabled({ BLUEPRINT_REQUEST_LOG: " OFF " }, "start")).toBe(false);
  });

  it("is off in development (next dev prints its own line per request) unless BLUEPRINT_REQUEST_LOG is on", () => {
    expect(requestLogEnabled({}, "dev")).toBe(false);
    expect(requestLogEnabled({ BLUEPRINT_REQUEST_LOG: "on" }, "dev")).toBe(true);
    expect(requestLogEnabled({ BLUEPRINT_REQUEST_LOG: " ON " }, "dev")).toBe(true);
  });
});

describe("pathWithoutQuery", () => {
  it("drops the query string and fragment", () => {
    expect(pathWithoutQuery("/api/x?token=secret")).toBe("/api/x");
    expect(pathWithoutQuery("/a#b")).toBe("/a");
    expect(pathWithoutQuery("/lessons/caching")).toBe("/lessons/caching");
    expect(pathWithoutQuery(undefined)).toBe("/");
  });
});

describe("logRequestWhenDone", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("logs one line with id, method, path, status and the body bytes written", async () => {
    const lines: Record<string, unknown>[] = [];
    const logged = new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        logRequestWhenDone(req, res, "req-1", (fields) => { lines.push(fields); resolve(); });
        res.statusCode = 201;
        res.write("héllo ");
        res.end(Buffer.from("world"));
      }).listen(0);
    });
    await new Promise((resolve) => server?.once("listening", resolve));
    const port = (server?.address() as AddressInfo).port;
    await new Promise<void>((resolve, reject) => {
      httpRequest({ port, path: "/lessons/caching?secret=1", method: "POST" }, (res) => { res.resume(); res.on("end", resolve); }).on("error", reject).end();
    });
    await logged;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: "req-1", method: "POST", path: "/lessons/caching", status: 201, bytes: Buffer.byteLength("héllo world") });
    expect(typeof lines[0]?.ms).toBe("number");
    expect(lines[0]).not.toHaveProperty("aborted");
  });
});

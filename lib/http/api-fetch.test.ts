// apiFetch against a real HTTP server: replies are parsed by schema, every failure is one ApiError.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { ApiError, apiFetch } from "./api-fetch";

let server: Server;
let base: string;
const seen: Array<{ method: string; type: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += String(chunk);
    seen.push({ method: request.method ?? "", type: request.headers["content-type"], body });
    const reply = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(value));
    if (request.url === "/ok") return reply(200, { version: 3 });
    if (request.url === "/conflict") return reply(409, { error: "changed elsewhere", code: "conflict", text: "theirs", version: 2 });
    if (request.url === "/busy") return reply(503, { error: "judge busy", code: "unavailable" }, { "retry-after": "4" });
    if (request.url === "/foreign") return reply(400, { code: "INVALID_EMAIL", message: "Invalid email" });
    if (request.url === "/empty") return response.writeHead(204).end();
    return reply(200, { version: "three" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => void server.close());

const versionSchema = z.object({ version: z.number() });
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected an ApiError"), (error: unknown) => error as ApiError);

describe("apiFetch", () => {
  test("sends the body as JSON and returns the reply parsed by the schema", async () => {
    await expect(apiFetch(`${base}/ok`, { method: "PUT", body: { text: "x" }, schema: versionSchema })).resolves.toEqual({ version: 3 });
    expect(seen.at(-1)).toEqual({ method: "PUT", type: "application/json", body: '{"text":"x"}' });
  });

  test("an error body becomes an ApiError with its code, details and Retry-After", async () => {
    const conflict = await failure(apiFetch(`${base}/conflict`, { method: "PUT", body: {}, schema: versionSchema }));
    expect(conflict).toBeInstanceOf(ApiError);
    expect(conflict).toMatchObject({ status: 409, code: "conflict", message: "changed elsewhere", details: { text: "theirs", version: 2 } });
    const busy = await failure(apiFetch(`${base}/busy`, { body: {} }));
    expect(busy).toMatchObject({ status: 503, code: "unavailable", retryAfterSeconds: 4 });
  });

  test("an error from outside the wrapper keeps its own code and message", async () => {
    const foreign = await failure(apiFetch(`${base}/foreign`, { body: {} }));
    expect(foreign).toMatchObject({ status: 400, code: "bad_request", message: "Invalid email", details: { code: "INVALID_EMAIL" } });
  });

  test("a reply that does not match the contract is a bad_response, not a wrong value", async () => {
    const wrong = await failure(apiFetch(`${base}/wrong`, { schema: versionSchema }));
    expect(wrong).toMatchObject({ code: "bad_response", status: 200 });
  });

  test("no schema: the reply is not read (a 204)", async () => {
    await expect(apiFetch(`${base}/empty`, { method: "DELETE" })).resolves.toBeUndefined();
  });

  test("no answer at all is a network ApiError", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await failure(apiFetch(`http://127.0.0.1:${port}/ok`))).toMatchObject({ code: "network", status: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requestIdOf, route } from "./route";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const request = (id?: string) => new Request("http://localhost/api/x", id === undefined ? {} : { headers: { "x-request-id": id } });
const noParams = { params: Promise.resolve({}) };

describe("request id", () => {
  it("keeps a sane x-request-id as it is", () => {
    expect(requestIdOf(request("req-01.AB_cd"))).toBe("req-01.AB_cd");
    expect(requestIdOf(request("a".repeat(64)))).toBe("a".repeat(64));
  });

  it("replaces a missing, long or unsafe one with a new UUID", () => {
    for (const bad of [undefined, "", "a".repeat(65), "id with spaces", 'x","level":"info', "é"]) {
      expect(requestIdOf(request(bad))).toMatch(UUID);
    }
    expect(requestIdOf(request())).not.toBe(requestIdOf(request()));
  });

  it("is given to the handler and echoed on the response, errors included", async () => {
    let seen = "";
    const ok = route({}, async ({ requestId }) => {
      seen = requestId;
      return { ok: true };
    });
    const reply = await ok(request("from-proxy-1"), noParams);
    expect(seen).toBe("from-proxy-1");
    expect(reply.headers.get("x-request-id")).toBe("from-proxy-1");

    const failing = route({ query: z.object({ n: z.string() }) }, async () => 1);
    const refused = await failing(request(), noParams);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("x-request-id")).toMatch(UUID);
  });
});

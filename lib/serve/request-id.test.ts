import { describe, expect, it } from "vitest";
import { parseTrustedProxies } from "../rate-limit/client-address";
import { resolveRequestId } from "./request-id";

const proxies = parseTrustedProxies("10.0.0.0/8");
const none = parseTrustedProxies("");
const fresh = () => "fresh-id";

describe("resolveRequestId", () => {
  it("keeps a sane id from a trusted proxy (IPv4-mapped peer too)", () => {
    expect(resolveRequestId("10.1.2.3", "abc-123_x.y", proxies, fresh)).toBe("abc-123_x.y");
    expect(resolveRequestId("::ffff:10.1.2.3", "abc", proxies, fresh)).toBe("abc");
  });

  it("replaces an id sent by a peer that is not a trusted proxy", () => {
    expect(resolveRequestId("192.168.1.5", "abc", proxies, fresh)).toBe("fresh-id");
    expect(resolveRequestId("10.1.2.3", "abc", none, fresh)).toBe("fresh-id");
    expect(resolveRequestId(undefined, "abc", proxies, fresh)).toBe("fresh-id");
  });

  it("replaces an id from a trusted proxy that is not a short plain token", () => {
    expect(resolveRequestId("10.1.2.3", "a".repeat(65), proxies, fresh)).toBe("fresh-id");
    expect(resolveRequestId("10.1.2.3", "a".repeat(64), proxies, fresh)).toBe("a".repeat(64));
    expect(resolveRequestId("10.1.2.3", "has space", proxies, fresh)).toBe("fresh-id");
    expect(resolveRequestId("10.1.2.3", 'x"}\n{"level":"error', proxies, fresh)).toBe("fresh-id");
    expect(resolveRequestId("10.1.2.3", "", proxies, fresh)).toBe("fresh-id");
    expect(resolveRequestId("10.1.2.3", ["a", "b"], proxies, fresh)).toBe("fresh-id");
  });

  it("makes a random UUID by default", () => {
    expect(resolveRequestId("1.2.3.4", undefined, none)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

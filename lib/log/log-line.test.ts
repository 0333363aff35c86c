import { afterEach, describe, expect, it, vi } from "vitest";
import { formatLogLine, logLine } from "./log-line";

const at = new Date("2026-12-02T06:00:00.000Z");

describe("formatLogLine", () => {
  it("starts with time and level, then the fields in order", () => {
    expect(formatLogLine({ msg: "hi", status: 200 }, at)).toBe('{"time":"2026-12-02T06:00:00.000Z","level":"info","msg":"hi","status":200}');
  });

  it("lets the caller choose the level", () => {
    expect(JSON.parse(formatLogLine({ level: "error" }, at))).toMatchObject({ level: "error" });
  });

  it("writes a cycle as a marker instead of throwing", () => {
    const node: Record<string, unknown> = { name: "a" };
    node.self = node;
    expect(JSON.parse(formatLogLine({ node }, at))).toMatchObject({ node: { name: "a", self: "[Circular]" } });
  });

  it("keeps an object referenced twice without a cycle", () => {
    const shared = { id: 1 };
    expect(JSON.parse(formatLogLine({ a: shared, b: [shared, shared] }, at))).toMatchObject({ a: { id: 1 }, b: [{ id: 1 }, { id: 1 }] });
  });

  it("writes errors with name, message and stack, and BigInts as strings", () => {
    const line = JSON.parse(formatLogLine({ error: new TypeError("boom"), big: 12n }, at)) as { error: Record<string, unknown>; big: string };
    expect(line.error).toMatchObject({ name: "TypeError", message: "boom" });
    expect(String(line.error.stack)).toContain("boom");
    expect(line.big).toBe("12");
  });

  it("survives a throwing toJSON", () => {
    const line = JSON.parse(formatLogLine({ bad: { toJSON: () => { throw new Error("nope"); } } }, at)) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", reason: "Error: nope" });
  });
});

describe("logLine", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes exactly one newline-terminated JSON line to stdout", () => {
    const writes: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => { writes.push(String(chunk)); return true; });
    logLine({ msg: "one\ntwo" });
    expect(writes).toHaveLength(1);
    expect(writes[0]?.endsWith("\n")).toBe(true);
    expect(writes[0]?.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(writes[0] ?? "")).toMatchObject({ level: "info", msg: "one\ntwo" });
  });

  it("does not throw when stdout does", () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => { throw new Error("EPIPE"); });
    expect(() => logLine({ msg: "x" })).not.toThrow();
  });
});

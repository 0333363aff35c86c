// A learner must not read the hidden suite. These probes take a challenge's reference
// solution, wrap the exports the hidden tests call, and print everything they can learn
// about what the tests hand them: String(fn) and Function.prototype.toString.call(fn) of
// every function reachable from the arguments (a pool's create/destroy/validate, an
// origin, saga steps, a clock) and a stack trace taken while a test is calling. The
// verdict must still pass (so the probes really ran inside the tests), and the output
// must show native-looking functions and no frame outside the learner's file.
import { describe, expect, test } from "vitest";
import { loadChallenge, toJudgeSuite } from "../../lib/content/challenges";
import { judge } from "../../lib/judge";

const leak = `
const seenFns = new Set<unknown>();
let printed = 0;
function leak(value: unknown, depth = 0, seen = new Set<unknown>()): void {
  if (printed > 40 || depth > 3 || value === null || seen.has(value)) return;
  if (typeof value === "function") {
    if (seenFns.has(value)) return;
    seenFns.add(value);
    printed++;
    console.log("fn-string: " + String(value));
    console.log("fn-tostring: " + Function.prototype.toString.call(value));
    console.log("fn-template: " + \`\${value as () => void}\`);
    return;
  }
  if (typeof value !== "object") return;
  seen.add(value);
  for (const key of Object.keys(value as object)) leak((value as Record<string, unknown>)[key], depth + 1, seen);
}
let stacks = 0;
function leakStack(): void {
  if (stacks++ < 3) console.log("stack: " + new Error("probe").stack);
}
function spy<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key) {
      const value = Reflect.get(object, key, object);
      if (typeof value !== "function" || key === "constructor") return value;
      return (...args: unknown[]) => { leak(args); leakStack(); return Reflect.apply(value, object, args); };
    },
  });
}
`;

/** The reference solution with `name` (a class or a function) wrapped by the probe. */
function probed(solution: string, name: string, kind: "class" | "function"): string {
  if (kind === "class") {
    const renamed = solution.replace(new RegExp(`export class ${name}\\b`), `class Real${name}`);
    expect(renamed).not.toBe(solution);
    return `${renamed}\n${leak}\nexport class ${name} extends Real${name} {
      constructor(...args: any[]) { leak(args); leakStack(); super(...(args as [any])); return spy(this); }
    }\n`;
  }
  const renamed = solution.replace(new RegExp(`export (async )?function ${name}\\b`), `$1function real${name}`);
  expect(renamed).not.toBe(solution);
  return `${renamed}\n${leak}\nexport function ${name}(...args: any[]) { leak(args); leakStack(); return (real${name} as any)(...args); }\n`;
}

const probes: Array<[string, string, "class" | "function"]> = [
  ["connection-pool/pool", "Pool", "class"],
  ["cdn/edge-cache", "EdgeCache", "class"],
  ["microservices/saga", "runSaga", "function"],
  ["circuit-breaker/state-machine", "CircuitBreaker", "class"],
];

const NATIVE = /^function [\w$]*\(\) \{ \[native code\] \}$/;

describe("the hidden suite cannot be read through what it hands to learner code", () => {
  test.each(probes)("%s: functions print as native code, stacks show no hidden frame", async (id, name, kind) => {
    const challenge = loadChallenge(id);
    if (!challenge) throw new Error(`${id} is missing`);
    const verdict = await judge(toJudgeSuite(challenge), probed(challenge.solution, name, kind), "submit");
    expect(verdict.verdict, JSON.stringify(verdict.tests.filter((t) => t.status === "failed").slice(0, 3))).toBe("passed");

    const lines = verdict.logs.split("\n");
    const printedFunctions = lines.filter((line) => line.startsWith("fn-")).map((line) => line.replace(/^fn-\w+: /, ""));
    expect(printedFunctions.length).toBeGreaterThanOrEqual(3);
    for (const printed of printedFunctions) expect(printed).toMatch(NATIVE);

    const stackLines = lines.filter((line) => line.startsWith("    at ") || line.startsWith("stack: "));
    expect(stackLines.filter((line) => line.startsWith("stack: ")).length).toBeGreaterThanOrEqual(1);
    for (const line of stackLines.filter((l) => l.startsWith("    at "))) {
      expect(line).toMatch(/^ {4}at (<judge>|(\S+ \()?learner\.js:\d+:\d+\)?)$/);
    }
    expect(verdict.logs).not.toMatch(/tests-\d|hidden\.test|harness\.js|runTests/);
    expect(verdict.logs).toContain("    at <judge>");
  });

  test("a learner's own stack still shows its own frames", async () => {
    const challenge = loadChallenge("connection-pool/pool");
    if (!challenge) throw new Error("connection-pool is missing");
    const code = `${challenge.solution}\nfunction where() { return new Error("here").stack ?? ""; }\nconsole.log(where());\n`;
    const verdict = await judge(toJudgeSuite(challenge), code, "run");
    expect(verdict.logs).toMatch(/^Error: here\n {4}at where \(learner\.js:\d+:\d+\)\n/);
  });
});

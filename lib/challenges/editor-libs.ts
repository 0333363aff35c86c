import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

let cached: Array<{ path: string; content: string }> | undefined;

/** What Monaco needs to type-check learner code as the judge runs it: ./support and the sandbox console. */
export function editorLibs(): Array<{ path: string; content: string }> {
  cached ??= [
    { path: "file:///support.ts", content: readFileSync(path.join(process.cwd(), "lib/judge/harness/support.ts"), "utf8") },
    // support.ts re-exports "../../hash/hashes"; from file:///support.ts that resolves to file:///hash/hashes.ts.
    { path: "file:///hash/hashes.ts", content: readFileSync(path.join(process.cwd(), "lib/hash/hashes.ts"), "utf8") },
    {
      path: "file:///sandbox-globals.d.ts",
      content: readFileSync(path.join(process.cwd(), "lib/judge/harness/sandbox-globals.d.ts"), "utf8"),
    },
  ];
  return cached;
}

// Loads whichever isolated-vm build npm managed to install: 7.x on Node 24 (prebuilt),
// 5.0.4 on Node 20 (built from source). package.json lists both as optional.
import { createRequire } from "node:module";
import type IsolatedVm from "isolated-vm-legacy";

export type Ivm = typeof IsolatedVm;

const require = createRequire(import.meta.url);
let cached: Ivm | undefined;

export function loadIsolatedVm(): Ivm {
  if (cached) return cached;
  const failures: string[] = [];
  for (const name of ["isolated-vm", "isolated-vm-legacy"]) {
    try {
      cached = require(name) as Ivm;
      return cached;
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  throw new Error(
    `No working isolated-vm build is installed (${failures.join("; ")}). ` +
      "Run npm install on Node 20 (builds isolated-vm 5 from source) or Node 24 (prebuilt isolated-vm 7).",
  );
}

// The first script evaluated in every sandbox. The host hands it three globals:
// __bpReport and __bpLog (host callbacks) and __bpConfig (JSON: nonce, log limit). It
// takes them and deletes them, so learner code never sees the report channel or the nonce.
//
// Order of a run, driven by the host (lib/judge/sandbox.ts):
//   1. this script            -> defines __bpDefine and __bpSeal, freezes builtins (the
//                                host may do this ahead of the run, on a spare isolate
//                                nobody used yet)
//   2. test module scripts    -> __bpDefine("tests", factory)
//   3. __bpSeal(exportsJson)  -> takes the challenge's required exports, loads the tests,
//                                reports the plan, returns the start function, installs
//                                __bpLearner
//   4. the learner script     -> __bpLearner(factory): runs the learner module once
//   5. start()                -> runs every test, reporting each result, then "done"
import { confineRealm } from "./confine";
import { describeValue } from "./expect";
import { hardenRealm } from "./harden";
import { errorMessage, runTests, type HarnessEvent } from "./runner";
import * as support from "./support";
import * as testApi from "./test-api";

type Factory = (module: { exports: Record<string, unknown> }, exports: Record<string, unknown>, require: (id: string) => unknown) => void;

const global = globalThis as unknown as Record<string, unknown>;
const reportHook = global.__bpReport as (message: string) => void;
const logHook = global.__bpLog as (text: string) => void;
const config = JSON.parse(String(global.__bpConfig)) as { nonce: string; logLimitBytes: number };
delete global.__bpReport;
delete global.__bpLog;
delete global.__bpConfig;
confineRealm(global);

const jsonStringify = JSON.stringify;
const hasOwn = Object.prototype.hasOwnProperty;
const defineProperty = Object.defineProperty;
const freeze = Object.freeze;

let sequence = 0;
function emit(event: HarnessEvent): void {
  reportHook(jsonStringify({ nonce: config.nonce, seq: sequence++, ...event }));
}

// console: formatted here, capped, and sent as plain text (the host never parses it).
let logBudget = config.logLimitBytes;
function makeLogger(prefix: string) {
  return (...args: unknown[]) => {
    if (logBudget <= 0) return;
    let line = prefix;
    for (let i = 0; i < args.length && line.length < logBudget; i++) {
      const arg = args[i];
      line += (i > 0 ? " " : "") + (typeof arg === "string" ? arg.slice(0, logBudget) : describeValue(arg));
    }
    line = line.slice(0, logBudget) + "\n";
    logBudget -= line.length;
    logHook(line);
  };
}
global.console = {
  log: makeLogger(""),
  info: makeLogger(""),
  debug: makeLogger(""),
  warn: makeLogger("[warn] "),
  error: makeLogger("[error] "),
};

// The learner's exports as the tests see them: one getter per required name, so
// tests compiled before the learner module loads still read the final values.
const loaded: Record<string, unknown> = {};
const learnerNamespace: Record<string, unknown> = {};
let requiredExports: string[] = [];

const testFactories: Factory[] = [];

function requireForTests(id: string): unknown {
  if (id === "@blueprint/test") return testApi;
  if (id === "./support") return support;
  if (id === "./solution") return learnerNamespace;
  throw new Error(`test files may import only @blueprint/test, ./support and ./solution (tried "${id}")`);
}

function requireForLearner(id: string): unknown {
  if (id === "./support") return support;
  throw new Error(`Only "./support" can be imported in a challenge (tried to import "${id}")`);
}

function runFactory(factory: Factory, require: (id: string) => unknown): Record<string, unknown> {
  const record = { exports: {} as Record<string, unknown> };
  factory(record, record.exports, require);
  return record.exports;
}

global.__bpDefine = (factory: Factory) => {
  testFactories.push(factory);
};

let loadError: { message: string; line?: number; column?: number } | null = null;
let learnerLoaded = false;

global.__bpSeal = (exportsJson: unknown) => {
  delete global.__bpDefine;
  delete global.__bpSeal;
  const names = JSON.parse(String(exportsJson)) as unknown;
  if (!Array.isArray(names) || !names.every((name) => typeof name === "string")) throw new TypeError("__bpSeal needs the required exports");
  requiredExports = names;
  for (const name of requiredExports) {
    defineProperty(learnerNamespace, name, { get: () => loaded[name], enumerable: true });
  }
  freeze(learnerNamespace);
  for (const factory of testFactories) runFactory(factory, requireForTests);
  const tests = testApi.takeRegisteredTests();
  emit({ type: "plan", names: tests.map((t) => t.name) });

  defineProperty(global, "__bpLearner", {
    configurable: true,
    writable: false,
    value: (factory: Factory) => {
      delete global.__bpLearner;
      if (learnerLoaded) return;
      learnerLoaded = true;
      try {
        const exports = runFactory(factory, requireForLearner);
        for (const name of requiredExports) {
          if (hasOwn.call(exports, name)) loaded[name] = exports[name];
        }
      } catch (error) {
        loadError = { message: `Your module threw while loading: ${errorMessage(error)}`, ...locate(error) };
      }
    },
  });

  return async () => {
    if (!learnerLoaded) {
      emit({ type: "load-error", message: "Your module did not finish loading." });
    } else if (loadError) {
      emit({ type: "load-error", ...loadError });
    } else {
      const missing = requiredExports.filter((name) => loaded[name] === undefined);
      if (missing.length > 0) {
        emit({
          type: "load-error",
          message: `Missing export${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. This challenge needs: ${requiredExports.join(", ")}.`,
        });
      } else {
        await runTests(tests, emit);
        return;
      }
    }
    emit({ type: "done" });
  };
};

// Frozen here, at the end of the harness's own evaluation, so a spare isolate (prepared
// before its run) arrives sealed: the challenge's tests load into the frozen realm, and
// the learner's code still runs only after this. __bpDefine and __bpSeal stay
// configurable only so they can be deleted before any learner code runs.
hardenRealm(global, ["__bpDefine", "__bpSeal", "__bpLearner"]);

// Where a load-time error happened in the learner's (transpiled) file, when the stack says.
function locate(error: unknown): { line?: number; column?: number } {
  try {
    const stack = String((error as { stack?: unknown } | null)?.stack ?? "");
    const match = /learner\.js:(\d+):(\d+)/.exec(stack);
    if (!match) return {};
    return { line: Number(match[1]), column: Number(match[2]) };
  } catch {
    return {};
  }
}

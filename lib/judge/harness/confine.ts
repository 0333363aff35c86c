// Takes out of the sandbox's realm what the isolate's memory limit does not count or
// what no challenge needs, before any test or learner code runs (measured on Node 20,
// V8 11.3: each of these let one run take 0.5-1 GiB of the judge process's memory):
// - WebAssembly: a wasm Memory grows outside the V8 heap (1 GiB touched -> 1.1 GB rss).
// - resizable ArrayBuffer / growable SharedArrayBuffer: reserved and committed by V8
//   itself, not through isolated-vm's counting allocator. ArrayBuffer stays, minus the
//   maxByteLength option; SharedArrayBuffer goes (no threads here, and Atomics.wait on
//   it blocks the isolate's thread).
// - Intl: each Intl object holds ICU memory outside the heap (300k collators -> 420 MB).
//   String#localeCompare and Number#toLocaleString still work without the global.
// The host's resident-memory guard (lib/judge/sandbox.ts) stays as the backstop.
//
// It also keeps the hidden tests' source out of learner hands: every function prints as
// native code (the tests hand callbacks to learner code: a pool's create/destroy, a
// clock), and stack traces show only the learner's own frames (learner.js), with every
// run of other frames folded into one "at <judge>" line.

const construct = Reflect.construct;
const apply = Reflect.apply;
const defineProperty = Object.defineProperty;
const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const errorToString = Error.prototype.toString;

/** The only file whose frames a learner may see in a stack trace (see lib/judge/sandbox.ts). */
export const LEARNER_FILE = "learner.js";

export const REMOVED_GLOBALS = ["WebAssembly", "SharedArrayBuffer", "Intl"] as const;

export function confineRealm(globalObject: Record<string, unknown>): void {
  for (const name of REMOVED_GLOBALS) delete globalObject[name];
  const NativeArrayBuffer = globalObject.ArrayBuffer as ArrayBufferConstructor;

  // A function, not a class: its prototype must be the native one, so instanceof, subclassing
  // and buffers made by typed arrays all agree. The options object is never handed on, so a
  // getter cannot answer one thing here and another to V8.
  const FixedArrayBuffer = function ArrayBuffer(this: unknown, length: unknown, options?: unknown): ArrayBuffer {
    if (new.target === undefined) throw new TypeError("Constructor ArrayBuffer requires 'new'");
    if (typeof options === "object" && options !== null && (options as { maxByteLength?: unknown }).maxByteLength !== undefined) {
      throw new RangeError("Resizable ArrayBuffers are not available in the judge (their memory is not counted by its limit)");
    }
    return construct(NativeArrayBuffer, [length], new.target) as ArrayBuffer;
  };
  defineProperty(FixedArrayBuffer, "prototype", { value: NativeArrayBuffer.prototype, writable: false });
  defineProperty(FixedArrayBuffer, "isView", { value: NativeArrayBuffer.isView, writable: true, configurable: true });
  defineProperty(FixedArrayBuffer, Symbol.species, {
    get(this: unknown) {
      return this;
    },
    configurable: true,
  });
  defineProperty(NativeArrayBuffer.prototype, "constructor", { value: FixedArrayBuffer, writable: true, configurable: true });
  defineProperty(globalObject, "ArrayBuffer", { value: FixedArrayBuffer, writable: true, configurable: true });
  hideSources(globalObject);
}

function hideSources(globalObject: Record<string, unknown>): void {
  const FunctionCtor = globalObject.Function as FunctionConstructor;
  const ErrorCtor = globalObject.Error as ErrorConstructor & { prepareStackTrace?: unknown };
  defineProperty(FunctionCtor.prototype, "toString", {
    value: function toString(this: unknown): string {
      if (typeof this !== "function") throw new TypeError("Function.prototype.toString requires that 'this' be a Function");
      const name = getOwnPropertyDescriptor(this, "name")?.value;
      return `function ${typeof name === "string" ? name : ""}() { [native code] }`;
    },
    writable: true,
    configurable: true,
  });
  // V8 calls this for every stack it formats in this realm (error.stack, captureStackTrace).
  defineProperty(ErrorCtor, "prepareStackTrace", {
    value: function prepareStackTrace(error: unknown, frames: NodeJS.CallSite[]): string {
      let header: string;
      try {
        header = String(apply(errorToString, error, []));
      } catch {
        header = "Error";
      }
      let stack = header;
      let folded = false;
      for (const frame of frames) {
        if (frame.getFileName() !== LEARNER_FILE) {
          if (!folded) stack += "\n    at <judge>";
          folded = true;
          continue;
        }
        folded = false;
        const where = `${LEARNER_FILE}:${frame.getLineNumber() ?? 0}:${frame.getColumnNumber() ?? 0}`;
        const name = frame.getFunctionName();
        stack += name ? `\n    at ${name} (${where})` : `\n    at ${where}`;
      }
      return stack;
    },
    writable: true,
    configurable: true,
  });
}

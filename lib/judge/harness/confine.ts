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

const construct = Reflect.construct;
const defineProperty = Object.defineProperty;

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
}

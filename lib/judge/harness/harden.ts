// Freezes the realm's builtins before learner code runs, so a learner cannot make a
// test pass by patching what the tests use (Array.prototype.every, Object.is, Math...).
// Assigning an inherited frozen property (`this.name = "X"` on an Error subclass) would
// then throw ("the override mistake"), so the commonly overridden ones become
// accessors that define an own property instead, as SES does.

const OVERRIDABLE = ["constructor", "name", "message", "toString", "valueOf", "toJSON", "toLocaleString", "stack"];

function enableOverride(target: object, key: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor || !("value" in descriptor) || !descriptor.configurable) return;
  const value: unknown = descriptor.value;
  Object.defineProperty(target, key, {
    get() {
      return value;
    },
    set(this: object, next: unknown) {
      if (this === target) throw new TypeError(`Cannot assign to read only property '${key}' of a builtin`);
      Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: descriptor.enumerable ?? false,
    configurable: false,
  });
}

function hiddenIntrinsics(): object[] {
  const found: unknown[] = [
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
    Object.getPrototypeOf(""[Symbol.iterator]()),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf("a".matchAll(/a/g)),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
    Object.getPrototypeOf(Int8Array),
  ];
  return found.filter((value): value is object => (typeof value === "object" || typeof value === "function") && value !== null);
}

/** Deep-freezes every builtin reachable from the global object and locks the global bindings. */
export function hardenRealm(globalObject: Record<string, unknown>, keepConfigurable: string[]): void {
  const roots: object[] = [...hiddenIntrinsics()];
  const globalNames = Object.getOwnPropertyNames(globalObject);
  for (const name of globalNames) {
    if (keepConfigurable.includes(name)) continue;
    const value = globalObject[name];
    if ((typeof value === "object" || typeof value === "function") && value !== null && value !== globalObject) roots.push(value);
  }
  const prototypes = new Set<object>();
  for (const root of roots) {
    const proto = (root as { prototype?: unknown }).prototype;
    if (typeof proto === "object" && proto !== null) prototypes.add(proto);
  }
  prototypes.add(Object.prototype);
  prototypes.add(Function.prototype);
  for (const proto of prototypes) for (const key of OVERRIDABLE) enableOverride(proto, key);

  const seen = new Set<object>();
  const pending: object[] = [...roots, ...prototypes];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || seen.has(current)) continue;
    seen.add(current);
    Object.freeze(current);
    const proto = Object.getPrototypeOf(current) as object | null;
    if (proto) pending.push(proto);
    for (const key of Reflect.ownKeys(current)) {
      const descriptor = Object.getOwnPropertyDescriptor(current, key);
      if (!descriptor) continue;
      for (const part of [descriptor.value, descriptor.get, descriptor.set]) {
        if ((typeof part === "object" || typeof part === "function") && part !== null) pending.push(part);
      }
    }
  }

  for (const name of globalNames) {
    if (keepConfigurable.includes(name)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(globalObject, name);
    if (descriptor?.configurable) {
      Object.defineProperty(globalObject, name, { ...descriptor, ...("value" in descriptor ? { writable: false } : {}), configurable: false });
    }
  }
}

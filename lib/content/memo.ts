// Content changes only when the app is deployed, so a production server reads each file
// once. Elsewhere (next dev, tests) every call reads again, so edits show at once and a
// test that points BLUEPRINT_CONTENT_DIR somewhere else sees that folder.
import { contentRoot } from "./paths";

const store = new Map<string, unknown>();

/** `load()` once per production process and content root; every call otherwise. */
export function memoInProduction<T>(key: string, load: () => T): T {
  if (process.env.NODE_ENV !== "production") return load();
  const fullKey = `${contentRoot()}\0${key}`;
  if (store.has(fullKey)) return store.get(fullKey) as T;
  const value = load();
  store.set(fullKey, value);
  return value;
}

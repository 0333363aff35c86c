// Prisma's schema engine (the WebAssembly build, so nothing is downloaded) driven
// directly: it writes the SQL of the next migration and checks a migrated database
// for drift. The Prisma CLI's native engine cannot be fetched on offline machines.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string }>;
  free(): void;
};
type EngineModule = { SchemaEngine: { new: (options: unknown, log: (message: string) => void, adapter: object) => Promise<Engine> } };

const require = createRequire(import.meta.url);
let enginePromise: Promise<EngineModule> | undefined;

/** Node 20 cannot import .wasm, so the module is instantiated by hand. */
let lastPanic = "";

function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    // The engine reports a Rust panic's message through this global before it throws.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const glue = (await import(path.join(packageDir, "schema_engine_bg.js"))) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return enginePromise;
}

/**
 * The engine reads PostgreSQL's catalog, whose `"char"` columns (OID 18) the pg
 * adapter does not map; reporting them as text (OID 25) is what the engine expects.
 */
function withCharAsText<T extends { fields?: Array<{ dataTypeID: number }> }>(result: T): T {
  for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
  return result;
}

class CharAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: { fields?: Array<{ dataTypeID: number }> }) =>
        last(error, result && withCharAsText(result));
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args) as Promise<{ fields?: Array<{ dataTypeID: number }> }>;
    return pending && typeof pending.then === "function" ? pending.then(withCharAsText) : pending;
  }
}

/** An adapter that answers the engine's version probe and refuses everything else. */
function offlineAdapterFactory() {
  const refuse = () => Promise.reject(new Error("no database: schema-to-schema diffs only"));
  const queryable = {
    provider: "postgres" as const,
    adapterName: "blueprint-offline",
    queryRaw: async () => ({
      columnNames: ["exists", "version", "numeric_version"],
      columnTypes: [5, 7, 0],
      rows: [[true, "PostgreSQL 16.0", 160000]],
    }),
    executeRaw: refuse,
    executeScript: refuse,
    startTransaction: refuse,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
  return {
    provider: "postgres" as const,
    adapterName: "blueprint-offline",
    connect: async () => queryable,
    connectToShadowDb: async () => queryable,
  };
}

export type SchemaSource = { kind: "empty" } | { kind: "schema" } | { kind: "database"; url: string };

const SCHEMA_FILE = path.join(process.cwd(), "prisma", "schema.prisma");

function target(source: SchemaSource) {
  const files = [{ path: SCHEMA_FILE, content: readFileSync(SCHEMA_FILE, "utf8") }];
  if (source.kind === "empty") return { tag: "empty" };
  if (source.kind === "schema") return { tag: "schemaDatamodel", files };
  return { tag: "schemaDatasource", files, configDir: process.cwd() };
}

/** The SQL that turns `from` into `to` ("-- This is an empty migration." when nothing differs). */
export async function diffSchemas(from: SchemaSource, to: SchemaSource): Promise<string> {
  const { SchemaEngine } = await loadEngineModule();
  const live = [from, to].find((s): s is Extract<SchemaSource, { kind: "database" }> => s.kind === "database");
  const factory = live
    ? new PrismaPg(new pg.Pool({ connectionString: live.url, Client: CharAsTextClient }))
    : (offlineAdapterFactory() as unknown as ConstructorParameters<typeof PrismaPg>[0]);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory as never);
  const logs: string[] = [];
  const engine = await SchemaEngine.new({ datamodels: undefined }, (message: string) => logs.push(message), adapter);
  try {
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout;
  } catch (error) {
    throw new Error(`schema engine failed: ${lastPanic || (error as Error).message}\n${logs.slice(-5).join("\n")}`);
  } finally {
    engine.free();
  }
}

export function isEmptyMigration(sql: string): boolean {
  return sql.trim() === "" || /^-- This is an empty migration\.?\s*$/.test(sql.trim());
}

// The embedded PostgreSQL driver (lib/db-tooling/embedded-postgres.ts) on real clusters:
// private folders as root (issue 18), the password that replaced the fixed one (issue 11,
// least privilege), and what an interrupted first start leaves behind.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { EmbeddedPostgresError, freePort, LEGACY_PASSWORD, startEmbeddedPostgres } from "../../lib/db-tooling/embedded-postgres";

const isRoot = process.getuid?.() === 0;
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder only its owner may enter, as `mktemp -d` and /root are. */
function privateFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-private-"));
  chmodSync(dir, 0o700);
  made.push(dir);
  return dir;
}

function openFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-open-"));
  chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function passwordError(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe("a data folder inside a private folder", () => {
  it(
    isRoot
      ? "as root, with nowhere PostgreSQL's user can reach, stops with a message naming the folder and the three ways out"
      : "as a normal user, just works (PostgreSQL runs as us)",
    async () => {
      const closed = privateFolder();
      const start = startEmbeddedPostgres({
        dir: path.join(closed, "data", "postgres"),
        port: await freePort(),
        database: "blueprint",
        persistent: false,
        // The fallback is inside the private folder too, so nothing can work.
        sharedDir: path.join(closed, "shared"),
      });
      if (isRoot) {
        const error = await start.then(
          (server) => server.stop().then(() => undefined),
          (reason: unknown) => reason,
        );
        expect(error).toBeInstanceOf(EmbeddedPostgresError);
        const message = (error as Error).message;
        expect(message).toContain('runs as the user "postgres"');
        expect(message).toContain(`${closed} is closed to other users`);
        expect(message).toContain("run as a normal user");
        expect(message).toContain(`chmod o+x ${closed}`);
        expect(message).toContain("DATABASE_URL=postgresql://");
      } else {
        const server = await start;
        expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
        await server.stop();
      }
    },
  );

  it(
    isRoot
      ? "as root, keeps the data where PostgreSQL's user can reach it, and finds it there again on the next start"
      : "as a normal user, keeps the data in the folder asked for",
    async () => {
      const closed = privateFolder();
      const shared = openFolder();
      const dir = path.join(closed, "data", "postgres");
      const password = "a-generated-password-for-this-test";
      const options = { dir, database: "blueprint", persistent: true, password, sharedDir: shared };
      const first = await startEmbeddedPostgres({ ...options, port: await freePort() });
      await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
      await first.stop();
      const second = await startEmbeddedPostgres({ ...options, port: await freePort() });
      try {
        expect(second.dataDir).toBe(first.dataDir);
        expect(second.dataDir.startsWith(isRoot ? shared : closed)).toBe(true);
        expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
      } finally {
        await second.stop();
      }
    },
  );
});

describe("the embedded database's password", () => {
  it("a cluster made with the old fixed password is moved to the generated one on start", async () => {
    const dir = path.join(openFolder(), "postgres");
    const old = await startEmbeddedPostgres({ dir, port: await freePort(), database: "blueprint", persistent: true, password: LEGACY_PASSWORD });
    await old.stop();

    const generated = "0123456789abcdef0123456789abcdef";
    const port = await freePort();
    const logs: string[] = [];
    const server = await startEmbeddedPostgres({
      dir,
      port,
      database: "blueprint",
      persistent: true,
      password: generated,
      legacyPasswords: [LEGACY_PASSWORD],
      log: (line) => logs.push(line),
    });
    try {
      expect(await query(server.url, "SELECT current_user AS who")).toEqual([{ who: "blueprint" }]);
      expect(server.url).toContain(generated);
      // The old password no longer opens it: 28P01 is PostgreSQL's "password authentication failed".
      expect(await passwordError(`postgresql://blueprint:${LEGACY_PASSWORD}@127.0.0.1:${port}/blueprint`)).toBe("28P01");
      expect(logs.join("\n")).toContain("changed it to the generated one");
    } finally {
      await server.stop();
    }
  });

  it("a password that opens nothing stops with a message pointing at secrets.json, and the server is stopped", async () => {
    const dir = path.join(openFolder(), "postgres");
    const first = await startEmbeddedPostgres({ dir, port: await freePort(), database: "blueprint", persistent: true, password: "the-first-password-0123456789" });
    await first.stop();
    const port = await freePort();
    const error = await startEmbeddedPostgres({ dir, port, database: "blueprint", persistent: true, password: "another-password-0123456789" }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(EmbeddedPostgresError);
    expect((error as Error).message).toContain("secrets.json");
    // Stopped: the port is free again for the next attempt.
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });
});

describe("after an interrupted first start", () => {
  it("a half-made cluster from an interrupted initdb is cleared and the start succeeds", async () => {
    const parent = openFolder();
    const dir = path.join(parent, "postgres");
    // What Ctrl+C during initdb leaves: initdb's side folder, partly filled, never renamed into place.
    const leftover = `${dir}.initdb-12345`;
    mkdirSync(path.join(leftover, "base"), { recursive: true });
    writeFileSync(path.join(leftover, "PG_VERSION"), "17\n");
    writeFileSync(`${leftover}.password`, "stale\n");

    const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "blueprint", persistent: true, password: "fresh-password-0123456789abcdef" });
    try {
      expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      expect(readdirSync(parent).sort()).toEqual(["postgres"]);
    } finally {
      await server.stop();
    }
  });
});

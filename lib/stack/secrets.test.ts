import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadLocalSecrets, SECRET_NAMES, SecretsFileError } from "./secrets";

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "blueprint-secrets-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const mode = (file: string) => statSync(file).mode & 0o777;
let counter = 0;
const generate = () => `generated-${String(++counter).padStart(2, "0")}-0123456789abcdef0123456789`;

describe("the local secrets file", () => {
  it("is created with every secret, the embedded database's password among them, readable by its owner only", () => {
    const dir = dataDir();
    const { secrets, file, created } = loadLocalSecrets(dir, generate);
    expect(created).toEqual([...SECRET_NAMES]);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(secrets);
    expect(secrets.EMBEDDED_POSTGRES_PASSWORD).toMatch(/^generated-/);
    expect(new Set(Object.values(secrets)).size).toBe(SECRET_NAMES.length);
    expect(mode(file)).toBe(0o600);
  });

  it("has its mode put back to 0600 on every start, not only when first made", () => {
    const dir = dataDir();
    const { file, secrets } = loadLocalSecrets(dir, generate);
    chmodSync(file, 0o644);
    const again = loadLocalSecrets(dir, generate);
    expect(mode(file)).toBe(0o600);
    expect(again.secrets).toEqual(secrets);
    expect(again.created).toEqual([]);
  });

  it("keeps the secrets an older file has and adds the ones it lacks (the database password, for a file from before it)", () => {
    const dir = dataDir();
    const file = path.join(dir, "secrets.json");
    const old = { SESSION_SECRET: "s".repeat(64), JUDGE_SECRET: "j".repeat(64), BETTER_AUTH_SECRET: "b".repeat(64) };
    writeFileSync(file, JSON.stringify(old), { mode: 0o644 });
    const { secrets, created } = loadLocalSecrets(dir, generate);
    expect(created).toEqual(["EMBEDDED_POSTGRES_PASSWORD"]);
    expect(secrets).toMatchObject(old);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(secrets);
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["secrets.json"]);
  });

  it("a file that is not JSON stops the start with a message instead of new secrets that would lock the database", () => {
    const dir = dataDir();
    const file = path.join(dir, "secrets.json");
    writeFileSync(file, '{"SESSION_SECRET": "trunc');
    expect(() => loadLocalSecrets(dir, generate)).toThrow(SecretsFileError);
    expect(() => loadLocalSecrets(dir, generate)).toThrow(/is not valid JSON.*embedded database's password/);
    expect(readFileSync(file, "utf8")).toBe('{"SESSION_SECRET": "trunc');
  });
});

// .data/secrets.json: the secrets `npm run dev` and `npm start` generate when the environment
// does not set them, and the embedded PostgreSQL's password. Only its owner may read it:
// the mode is put back to 0600 on every start, not only when the file is first made.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SECRET_NAMES = ["SESSION_SECRET", "JUDGE_SECRET", "BETTER_AUTH_SECRET", "EMBEDDED_POSTGRES_PASSWORD"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];
export type LocalSecrets = Record<SecretName, string>;

export class SecretsFileError extends Error {
  override name = "SecretsFileError";
}

/** Reads `<dataDir>/secrets.json`, generating (and storing) any secret it lacks; fixes its mode. */
export function loadLocalSecrets(dataDir: string, generate = () => randomBytes(32).toString("hex")): { secrets: LocalSecrets; file: string; created: SecretName[] } {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<Record<SecretName, unknown>> = {};
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    try {
      stored = JSON.parse(readFileSync(file, "utf8")) as Partial<Record<SecretName, unknown>>;
    } catch (error) {
      // Never regenerated silently: the database password in it is the only key to the data.
      throw new SecretsFileError(
        `${file} is not valid JSON (${(error as Error).message}). Restore it from a backup, or move it away to start with new secrets ` +
          "(the embedded database's password is in it: without it, delete the postgres/ folder beside it too).",
      );
    }
  }
  const created: SecretName[] = [];
  const secrets = {} as LocalSecrets;
  for (const name of SECRET_NAMES) {
    const value = stored[name];
    if (typeof value === "string" && value.length >= 32) {
      secrets[name] = value;
    } else {
      secrets[name] = generate();
      created.push(name);
    }
  }
  if (created.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    // Written beside and renamed into place: an interrupted first start never leaves half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, `${JSON.stringify({ ...stored, ...secrets }, null, 2)}\n`, { mode: 0o600 });
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  }
  return { secrets, file, created };
}

// BLUEPRINT_CHALLENGE / BLUEPRINT_CONCEPT narrow the content tests to one item while
// authoring. A leftover one must not silently shrink `npm test`: the narrowing is
// printed loudly, and under CI it is ignored (every item is checked).
export type NarrowingVariable = "BLUEPRINT_CHALLENGE" | "BLUEPRINT_CONCEPT";

export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  const value = (env.CI ?? "").trim().toLowerCase();
  return value !== "" && value !== "0" && value !== "false";
}

/** The one item to check, or undefined for all of them. */
export function narrowing(variable: NarrowingVariable, env: Record<string, string | undefined> = process.env, warn: (text: string) => unknown = (text) => process.stderr.write(text)): string | undefined {
  const value = env[variable]?.trim();
  if (!value) return undefined;
  const bar = "!".repeat(78);
  if (isCi(env)) {
    warn(`\n${bar}\n${variable}=${value} is set, but CI is: ignoring it and checking everything.\n${bar}\n\n`);
    return undefined;
  }
  warn(`\n${bar}\n${variable}=${value}: checking ONLY this one. Unset ${variable} to check all 20.\n${bar}\n\n`);
  return value;
}

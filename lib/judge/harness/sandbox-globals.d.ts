// The only globals learner code has beyond standard JavaScript: a console whose
// output is captured (16 KB) and shown under the verdict. No timers, no fetch, no process.
interface SandboxConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}
// eslint-disable-next-line no-var -- only `var` declares a global
declare var console: SandboxConsole;

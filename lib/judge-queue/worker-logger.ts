// graphile-worker logs every job at info; our worker writes one JSON line per job itself,
// so only the library's warnings and errors reach stderr.
import { Logger } from "graphile-worker";

export const quietLogger = new Logger(() => (level, message) => {
  const name = String(level);
  if (name === "error" || name === "warning") process.stderr.write(`graphile-worker ${name}: ${message}\n`);
});

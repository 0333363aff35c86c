// Which ports `npm run dev` / `npm start` listen on. A port someone asked for (PORT,
// JUDGE_PORT, BLUEPRINT_PG_PORT) that is taken stops the start with the fix; a default
// that is taken gives way to another port, and the start says which.
import net from "node:net";

export class PortTakenError extends Error {
  override name = "PortTakenError";
}

export interface PortChoice {
  port: number;
  /** Said to the person starting the app when the port is not the one they would expect. */
  note?: string;
}

export async function portIsFree(port: number): Promise<boolean> {
  // Both the loopback address and every address: Next.js listens on all, the others on loopback.
  for (const host of ["127.0.0.1", undefined]) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
    });
    if (!free) return false;
  }
  return true;
}

export async function choosePort(options: {
  /** What listens there, for the message: "the app", "the judge service", "the embedded PostgreSQL". */
  what: string;
  variable: string;
  /** The variable's value, when set. */
  requested: string | undefined;
  fallback: number;
  /** A default that is taken: try these next (in order), else stop. */
  alternatives: number[];
  command: string;
  isFree?: (port: number) => Promise<boolean>;
}): Promise<PortChoice> {
  const isFree = options.isFree ?? portIsFree;
  if (options.requested !== undefined && options.requested !== "") {
    const port = Number(options.requested);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new PortTakenError(`${options.variable}=${options.requested} is not a port (1-65535).`);
    }
    if (await isFree(port)) return { port };
    throw new PortTakenError(
      `Port ${port} (${options.variable}, for ${options.what}) is taken: another program listens there. ` +
        `Stop it, or choose another port: ${options.variable}=${port + 1} ${options.command}`,
    );
  }
  if (await isFree(options.fallback)) return { port: options.fallback };
  for (const port of options.alternatives) {
    if (await isFree(port)) {
      return { port, note: `port ${options.fallback} is taken (another program listens there): ${options.what} uses ${port} instead (set ${options.variable} to choose)` };
    }
  }
  throw new PortTakenError(
    `Port ${options.fallback} (for ${options.what}) is taken, and so are the ports tried after it. ` +
      `Choose a free one: ${options.variable}=<port> ${options.command}`,
  );
}

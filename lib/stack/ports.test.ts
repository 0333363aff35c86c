import net from "node:net";
import { describe, expect, it } from "vitest";
import { choosePort, portIsFree, PortTakenError } from "./ports";

const taken = (...ports: number[]) => async (port: number) => !ports.includes(port);
const base = { what: "the app", variable: "PORT", fallback: 3000, alternatives: [3001, 3002], command: "npm run dev" };

describe("choosing the ports a start listens on", () => {
  it("a port someone asked for that is taken stops the start with the fix", async () => {
    const choice = choosePort({ ...base, requested: "3000", isFree: taken(3000) });
    await expect(choice).rejects.toThrow(PortTakenError);
    await expect(choosePort({ ...base, requested: "3000", isFree: taken(3000) })).rejects.toThrow(
      "Port 3000 (PORT, for the app) is taken: another program listens there. Stop it, or choose another port: PORT=3001 npm run dev",
    );
  });

  it("a taken default gives way to the next free one, and says which", async () => {
    const choice = await choosePort({ ...base, requested: undefined, isFree: taken(3000, 3001) });
    expect(choice).toEqual({
      port: 3002,
      note: "port 3000 is taken (another program listens there): the app uses 3002 instead (set PORT to choose)",
    });
  });

  it("a free default or a free requested port is used as it is, without a note", async () => {
    expect(await choosePort({ ...base, requested: undefined, isFree: taken() })).toEqual({ port: 3000 });
    expect(await choosePort({ ...base, requested: "4510", isFree: taken(3000) })).toEqual({ port: 4510 });
  });

  it("when the default and every alternative are taken, or the value is not a port, it stops with a message", async () => {
    await expect(choosePort({ ...base, requested: undefined, isFree: taken(3000, 3001, 3002) })).rejects.toThrow("PORT=<port> npm run dev");
    await expect(choosePort({ ...base, requested: "http", isFree: taken() })).rejects.toThrow("PORT=http is not a port");
  });

  it("sees a port taken by a real listener as taken, and free once it closes", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (typeof address !== "object" || !address) throw new Error("no address");
    expect(await portIsFree(address.port)).toBe(false);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await portIsFree(address.port)).toBe(true);
  });
});

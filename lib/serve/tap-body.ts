// Sees every body chunk a ServerResponse sends, as it is written (after any compression
// wrapped in later), without changing what is sent: for the request log's byte count and
// for the page cache's copy.
import type { ServerResponse } from "node:http";

export function tapBody(response: ServerResponse, onChunk: (chunk: Buffer | string, encoding: BufferEncoding | undefined) => void): void {
  const see = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string" || chunk instanceof Uint8Array) onChunk(typeof chunk === "string" ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), typeof encoding === "string" ? (encoding as BufferEncoding) : undefined);
  };
  const originalWrite = response.write;
  const originalEnd = response.end;
  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    see(chunk, rest[0]);
    return (originalWrite as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof response.write;
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    see(args[0], args[1]);
    return (originalEnd as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof response.end;
}

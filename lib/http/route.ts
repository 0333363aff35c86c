import "server-only";
import type { z } from "zod";
import { HttpError } from "./errors";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Wraps a route handler: HttpError -> its status and message as JSON; anything else -> a 500 that leaks nothing. */
export function route<P>(handler: Handler<P>): Handler<P> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) {
        return Response.json({ error: error.message }, { status: error.status, headers: error.headers });
      }
      console.error("unhandled error in", request.method, new URL(request.url).pathname, error);
      return Response.json({ error: "Something went wrong on our side. Your work is saved; please try again." }, { status: 500 });
    }
  };
}

/** Reads and validates a JSON body; a clear 4xx for every way it can be wrong. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>, maxBytes = 128 * 1024): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) throw new HttpError(415, "send the body as JSON (content-type: application/json)");
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw new HttpError(413, `request body is larger than ${Math.round(maxBytes / 1024)} KiB`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new HttpError(400, `${where}${issue?.message ?? "invalid request body"}`);
  }
  return parsed.data;
}

// Next.js's request scope (next/headers) for route handlers called outside `next start`:
// the one stand-in of the route-level integration tests. Each call gets its own headers
// and cookie jar, read from and written to the Request as Next.js does. Use it as
//   vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders());
// and call handlers through `callRoute`.

export const BASE = "http://localhost";

export type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
  /** The learner cookie the handler set, if it set one. */
  cookie: string | undefined;
}

const scope: { current: null | { request: Request; setCookies: Map<string, string> } } = { current: null };

function active() {
  if (!scope.current) throw new Error("next/headers used outside a request");
  return scope.current;
}

function requestCookies(request: Request): Map<string, string> {
  return new Map(
    (request.headers.get("cookie") ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.slice(0, part.indexOf("=")), part.slice(part.indexOf("=") + 1)] as const),
  );
}

/** The module that stands in for next/headers. */
export function nextHeaders() {
  return {
    headers: async () => active().request.headers,
    cookies: async () => {
      const { request, setCookies } = active();
      return {
        get: (name: string) => {
          const value = setCookies.get(name) ?? requestCookies(request).get(name);
          return value === undefined ? undefined : { name, value };
        },
        set: (name: string, value: string) => void setCookies.set(name, value),
        delete: (name: string) => void setCookies.set(name, ""),
      };
    },
  };
}

/** One request through a handler, with the request scope Next.js would give it. */
export async function callRoute(handler: Handler, path: string, init: RequestInit & { params?: Record<string, string>; cookie?: string } = {}): Promise<Reply> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  const request = new Request(BASE + path, { ...init, headers, duplex: "half" } as RequestInit);
  scope.current = { request, setCookies: new Map() };
  try {
    const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
    const text = await response.text();
    const learner = scope.current.setCookies.get("bp_learner");
    return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, cookie: learner ? `bp_learner=${learner}` : undefined };
  } finally {
    scope.current = null;
  }
}

export const json = (value: unknown): RequestInit => ({ body: JSON.stringify(value), headers: { "content-type": "application/json" } });

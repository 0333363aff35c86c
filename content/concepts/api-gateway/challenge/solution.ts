// solution-canary:api-gateway (tests/e2e/bundle.spec.ts: this string must never reach a browser)
export interface Route {
  method: string;
  pattern: string;
  service: string;
  rewrite?: string;
  public?: boolean;
}

export interface GatewayRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface GatewayResponse {
  status: number;
  service?: string;
  upstreamPath?: string;
  params?: Record<string, string>;
  userId?: string;
}

interface CompiledRoute {
  route: Route;
  index: number;
  segments: string[]; // the pattern's segments, without a trailing "*"
  wildcard: boolean; // the pattern ends in "*"
  literals: number; // how many segments must match exactly
}

function compile(route: Route, index: number): CompiledRoute {
  const segments = route.pattern.split("/");
  const wildcard = segments[segments.length - 1] === "*";
  if (wildcard) segments.pop();
  const literals = segments.filter((segment) => !segment.startsWith(":")).length;
  return { route, index, segments, wildcard, literals };
}

/** The captured params when `path` matches, or null. */
function match(compiled: CompiledRoute, path: string): Record<string, string> | null {
  const parts = path.split("/");
  const { segments, wildcard } = compiled;
  // A trailing "*" needs at least one more segment (which may be empty); otherwise counts must agree.
  if (wildcard ? parts.length < segments.length + 1 : parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (segment.startsWith(":")) {
      if (part === "") return null;
      params[segment.slice(1)] = part;
    } else if (segment !== part) {
      return null;
    }
  }
  if (wildcard) params["*"] = parts.slice(segments.length).join("/");
  return params;
}

/** More literal segments first, then a route without "*" before one with it, then list order. */
function moreSpecific(a: CompiledRoute, b: CompiledRoute): number {
  if (a.literals !== b.literals) return b.literals - a.literals;
  if (a.wildcard !== b.wildcard) return a.wildcard ? 1 : -1;
  return a.index - b.index;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function bearerToken(headers: Record<string, string>): string | undefined {
  const value = header(headers, "authorization");
  if (value === undefined) return undefined;
  const found = /^bearer\s+(\S+)\s*$/i.exec(value.trim());
  return found ? found[1] : undefined;
}

function buildUpstreamPath(route: Route, path: string, query: string | undefined, params: Record<string, string>): string {
  if (route.rewrite === undefined) return query === undefined ? path : `${path}?${query}`;
  const rewritten = route.rewrite.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => params[name] ?? whole);
  if (query === undefined) return rewritten;
  return `${rewritten}${rewritten.includes("?") ? "&" : "?"}${query}`;
}

export function createGateway(opts: {
  routes: Route[];
  verifyToken(token: string): { userId: string } | null;
}): { handle(req: GatewayRequest): GatewayResponse } {
  const routes = opts.routes.map(compile);
  return {
    handle(req) {
      const cut = req.path.indexOf("?");
      const path = cut < 0 ? req.path : req.path.slice(0, cut);
      const query = cut < 0 ? undefined : req.path.slice(cut + 1);
      const method = req.method.toUpperCase();

      let patternMatched = false;
      const candidates: Array<{ compiled: CompiledRoute; params: Record<string, string> }> = [];
      for (const compiled of routes) {
        const params = match(compiled, path);
        if (!params) continue;
        patternMatched = true;
        if (compiled.route.method.toUpperCase() === method) candidates.push({ compiled, params });
      }
      if (!patternMatched) return { status: 404 };
      if (candidates.length === 0) return { status: 405 };
      candidates.sort((a, b) => moreSpecific(a.compiled, b.compiled));
      const { compiled, params } = candidates[0]!;
      const route = compiled.route;

      let userId: string | undefined;
      if (!route.public) {
        const token = bearerToken(req.headers);
        const identity = token === undefined ? null : opts.verifyToken(token);
        if (!identity) return { status: 401 };
        userId = identity.userId;
      }
      const response: GatewayResponse = {
        status: 200,
        service: route.service,
        upstreamPath: buildUpstreamPath(route, path, query, params),
        params,
      };
      if (userId !== undefined) response.userId = userId;
      return response;
    },
  };
}

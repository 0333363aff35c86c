export interface Route {
  method: string;
  pattern: string; // "/users/:id", "/static/*"
  service: string;
  rewrite?: string; // "/internal/getUserById?id=:id"
  public?: boolean;
}

export interface GatewayRequest {
  method: string;
  path: string; // may carry a "?query"
  headers: Record<string, string>;
}

export interface GatewayResponse {
  status: number;
  service?: string;
  upstreamPath?: string;
  params?: Record<string, string>;
  userId?: string;
}

export function createGateway(opts: {
  routes: Route[];
  verifyToken(token: string): { userId: string } | null;
}): { handle(req: GatewayRequest): GatewayResponse } {
  return {
    handle(req) {
      // TODO: match patterns (":name", trailing "*"), pick the most specific route,
      // answer 404 / 405 before 401, check the bearer token, build upstreamPath.
      const route = opts.routes.find((r) => r.pattern === req.path && r.method === req.method);
      if (!route) return { status: 404 };
      return { status: 200, service: route.service, upstreamPath: req.path, params: {} };
    },
  };
}

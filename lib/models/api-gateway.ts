// Pure logic behind the API gateway model: one request walks the gateway's stages
// (route, authenticate, rate limit, rewrite, forward) and may stop at any of them.

export interface ModelRoute {
  method: string;
  pattern: string;
  service: string;
  rewrite?: string;
  public?: boolean;
}

/** The demo route table, already in the order the gateway tries them: most specific first. */
export const ROUTES: ModelRoute[] = [
  { method: "GET", pattern: "/v1/users/me", service: "profile-service" },
  { method: "GET", pattern: "/v1/users/:id", service: "user-service", rewrite: "/internal/user-service/getUserById?id=:id" },
  { method: "GET", pattern: "/v1/orders/:id", service: "order-service" },
  { method: "POST", pattern: "/v1/orders", service: "order-service" },
  { method: "GET", pattern: "/health", service: "gateway", public: true },
  { method: "GET", pattern: "/static/*", service: "asset-store", rewrite: "/bucket/web", public: true },
];

export const TOKENS = [
  { value: "none", label: "No token" },
  { value: "alice", label: "Valid token (alice)" },
  { value: "bob", label: "Valid token (bob)" },
  { value: "expired", label: "Expired token" },
] as const;

export type TokenChoice = (typeof TOKENS)[number]["value"];

export const PRESET_PATHS = ["/v1/users/42?fields=name", "/v1/users/me", "/v1/orders/9", "/v1/orders", "/static/css/site.css", "/health", "/v1/payments/1"];

export const LIMIT_PER_MINUTE = 3;

export type StageName = "route" | "authenticate" | "rate limit" | "rewrite" | "forward";
export const STAGES: StageName[] = ["route", "authenticate", "rate limit", "rewrite", "forward"];

export interface StageResult {
  stage: StageName;
  outcome: "pass" | "stop" | "skip" | "not reached";
  detail: string;
}

export interface GatewayResult {
  status: number;
  stages: StageResult[];
  route?: ModelRoute;
  upstreamPath?: string;
  userId?: string;
}

export interface GatewayState {
  minute: number;
  used: Record<string, number>; // allowed requests this minute per caller
  last?: { method: string; path: string; token: TokenChoice; result: GatewayResult };
}

export function initialGatewayState(): GatewayState {
  return { minute: 0, used: {} };
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  const wildcard = want[want.length - 1] === "*";
  if (wildcard) want.pop();
  if (wildcard ? got.length <= want.length : got.length !== want.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(":")) {
      if (g === "") return null;
      params[w.slice(1)] = g;
    } else if (w !== g) return null;
  }
  if (wildcard) params["*"] = got.slice(want.length).join("/");
  return params;
}

function verify(token: TokenChoice): string | null {
  return token === "alice" || token === "bob" ? token : null;
}

/** Runs one request through the stages. Returns the result and the state after it (rate-limit counts). */
export function handle(state: GatewayState, method: string, rawPath: string, token: TokenChoice): GatewayState {
  const stages: StageResult[] = [];
  const notReached = () => {
    for (const stage of STAGES) if (!stages.some((s) => s.stage === stage)) stages.push({ stage, outcome: "not reached", detail: "" });
  };
  const finish = (result: Omit<GatewayResult, "stages">, used = state.used): GatewayState => {
    notReached();
    return { ...state, used, last: { method, path: rawPath, token, result: { ...result, stages } } };
  };

  const cut = rawPath.indexOf("?");
  const path = cut < 0 ? rawPath : rawPath.slice(0, cut);
  const query = cut < 0 ? undefined : rawPath.slice(cut + 1);
  const verb = method.toUpperCase();

  // 1. Route: 404 if no pattern matches, 405 if only other methods do.
  const byPattern = ROUTES.map((route) => ({ route, params: matchPattern(route.pattern, path) })).filter((m) => m.params !== null);
  if (byPattern.length === 0) {
    stages.push({ stage: "route", outcome: "stop", detail: `no route matches ${path}` });
    return finish({ status: 404 });
  }
  const hit = byPattern.find((m) => m.route.method === verb);
  if (!hit) {
    const allowed = [...new Set(byPattern.map((m) => m.route.method))].join(", ");
    stages.push({ stage: "route", outcome: "stop", detail: `${path} exists, but only for ${allowed}` });
    return finish({ status: 405 });
  }
  const route = hit.route;
  const params = hit.params ?? {};
  stages.push({ stage: "route", outcome: "pass", detail: `${route.method} ${route.pattern}` });

  // 2. Authenticate, unless the route is public.
  let userId: string | undefined;
  if (route.public) {
    stages.push({ stage: "authenticate", outcome: "skip", detail: "public route: no token needed" });
  } else {
    const user = token === "none" ? null : verify(token);
    if (!user) {
      stages.push({ stage: "authenticate", outcome: "stop", detail: token === "none" ? "no Authorization header" : "token rejected: expired" });
      return finish({ status: 401, route });
    }
    userId = user;
    stages.push({ stage: "authenticate", outcome: "pass", detail: `user ${user}` });
  }

  // 3. Rate limit per caller, a fixed window of one minute.
  const caller = userId ?? "anonymous";
  const used = (state.used[caller] ?? 0) + 1;
  const nextUsed = { ...state.used, [caller]: used };
  if (used > LIMIT_PER_MINUTE) {
    // A denied request is not counted, so waiting out the minute is enough.
    stages.push({ stage: "rate limit", outcome: "stop", detail: `${caller} already sent ${LIMIT_PER_MINUTE} this minute` });
    return finish({ status: 429, route, userId });
  }
  stages.push({ stage: "rate limit", outcome: "pass", detail: `${caller}: ${used} of ${LIMIT_PER_MINUTE} this minute` });

  // 4. Rewrite.
  let upstreamPath = path;
  if (route.rewrite) {
    upstreamPath = route.rewrite.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => params[name] ?? whole);
  }
  if (query !== undefined) upstreamPath += `${route.rewrite && upstreamPath.includes("?") ? "&" : "?"}${query}`;
  stages.push({ stage: "rewrite", outcome: route.rewrite ? "pass" : "skip", detail: route.rewrite ? upstreamPath : "no rewrite: path unchanged" });

  // 5. Forward.
  stages.push({ stage: "forward", outcome: "pass", detail: `${route.service} ${upstreamPath}` });
  return finish({ status: 200, route, upstreamPath, userId }, nextUsed);
}

export function nextMinute(state: GatewayState): GatewayState {
  return { ...state, minute: state.minute + 1, used: {} };
}

export function describeGateway(state: GatewayState): string {
  if (!state.last) return `No request sent yet. Each caller may send ${LIMIT_PER_MINUTE} requests per minute.`;
  const { method, path, result } = state.last;
  const steps = result.stages
    .filter((s) => s.outcome !== "not reached")
    .map((s) => `${s.stage}: ${s.outcome === "pass" ? "passed" : s.outcome === "skip" ? "skipped" : "stopped"}${s.detail ? ` (${s.detail})` : ""}`)
    .join("; ");
  return `${method} ${path} answered ${result.status}. ${steps}.`;
}

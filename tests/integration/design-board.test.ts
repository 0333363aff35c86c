// The design check's API (docs/design-check.md, "The API") through the real route
// handlers against a real PostgreSQL: the stateless check, an interview's board with
// versions, and its stored check. Every bad input of issue 14 is a 4xx naming the problem
// and loses nothing; a semantically broken board is a verdict, not an error; another
// learner's interview is a 404. Next.js's request scope (next/headers) is the one
// stand-in, as in route-pipeline.test.ts: each request gets its own headers and cookies.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { loadInterviewBoards } from "../../lib/content/interviews";
import type { Board } from "../../lib/design/board";
import { createDatabase, useAppEnv } from "./database";
import { BASE, callRoute, json } from "./request-scope";

vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders());
const call = callRoute;

let api: {
  interviews: typeof import("../../app/api/interviews/route");
  action: typeof import("../../app/api/interviews/[id]/[action]/route");
  board: typeof import("../../app/api/interviews/[id]/board/route");
  boardCheck: typeof import("../../app/api/interviews/[id]/board/check/route");
  designCheck: typeof import("../../app/api/design/check/route");
  exportData: typeof import("../../app/api/me/export/route");
};
let lib: {
  client: typeof import("../../lib/db/client");
  rateLimits: typeof import("../../lib/db/rate-limits");
  service: typeof import("../../lib/design-board/service");
};

// The url-shortener's reference board passes every check; its flawed boards fail the named ones.
const boards = loadInterviewBoards("url-shortener")!;
const REFERENCE: Board = boards.reference.board;
const flawed = (name: string) => boards.flawed.find((board) => board.name === name)!;
const clone = (board: Board): Board => structuredClone(board);

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  process.env.BETTER_AUTH_SECRET = "integration-better-auth-secret-0123456789";
  process.env.BETTER_AUTH_URL = BASE;
  process.env.BLUEPRINT_AUTH_RATE_LIMIT = "off";
  api = {
    interviews: await import("../../app/api/interviews/route"),
    action: await import("../../app/api/interviews/[id]/[action]/route"),
    board: await import("../../app/api/interviews/[id]/board/route"),
    boardCheck: await import("../../app/api/interviews/[id]/board/check/route"),
    designCheck: await import("../../app/api/design/check/route"),
    exportData: await import("../../app/api/me/export/route"),
  };
  lib = {
    client: await import("../../lib/db/client"),
    rateLimits: await import("../../lib/db/rate-limits"),
    service: await import("../../lib/design-board/service"),
  };
});

/** A learner with a running url-shortener interview, through the API itself. */
async function learnerWithInterview(): Promise<{ cookie: string; id: string; learnerId: string }> {
  const started = await call(api.interviews.POST, "/api/interviews", { method: "POST", ...json({ prompt: "url-shortener" }) });
  expect(started.status).toBe(201);
  const id = started.body.id as string;
  const row = await lib.client.db().interview.findUniqueOrThrow({ where: { id }, select: { learnerId: true } });
  return { cookie: started.cookie!, id, learnerId: row.learnerId };
}

const getBoard = (who: { cookie: string; id: string }) => call(api.board.GET, `/api/interviews/${who.id}/board`, { cookie: who.cookie, params: { id: who.id } });
const putBoard = (who: { cookie: string; id: string }, body: unknown, init: RequestInit = {}) =>
  call(api.board.PUT, `/api/interviews/${who.id}/board`, { method: "PUT", cookie: who.cookie, params: { id: who.id }, ...json(body), ...init });
const checkBoard = (who: { cookie: string; id: string }) => call(api.boardCheck.POST, `/api/interviews/${who.id}/board/check`, { method: "POST", cookie: who.cookie, params: { id: who.id } });
const designCheck = (body: unknown, init: RequestInit & { cookie?: string } = {}) => call(api.designCheck.POST, "/api/design/check", { method: "POST", ...json(body), ...init });

/** Every way a board can be malformed (issue 14, "Bad input"), with what the 400 must name. */
function badBoards(): Array<{ what: string; board: unknown; names: RegExp }> {
  const unknownKind = clone(REFERENCE) as unknown as { nodes: Array<Record<string, unknown>> };
  unknownKind.nodes[2]!.kind = "mainframe";
  const notApplicable = clone(REFERENCE) as unknown as { nodes: Array<Record<string, unknown>> };
  notApplicable.nodes[3]!.replicas = 2; // node 4 is "api", a service: replicas are for databases and caches
  const duplicateEdge = clone(REFERENCE);
  duplicateEdge.edges.push({ ...duplicateEdge.edges[1]! });
  const dangling = clone(REFERENCE);
  dangling.edges.push({ from: "api", to: "ghost" });
  const outOfRange = clone(REFERENCE) as unknown as { nodes: Array<Record<string, unknown>> };
  outOfRange.nodes[4]!.hitRatio = 1.5;
  const tooManyNodes: Board = { version: 1, nodes: Array.from({ length: 201 }, (_, index) => ({ id: `n${index}`, kind: "service" as const, x: 0, y: index })), edges: [] };
  const manyNodes = Array.from({ length: 30 }, (_, index) => ({ id: `n${index}`, kind: "service" as const, x: 0, y: index }));
  const tooManyEdges: Board = {
    version: 1,
    nodes: manyNodes,
    edges: manyNodes.flatMap((from, i) => manyNodes.filter((_, j) => j !== i).map((to) => ({ from: from.id, to: to.id }))).slice(0, 401),
  };
  const unknownField = clone(REFERENCE) as unknown as { edges: Array<Record<string, unknown>> };
  unknownField.edges[0]!.weight = 3;
  return [
    { what: "a board that is not an object (JSON text in a string)", board: JSON.stringify(REFERENCE), names: /^Invalid board: board/ },
    { what: "an unknown kind", board: unknownKind, names: /node 3 \("lb"\), field kind: unknown kind/ },
    { what: "a field that does not apply to the kind", board: notApplicable, names: /node 4 \("api"\), field replicas: does not apply to a service/ },
    { what: "a duplicate edge", board: duplicateEdge, names: /a second edge from "users" to "lb"/ },
    { what: "a dangling edge", board: dangling, names: /field to: no node has id "ghost"/ },
    { what: "a value out of range", board: outOfRange, names: /node 5 \("cache"\), field hitRatio: must be between 0 and 1/ },
    { what: "over 200 nodes", board: tooManyNodes, names: /field nodes: at most 200 nodes/ },
    { what: "over 400 edges", board: tooManyEdges, names: /field edges: at most 400 edges/ },
    { what: "an unknown field", board: unknownField, names: /field weight|unknown field "weight"/ },
  ];
}

describe("POST /api/design/check", () => {
  test("the reference board passes every check, and the verdict is the contract's shape", async () => {
    const reply = await designCheck({ prompt: "url-shortener", board: REFERENCE });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ prompt: "url-shortener", verdict: "passed" });
    const checks = reply.body.checks as Array<{ id: string; status: string }>;
    expect(checks.map((check) => check.id)).toEqual(["structure", "capacity", "headroom", "latency", "redundancy", "failover", "storage", "async"]);
    expect(checks.every((check) => check.status === "passed")).toBe(true);
    expect((reply.body.nodes as unknown[]).length).toBe(REFERENCE.nodes.length);
  });

  test("a flawed board is a 200 whose verdict fails its named checks, each with a message naming the lesson", async () => {
    const board = flawed("redundancy-one-load-balancer.json");
    const reply = await designCheck({ prompt: "url-shortener", board: board.board });
    expect(reply.status).toBe(200);
    const checks = reply.body.checks as Array<{ id: string; status: string; message?: string; concept?: string }>;
    expect(checks.filter((check) => check.status === "failed").map((check) => check.id)).toEqual(board.fails);
    const redundancy = checks.find((check) => check.id === "redundancy")!;
    expect(redundancy.message).toMatch(/Load balancer/);
    expect(redundancy.concept).toBeTruthy();
  });

  test("a semantically broken board (no client, a cycle) is a verdict whose structure check fails, not an error", async () => {
    const noClient: Board = { version: 1, nodes: [{ id: "api", kind: "service", instances: 2, x: 0, y: 0 }, { id: "db", kind: "database", replicas: 1, x: 100, y: 0 }], edges: [{ from: "api", to: "db" }] };
    const cycle: Board = {
      version: 1,
      nodes: [
        { id: "users", kind: "client", x: 0, y: 0 },
        { id: "a", kind: "service", instances: 20, x: 100, y: 0 },
        { id: "b", kind: "service", instances: 20, x: 200, y: 0 },
        { id: "db", kind: "database", instances: 2, replicas: 1, x: 300, y: 0 },
      ],
      edges: [
        { from: "users", to: "a" },
        { from: "a", to: "b" },
        { from: "b", to: "a" },
        { from: "b", to: "db" },
      ],
    };
    for (const board of [noClient, cycle]) {
      const reply = await designCheck({ prompt: "url-shortener", board });
      expect(reply.status).toBe(200);
      expect(reply.body.verdict).toBe("failed");
      const structure = (reply.body.checks as Array<{ id: string; status: string; message?: string }>)[0]!;
      expect(structure).toMatchObject({ id: "structure", status: "failed" });
      expect(structure.message).toBeTruthy();
    }
  });

  test.each(badBoards())("$what is a 400 that names it", async ({ board, names }) => {
    const reply = await designCheck({ prompt: "url-shortener", board });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe("bad_request");
    expect(reply.body.error).toMatch(names);
  });

  test("a body that is not JSON is a 400; no board at all is a 400 naming it; an unknown prompt is a 404", async () => {
    const notJson = await designCheck(null, { body: '{"prompt": "url-shortener", "board": {' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toBe("request body is not valid JSON");
    const missing = await designCheck({ prompt: "url-shortener" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("board: board is required");
    const unknown = await designCheck({ prompt: "no-such-prompt", board: REFERENCE });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain("no-such-prompt");
  });

  test("a body over 256 KB is a 413", async () => {
    const board = clone(REFERENCE);
    board.notes = Array.from({ length: 100 }, (_, index) => ({ id: `note-${index}`, text: "\u00e9".repeat(1_400), x: 0, y: 0 }));
    const body = JSON.stringify({ prompt: "url-shortener", board });
    expect(Buffer.byteLength(body)).toBeGreaterThan(256 * 1024);
    const reply = await designCheck(null, { body });
    expect(reply.status).toBe(413);
    expect(reply.body.code).toBe("too_large");
  });

  test("checks are rate limited per learner like the judge: refused with Retry-After once the bucket is empty", async () => {
    const learner = await learnerWithInterview();
    // Empty this learner's design-check bucket at a moment after any real clock in this
    // test, so no refill can happen before the request below (the bucket never goes back in time).
    const later = new Date(Date.now() + 3_600_000);
    for (let taken = 0; taken < 30; taken++) await lib.rateLimits.takeToken(`design-check:${learner.learnerId}`, 30, 0.5, later);
    const refused = await designCheck({ prompt: "url-shortener", board: REFERENCE }, { cookie: learner.cookie });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe("rate_limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // The board check of an interview draws on the same bucket.
    await putBoard(learner, { board: REFERENCE, version: 0 });
    expect((await checkBoard(learner)).status).toBe(429);
  });

  test("the bucket: perMinute checks at one instant pass, the next is refused until a token is back", async () => {
    const { learnerId } = await learnerWithInterview();
    const at = new Date(Date.UTC(2030, 0, 1));
    const check = (when: Date) => lib.service.checkBoardForPrompt({ learnerId, prompt: "url-shortener", board: REFERENCE, at: when, perMinute: 2 });
    await expect(check(at)).resolves.toMatchObject({ verdict: "passed" });
    await expect(check(at)).resolves.toMatchObject({ verdict: "passed" });
    // 2 per minute refill one token every 30 s.
    await expect(check(at)).rejects.toMatchObject({ code: "rate_limited", retryAfterSeconds: 30 });
    await expect(check(new Date(at.getTime() + 30_000))).resolves.toMatchObject({ verdict: "passed" });
  });
});

describe("an interview's board", () => {
  test("saves with versions; a stale version is a 409 with the stored board and version, and loses nothing", async () => {
    const me = await learnerWithInterview();
    const empty = await getBoard(me);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ board: null, version: 0, updatedAt: null, readOnly: false, check: null });

    const first = await putBoard(me, { board: REFERENCE, version: 0 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(1);
    const mine = flawed("storage-one-shard.json").board;
    const second = await putBoard(me, { board: mine, version: 1 });
    expect(second.body.version).toBe(2);

    // Another tab still at version 1, and one that thinks no board exists yet.
    for (const version of [1, 0, 7]) {
      const stale = await putBoard(me, { board: REFERENCE, version });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: "conflict", version: 2, board: mine });
    }
    const read = await getBoard(me);
    expect(read.body).toMatchObject({ board: mine, version: 2, readOnly: false });
  });

  // Through the service: the test's request scope (next/headers) is one at a time.
  test("two saves of the same version at once: one wins, the other is a conflict carrying the winner", async () => {
    const me = await learnerWithInterview();
    await putBoard(me, { board: REFERENCE, version: 0 });
    const a = flawed("storage-one-shard.json").board;
    const b = flawed("redundancy-one-load-balancer.json").board;
    const save = (board: Board) => lib.service.saveMyBoard({ learnerId: me.learnerId, id: me.id, board, version: 1 });
    const results = await Promise.allSettled([save(a), save(b)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const winner = results[0]!.status === "fulfilled" ? a : b;
    const loser = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toMatchObject({ code: "conflict", details: { board: winner, version: 2 } });
    expect((await getBoard(me)).body).toMatchObject({ board: winner, version: 2 });
  });

  test.each(badBoards())("saving $what is a 400 that names it, and the saved board stays", async ({ board, names }) => {
    const me = await learnerWithInterview();
    await putBoard(me, { board: REFERENCE, version: 0 });
    const reply = await putBoard(me, { board, version: 1 });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(names);
    expect((await getBoard(me)).body).toMatchObject({ board: REFERENCE, version: 1 });
  });

  test("a body over 256 KB is a 413, not JSON a 400, a bad version a 400 naming it; the saved board stays", async () => {
    const me = await learnerWithInterview();
    await putBoard(me, { board: REFERENCE, version: 0 });
    const big = clone(REFERENCE);
    big.notes = Array.from({ length: 100 }, (_, index) => ({ id: `note-${index}`, text: "\u00e9".repeat(1_400), x: 0, y: 0 }));
    expect((await putBoard(me, { board: big, version: 1 })).status).toBe(413);
    const notJson = await putBoard(me, null, { body: "{board" });
    expect(notJson.status).toBe(400);
    const badVersion = await putBoard(me, { board: REFERENCE, version: -1 });
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.error).toMatch(/^version: /);
    // PostgreSQL's integer stops at 2^31 - 1: a larger version is the caller's mistake, not a 500.
    const hugeVersion = await putBoard(me, { board: REFERENCE, version: 2 ** 31 });
    expect(hugeVersion.status).toBe(400);
    expect(hugeVersion.body.error).toMatch(/^version: /);
    const notJsonType = await putBoard(me, null, { body: JSON.stringify({ board: REFERENCE, version: 1 }), headers: { "content-type": "text/plain" } });
    expect(notJsonType.status).toBe(415);
    expect((await getBoard(me)).body).toMatchObject({ board: REFERENCE, version: 1 });
  });

  test("another learner's interview is a 404 for read, save and check, and theirs is untouched", async () => {
    const owner = await learnerWithInterview();
    await putBoard(owner, { board: REFERENCE, version: 0 });
    const stranger = await learnerWithInterview();
    const asStranger = { cookie: stranger.cookie, id: owner.id };
    for (const reply of [await getBoard(asStranger), await putBoard(asStranger, { board: flawed("storage-one-shard.json").board, version: 1 }), await checkBoard(asStranger)]) {
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ error: "interview not found", code: "not_found" });
    }
    const anonymous = await call(api.board.GET, `/api/interviews/${owner.id}/board`, { params: { id: owner.id } });
    expect(anonymous.status).toBe(404);
    const read = await getBoard(owner);
    expect(read.body).toMatchObject({ board: REFERENCE, version: 1, check: null });
  });

  test("check stores the verdict with the board version it judged; saving again makes the stored check stale", async () => {
    const me = await learnerWithInterview();
    const none = await checkBoard(me);
    expect(none.status).toBe(409);
    expect(none.body.error).toMatch(/no board yet/);

    const board = flawed("storage-one-shard.json");
    await putBoard(me, { board: board.board, version: 0 });
    const checked = await checkBoard(me);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ boardVersion: 1, verdict: { prompt: "url-shortener", verdict: "failed" } });
    const failedIds = (checked.body.verdict as { checks: Array<{ id: string; status: string }> }).checks.filter((check) => check.status === "failed").map((check) => check.id);
    expect(failedIds).toEqual(board.fails);

    const stored = await lib.client.db().interviewBoard.findUniqueOrThrow({ where: { interviewId: me.id } });
    expect(stored).toMatchObject({ checkStatus: "failed", checkFailed: board.fails, checkBoardVersion: 1 });
    expect(stored.checkVerdict).toEqual(checked.body.verdict);
    expect((await getBoard(me)).body.check).toEqual(checked.body);

    await putBoard(me, { board: REFERENCE, version: 1 });
    const summaries = await lib.service.myBoardCheckSummaries(me.learnerId, [me.id]);
    expect(summaries.get(me.id)).toEqual({ status: "failed", failed: board.fails, boardVersion: 1, stale: true });
    const again = await checkBoard(me);
    expect(again.body).toMatchObject({ boardVersion: 2, verdict: { verdict: "passed" } });
    expect((await lib.service.myBoardCheckSummaries(me.learnerId, [me.id])).get(me.id)).toEqual({ status: "passed", failed: [], boardVersion: 2, stale: false });
  });

  test("a finished interview's board is read-only (403, nothing saved) but can still be read and checked", async () => {
    const me = await learnerWithInterview();
    await putBoard(me, { board: REFERENCE, version: 0 });
    const finished = await call(api.action.POST, `/api/interviews/${me.id}/finish`, { method: "POST", cookie: me.cookie, params: { id: me.id, action: "finish" } });
    expect(finished.status).toBe(200);
    const refused = await putBoard(me, { board: flawed("storage-one-shard.json").board, version: 1 });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "forbidden", error: expect.stringMatching(/finished.*read-only/) });
    const read = await getBoard(me);
    expect(read.body).toMatchObject({ board: REFERENCE, version: 1, readOnly: true });
    const checked = await checkBoard(me);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ boardVersion: 1, verdict: { verdict: "passed" } });
  });

  test("the export includes the board and its last check; deleting the interview's learner takes the board with it", async () => {
    const me = await learnerWithInterview();
    await putBoard(me, { board: REFERENCE, version: 0 });
    await checkBoard(me);
    const exported = await call(api.exportData.GET, "/api/me/export", { cookie: me.cookie });
    expect(exported.status).toBe(200);
    const interviews = (exported.body.learner as { interviews: Array<{ id: string; board: unknown }> }).interviews;
    expect(interviews.find((interview) => interview.id === me.id)?.board).toMatchObject({ board: REFERENCE, version: 1, checkStatus: "passed", checkBoardVersion: 1 });
    await lib.client.db().learner.delete({ where: { id: me.learnerId } });
    expect(await lib.client.db().interviewBoard.count({ where: { interviewId: me.id } })).toBe(0);
  });
});

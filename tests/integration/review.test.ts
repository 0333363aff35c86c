// Spaced review against a real PostgreSQL and the real judge: FSRS schedules across days
// with an injected clock, cards come from failed hidden tests and retire when they pass,
// grades check ownership and version, an anonymous learner's cards merge on sign-up, and
// strict mode keeps hidden test names and messages out of the HTTP reply itself.
// Next.js's request scope (next/headers) is the one stand-in, as in route-pipeline.test.ts.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { loadChallenge } from "../../lib/content/challenges";
import { finish, startTimer } from "../../lib/interview/timer";
import { AppError } from "../../lib/app-error";
import { createDatabase, useAppEnv } from "./database";
import { startInProcessWorker } from "./judge-queue-workers";
import { BASE, callRoute, json } from "./request-scope";

vi.mock("next/headers", async () => (await import("./request-scope")).nextHeaders());
/** As callRoute, but a reply keeps the cookie it was sent with when the handler set none. */
const call = async (...args: Parameters<typeof callRoute>) => {
  const reply = await callRoute(...args);
  return { ...reply, cookie: reply.cookie ?? args[2]?.cookie };
};

let api: {
  due: typeof import("../../app/api/review/due/route");
  grade: typeof import("../../app/api/review/[card]/grade/route");
  summary: typeof import("../../app/api/review/summary/route");
  strict: typeof import("../../app/api/me/strict-mode/route");
  judge: typeof import("../../app/api/challenges/[concept]/[challenge]/[mode]/route");
  submission: typeof import("../../app/api/submissions/[id]/route");
};
let lib: {
  client: typeof import("../../lib/db/client");
  learners: typeof import("../../lib/db/learners");
  progress: typeof import("../../lib/db/progress");
  cards: typeof import("../../lib/db/review-cards");
  service: typeof import("../../lib/review/service");
};

let worker: { stop(): Promise<void> } | undefined;

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  process.env.BETTER_AUTH_SECRET = "integration-better-auth-secret-0123456789";
  process.env.BETTER_AUTH_URL = BASE;
  process.env.BLUEPRINT_AUTH_RATE_LIMIT = "off";
  // Run and submit go through the judge queue (decision 019): a worker in this process drains it.
  worker = await startInProcessWorker(process.env.DATABASE_URL!);
  api = {
    due: await import("../../app/api/review/due/route"),
    grade: await import("../../app/api/review/[card]/grade/route"),
    summary: await import("../../app/api/review/summary/route"),
    strict: await import("../../app/api/me/strict-mode/route"),
    judge: await import("../../app/api/challenges/[concept]/[challenge]/[mode]/route"),
    submission: await import("../../app/api/submissions/[id]/route"),
  };
  lib = {
    client: await import("../../lib/db/client"),
    learners: await import("../../lib/db/learners"),
    progress: await import("../../lib/db/progress"),
    cards: await import("../../lib/db/review-cards"),
    service: await import("../../lib/review/service"),
  };
});

afterAll(async () => {
  await worker?.stop();
});

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const challenge = loadChallenge("rate-limiting/limiters")!;
const JUDGE = { concept: "rate-limiting", challenge: "limiters" };
// A mutant of the reference solution: it fails some hidden tests and passes others.
const mutant = challenge.mutants[0]!.source;

function submit(code: string, cookie?: string) {
  return call(api.judge.POST, "/api/challenges/rate-limiting/limiters/submit", { method: "POST", cookie, params: { ...JUDGE, mode: "submit" }, ...json({ code }) });
}
function due(cookie: string | undefined) {
  return call(api.due.GET, "/api/review/due", { cookie });
}
type Card = { id: string; version: number; kind: string; question: string; answer: string; due: string };

describe("scheduling with FSRS across days (injected clock)", () => {
  test("Again comes back today, Good later than Hard, and each comes back due on its day", async () => {
    const { id } = await lib.learners.createLearner();
    await lib.progress.markLessonRead(id, "caching");
    const day0 = new Date("2026-03-02T08:00:00Z");
    const first = await lib.service.dueCards(id, day0);
    const quiz = first.cards.filter((card) => card.kind === "quiz");
    expect(quiz.length).toBeGreaterThanOrEqual(3);
    expect(first.cards.every((card) => card.concept?.slug === "caching")).toBe(true);
    const [again, hard, good] = quiz as unknown as [Card, Card, Card];
    const graded = {
      again: await lib.service.gradeReviewCard(id, again.id, { grade: 1, version: again.version }, day0),
      hard: await lib.service.gradeReviewCard(id, hard.id, { grade: 2, version: hard.version }, day0),
      good: await lib.service.gradeReviewCard(id, good.id, { grade: 3, version: good.version }, day0),
    };
    const dueAt = (key: keyof typeof graded) => new Date(graded[key].due).getTime();
    expect(dueAt("again")).toBeGreaterThan(day0.getTime());
    expect(dueAt("again") - day0.getTime()).toBeLessThan(HOUR);
    expect(dueAt("good")).toBeGreaterThan(dueAt("hard"));
    // Graded cards are no longer due at once; Again is due again later that same day.
    const sameDay = await lib.service.dueCards(id, day0);
    expect(sameDay.cards.map((c) => c.id)).not.toContain(again.id);
    const evening = await lib.service.dueCards(id, new Date(day0.getTime() + 10 * HOUR));
    expect(evening.cards.map((c) => c.id)).toContain(again.id);
    // Days later, each is due once its own date has passed.
    for (const key of ["hard", "good"] as const) {
      const before = await lib.service.dueCards(id, new Date(dueAt(key) - 1000));
      const after = await lib.service.dueCards(id, new Date(dueAt(key) + 1000));
      expect(before.cards.map((c) => c.id)).not.toContain(graded[key].id);
      expect(after.cards.map((c) => c.id)).toContain(graded[key].id);
    }
    const logs = await lib.cards.listReviewLogs(id);
    expect(logs.map((log) => log.grade)).toEqual([1, 2, 3]);

    // The dashboard's figures: retention of the reviewed caching cards falls over a month.
    const soon = await lib.service.reviewSummary(id, new Date(day0.getTime() + DAY));
    const month = await lib.service.reviewSummary(id, new Date(day0.getTime() + 30 * DAY));
    const retention = (summary: typeof soon) => summary.retention.find((r) => r.concept === "caching")!;
    expect(retention(soon).cards).toBe(3);
    expect(retention(soon).retention).toBeGreaterThan(retention(month).retention);
    expect(soon.nextDays).toHaveLength(7);
    expect(month.dueNow).toBe(month.total);
  });
});

describe("the due list", () => {
  test("carries 50 cards at most and says how many more are due now", async () => {
    const { id } = await lib.learners.createLearner();
    const concepts = ["caching", "sharding", "replication", "consensus", "load-balancer", "rate-limiting", "cdn", "bloom-filter", "pub-sub", "proxy"];
    for (const concept of concepts) await lib.progress.markLessonRead(id, concept);
    const now = new Date("2026-03-02T08:00:00Z");
    const reply = await lib.service.dueCards(id, now);
    const total = (await lib.cards.listLiveCards(id)).length;
    expect(total).toBeGreaterThan(50);
    expect(reply.cards).toHaveLength(50);
    expect(reply.more).toBe(total - 50);
    expect(reply.later).toBe(0);
  });
});

describe("grading: bad input, ownership and versions", () => {
  async function learnerWithCard(): Promise<{ cookie: string; card: Card }> {
    const failed = await submit(mutant);
    expect(failed.status).toBe(200);
    const list = await due(failed.cookie);
    const card = (list.body.cards as Card[]).find((c) => c.kind === "hidden_test");
    expect(card).toBeDefined();
    return { cookie: failed.cookie!, card: card! };
  }
  const grade = (cookie: string | undefined, cardId: string, body: unknown) =>
    call(api.grade.POST, `/api/review/${cardId}/grade`, { method: "POST", cookie, params: { card: cardId }, ...json(body) });

  test("a grade outside 1-4 or without a version is a 400 that says why, and changes nothing", async () => {
    const { cookie, card } = await learnerWithCard();
    for (const body of [{ grade: 5, version: card.version }, { grade: 0, version: card.version }, { grade: 2.5, version: card.version }, { grade: "good", version: card.version }, { grade: 3 }]) {
      const reply = await grade(cookie, card.id, body);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatch(/grade|version/);
    }
    expect((await lib.client.db().reviewLog.count({ where: { cardId: card.id } }))).toBe(0);
  });

  test("an unknown card and another learner's card are both a 404", async () => {
    const alice = await learnerWithCard();
    const bob = await learnerWithCard();
    const stolen = await grade(bob.cookie, alice.card.id, { grade: 4, version: alice.card.version });
    expect(stolen.status).toBe(404);
    expect(stolen.body.error).toMatch(/no review card/);
    const unknown = await grade(bob.cookie, "00000000-0000-4000-8000-000000000000", { grade: 4, version: 0 });
    expect(unknown.status).toBe(404);
    const noLearner = await grade(undefined, alice.card.id, { grade: 4, version: 0 });
    expect(noLearner.status).toBe(404);
    const malformed = await grade(bob.cookie, "not-a-card", { grade: 4, version: 0 });
    expect(malformed.status).toBe(400);
    expect(await lib.client.db().reviewLog.count({ where: { cardId: alice.card.id } })).toBe(0);
  });

  test("the same card graded from two tabs counts once: the stale version is a 409 with the current one", async () => {
    const { cookie, card } = await learnerWithCard();
    const learnerId = (await lib.client.db().reviewCard.findUniqueOrThrow({ where: { id: card.id } })).learnerId;
    // Two grades at once with the same version (the request harness has one scope, so the service is called directly).
    const outcomes = await Promise.allSettled([
      lib.service.gradeReviewCard(learnerId, card.id, { grade: 3, version: card.version }),
      lib.service.gradeReviewCard(learnerId, card.id, { grade: 1, version: card.version }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect((lost.reason as AppError).code).toBe("conflict");
    expect(await lib.client.db().reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    // Over HTTP: the old version is a 409 naming the current one, and counts nothing.
    const again = await grade(cookie, card.id, { grade: 3, version: card.version });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "conflict", version: card.version + 1 });
    expect(again.body.error).toMatch(/version/);
    expect(await lib.client.db().reviewLog.count({ where: { cardId: card.id } })).toBe(1);
    const current = await grade(cookie, card.id, { grade: 3, version: card.version + 1 });
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ id: card.id, version: card.version + 2, grade: 3 });
  });
});

describe("cards from hidden-test failures", () => {
  test("a failed submit makes one card per failed hidden test, with its name and message only; a passing submit retires them", async () => {
    const failed = await submit(mutant);
    const verdict = failed.body as { tests: Array<{ name: string; status: string; message?: string }> };
    const failures = verdict.tests.filter((t) => t.status === "failed");
    expect(failures.length).toBeGreaterThan(0);
    const cards = (await due(failed.cookie)).body.cards as Card[];
    const hidden = cards.filter((c) => c.kind === "hidden_test");
    expect(hidden).toHaveLength(failures.length);
    for (const failure of failures) {
      const card = hidden.find((c) => c.question.includes(`'${failure.name}'`));
      expect(card, failure.name).toBeDefined();
      if (failure.message) expect(card!.answer).toContain(failure.message);
    }
    // Never the hidden tests' source.
    expect(JSON.stringify(cards)).not.toContain(challenge.hidden.slice(0, 200));
    const passed = await submit(challenge.solution, failed.cookie);
    expect(passed.body.verdict).toBe("passed");
    const after = (await due(failed.cookie)).body.cards as Card[];
    expect(after.filter((c) => c.kind === "hidden_test")).toEqual([]);
    const learnerId = (await lib.client.db().submission.findUniqueOrThrow({ where: { id: (passed.body.submission as { id: string }).id } })).learnerId;
    const stored = await lib.cards.listAllCards(learnerId);
    expect(stored.filter((c) => c.sourceKind === "hidden_test").every((c) => c.retiredAt !== null)).toBe(true);
  });
});

describe("strict mode", () => {
  test("Submit's HTTP reply omits hidden test names and messages, the stored submission keeps them, Run stays full, and the named cards appear on leaving strict", async () => {
    const first = await call(api.strict.PUT, "/api/me/strict-mode", { method: "PUT", ...json({ strict: true }) });
    expect(first.status).toBe(200);
    const cookie = first.cookie!;
    expect((await call(api.strict.GET, "/api/me/strict-mode", { cookie })).body).toEqual({ strict: true });

    const reply = await submit(mutant, cookie);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ mode: "submit", verdict: "failed", strict: true, tests: [], logs: "" });
    expect((reply.body.failed as number) > 0).toBe(true);
    const submissionId = (reply.body.submission as { id: string }).id;
    const stored = await lib.client.db().submission.findUniqueOrThrow({ where: { id: submissionId } });
    const full = stored.result as { tests: Array<{ name: string; status: string; message?: string }> };
    const failures = full.tests.filter((t) => t.status === "failed");
    expect(failures.length).toBe(reply.body.failed);
    // The raw bytes of the reply carry no failed test's name or message.
    for (const failure of failures) {
      expect(reply.text).not.toContain(failure.name);
      if (failure.message) expect(reply.text).not.toContain(failure.message);
    }
    // Reading the submission back is redacted the same way.
    const detail = await call(api.submission.GET, `/api/submissions/${submissionId}`, { cookie, params: { id: submissionId } });
    expect(detail.status).toBe(200);
    for (const failure of failures) expect(detail.text).not.toContain(failure.name);

    // Run still shows the examples in full.
    const run = await call(api.judge.POST, "/api/challenges/rate-limiting/limiters/run", { method: "POST", cookie, params: { ...JUDGE, mode: "run" }, ...json({ code: mutant }) });
    expect(run.body.strict).toBeUndefined();
    expect((run.body.tests as unknown[]).length).toBeGreaterThan(0);

    // While strict: one card without names.
    const strictDue = await due(cookie);
    const strictCards = (strictDue.body.cards as Card[]).filter((c) => c.kind === "hidden_test" || c.kind === "strict_failure");
    expect(strictCards.map((c) => c.kind)).toEqual(["strict_failure"]);
    expect(strictCards[0]!.question).toContain(`${failures.length} hidden test`);
    for (const failure of failures) expect(strictDue.text).not.toContain(failure.name);

    // Leaving strict mode: the named cards appear and the nameless one retires.
    const off = await call(api.strict.PUT, "/api/me/strict-mode", { method: "PUT", cookie, ...json({ strict: false }) });
    expect(off.body).toEqual({ strict: false });
    const named = ((await due(cookie)).body.cards as Card[]).filter((c) => c.kind === "hidden_test" || c.kind === "strict_failure");
    expect(named.map((c) => c.kind).sort()).toEqual(failures.map(() => "hidden_test"));
    for (const failure of failures) expect(named.some((c) => c.question.includes(`'${failure.name}'`))).toBe(true);
  });

  test("strict must be a boolean", async () => {
    const reply = await call(api.strict.PUT, "/api/me/strict-mode", { method: "PUT", ...json({ strict: "yes" }) });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(/strict must be true or false/);
  });
});

describe("cards from interviews and design checks", () => {
  test("rubric points missed or partly made (0 or 1 of 2) and the last design check's failed checks become cards; a later check that passes retires them", async () => {
    const db = lib.client.db();
    const { id } = await lib.learners.createLearner();
    const now = new Date("2026-03-02T08:00:00Z");
    const interview = await db.interview.create({
      data: {
        learnerId: id,
        prompt: "url-shortener",
        status: "finished",
        phaseIndex: 0,
        timer: finish(startTimer([{ name: "Requirements", minutes: 5 }], now.getTime() - HOUR), now.getTime()) as object,
        rubricScores: [1, 2, 0, 2, 2, 2], // missed, partly or fully (0-2): points 0 and 2 were not fully made
        finishedAt: now,
      },
    });
    const verdict = (checks: Array<{ id: string; status: string; message?: string; concept?: string }>) => ({ prompt: "url-shortener", verdict: "failed", checks, nodes: [], streams: [] });
    await db.interviewBoard.create({
      data: {
        interviewId: interview.id,
        board: {},
        version: 1,
        checkVerdict: verdict([
          { id: "capacity", status: "failed", message: "The database runs at 140% of its capacity.", concept: "sharding" },
          { id: "redundancy", status: "failed", message: "The cache is a single point of failure.", concept: "replication" },
          { id: "latency", status: "passed" },
        ]),
        checkBoardVersion: 1,
        checkedAt: now,
      },
    });
    const cards = (await lib.service.dueCards(id, now)).cards;
    const rubric = cards.filter((c) => c.kind === "rubric");
    expect(rubric).toHaveLength(2);
    expect(rubric.every((c) => c.question.includes("\"Design a URL shortener\" mock interview"))).toBe(true);
    expect(rubric.map((c) => c.question.match(/scored yourself (\d) of (\d)/)?.slice(1)).sort()).toEqual([["0", "2"], ["1", "2"]]);
    const design = cards.filter((c) => c.kind === "design_check");
    expect(design.map((c) => c.answer).sort()).toEqual(["The cache is a single point of failure.", "The database runs at 140% of its capacity."]);
    expect(design.find((c) => c.answer.includes("140%"))?.concept?.slug).toBe("sharding");

    // The board is fixed and checked again: only what still fails stays.
    await db.interviewBoard.update({
      where: { interviewId: interview.id },
      data: { checkVerdict: verdict([{ id: "capacity", status: "passed" }, { id: "redundancy", status: "failed", message: "The cache is a single point of failure.", concept: "replication" }]), checkedAt: new Date(now.getTime() + HOUR) },
    });
    const after = (await lib.service.dueCards(id, new Date(now.getTime() + 2 * HOUR))).cards.filter((c) => c.kind === "design_check");
    expect(after.map((c) => c.answer)).toEqual(["The cache is a single point of failure."]);
  });
});

describe("merge on sign-up", () => {
  test("an anonymous learner's cards and review history move to the account; a card both have keeps the one reviewed last", async () => {
    const db = lib.client.db();
    const now = new Date("2026-03-02T08:00:00Z");
    const anonymous = await lib.learners.createLearner();
    const user = await db.user.create({ data: { name: "Ada", email: `ada-${crypto.randomUUID()}@example.test` } });
    const account = await lib.learners.learnerForUser(user.id);
    for (const learner of [anonymous.id, account]) await lib.progress.markLessonRead(learner, "sharding");
    await lib.progress.markLessonRead(anonymous.id, "caching");
    const anonCards = (await lib.service.dueCards(anonymous.id, now)).cards;
    const accountCards = (await lib.service.dueCards(account, now)).cards;
    const shared = anonCards.find((c) => c.kind === "quiz" && c.concept?.slug === "sharding")!;
    const onlyAnon = anonCards.find((c) => c.concept?.slug === "caching")!;
    const accountTwin = accountCards.find((c) => c.question === shared.question)!;
    // The account reviewed the shared card first; the anonymous learner later, so theirs wins.
    await lib.service.gradeReviewCard(account, accountTwin.id, { grade: 1, version: accountTwin.version }, now);
    const later = new Date(now.getTime() + HOUR);
    const kept = await lib.service.gradeReviewCard(anonymous.id, shared.id, { grade: 4, version: shared.version }, later);
    await lib.service.gradeReviewCard(anonymous.id, onlyAnon.id, { grade: 3, version: onlyAnon.version }, later);

    const target = await lib.learners.mergeAnonymousIntoUser(anonymous.id, user.id);
    expect(target).toBe(account);
    const merged = await lib.cards.listAllCards(account);
    const keys = merged.map((c) => `${c.sourceKind} ${c.sourceKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(merged.find((c) => c.id === onlyAnon.id)).toBeDefined();
    const sharedNow = merged.filter((c) => c.sourceKind === "quiz" && c.sourceKey === merged.find((m) => m.id === shared.id)?.sourceKey);
    expect(sharedNow.map((c) => c.id)).toEqual([shared.id]);
    expect(sharedNow[0]!.due.toISOString()).toBe(kept.due);
    const logs = await lib.cards.listReviewLogs(account);
    expect(logs.map((l) => l.grade).sort()).toEqual([1, 3, 4]);
    expect(logs.filter((l) => l.cardId === shared.id).map((l) => l.grade)).toEqual([1, 4]);
    expect(await db.reviewCard.count({ where: { learnerId: anonymous.id } })).toBe(0);

    // The export carries the cards and the whole review history.
    const { exportLearnerData } = await import("../../lib/db/export");
    const exported = await exportLearnerData(account);
    expect(exported?.learner.reviewLogs.map((l) => l.grade).sort()).toEqual([1, 3, 4]);
    expect(exported?.learner.reviewCards.map((c) => c.id).sort()).toEqual(merged.map((c) => c.id).sort());
    expect(exported?.learner.strictMode).toBe(false);
  });
});

// Accounts through better-auth and lib/db against a real PostgreSQL: sign-up, sign-in,
// the merge of an anonymous learner's work, per-user reads (IDOR), export and deletion.
import { beforeAll, describe, expect, test } from "vitest";
import type { Verdict } from "../../lib/judge/verdict";
import { createDatabase, useAppEnv } from "./database";

let lib: {
  auth: typeof import("../../lib/auth/auth");
  cookie: typeof import("../../lib/session/learner-cookie");
  learners: typeof import("../../lib/db/learners");
  drafts: typeof import("../../lib/db/drafts");
  submissions: typeof import("../../lib/db/submissions");
  progress: typeof import("../../lib/db/progress");
  exporter: typeof import("../../lib/db/export");
  client: typeof import("../../lib/db/client");
};

const CHALLENGE = "rate-limiting/limiters";
const SESSION_SECRET = "integration-session-secret-0123456789abcdef";

beforeAll(async () => {
  useAppEnv(await createDatabase({ migrated: true }));
  process.env.BETTER_AUTH_SECRET = "integration-better-auth-secret-0123456789";
  process.env.BETTER_AUTH_URL = "http://localhost:3000";
  process.env.BLUEPRINT_TRUSTED_ORIGINS = "http://127.0.0.1:3000";
  process.env.BLUEPRINT_AUTH_RATE_LIMIT = "off";
  lib = {
    auth: await import("../../lib/auth/auth"),
    cookie: await import("../../lib/session/learner-cookie"),
    learners: await import("../../lib/db/learners"),
    drafts: await import("../../lib/db/drafts"),
    submissions: await import("../../lib/db/submissions"),
    progress: await import("../../lib/db/progress"),
    exporter: await import("../../lib/db/export"),
    client: await import("../../lib/db/client"),
  };
});

const verdict = (passed: number): Verdict => ({
  challengeId: CHALLENGE,
  mode: "submit",
  verdict: passed === 3 ? "passed" : "failed",
  passed,
  failed: 3 - passed,
  total: 3,
  tests: [],
  logs: "",
  durationMs: 5,
});

/** Sets a draft's updatedAt, so tests order saves by explicit times instead of sleeping between them. */
async function backdateDraft(learnerId: string, updatedAt: Date) {
  await lib.client.db().draft.update({ where: { learnerId_challengeId: { learnerId, challengeId: CHALLENGE } }, data: { updatedAt } });
}

let emailCounter = 0;
const freshEmail = () => `learner${Date.now()}-${(emailCounter += 1)}@example.test`;

// Through better-auth's HTTP handler, as a browser on 127.0.0.1 would (the base URL says localhost).
async function post(path: string, body: unknown, cookie = "") {
  const response = await lib.auth.auth().handler(
    new Request(`http://localhost:3000/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://127.0.0.1:3000", cookie },
      body: JSON.stringify(body),
    }),
  );
  return { response, setCookies: response.headers.getSetCookie() };
}
const signUp = (body: { email: string; password: string; name: string }, cookie = "") => post("/sign-up/email", body, cookie);
const signIn = (body: { email: string; password: string }, cookie = "") => post("/sign-in/email", body, cookie);

const learnerOf = (setCookies: string[]) => {
  const line = setCookies.find((entry) => entry.startsWith(`${lib.cookie.LEARNER_COOKIE}=`));
  return lib.cookie.verifyLearnerCookie(line?.split(";")[0]?.split("=")[1], SESSION_SECRET);
};

describe("sign-up and sign-in", () => {
  test("sign-up creates a user with a UUID id and a session; the password is hashed", async () => {
    const email = freshEmail();
    const { response, setCookies } = await signUp({ email, password: "correct horse battery", name: "Ada" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { id: string; email: string } };
    expect(body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(setCookies.some((line) => line.includes("better-auth.session_token"))).toBe(true);
    const account = await lib.client.db().account.findFirst({ where: { userId: body.user.id }, select: { password: true } });
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain("correct horse");
  });

  test("a taken email, a weak password, an over-long name and a wrong password are clear 4xx", async () => {
    const email = freshEmail();
    await signUp({ email, password: "correct horse battery", name: "Ada" });
    const taken = await signUp({ email, password: "another good password", name: "Ada" });
    expect(taken.response.status).toBe(422);
    expect(((await taken.response.json()) as { code: string }).code).toBe("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
    const weak = await signUp({ email: freshEmail(), password: "short", name: "Ada" });
    expect(weak.response.status).toBe(400);
    expect(((await weak.response.json()) as { code: string }).code).toBe("PASSWORD_TOO_SHORT");
    const long = await signUp({ email: freshEmail(), password: "correct horse battery", name: "x".repeat(200) });
    expect(long.response.status).toBe(400);
    expect(((await long.response.json()) as { message: string }).message).toMatch(/at most 80/);
    const wrong = await signIn({ email, password: "not the password" });
    expect(wrong.response.status).toBe(401);
    expect(((await wrong.response.json()) as { code: string }).code).toBe("INVALID_EMAIL_OR_PASSWORD");
    const malformed = await post("/sign-up/email", { email: "not an email", password: 42 });
    expect(malformed.response.status).toBe(400);
  });
});

describe("scripts", () => {
  test("can sign up and sign in without an Origin header, and read their session", async () => {
    const email = freshEmail();
    const request = (path: string, body: unknown, cookie = "") =>
      lib.auth.auth().handler(
        new Request(`http://localhost:3000/api/auth${path}`, {
          method: body === undefined ? "GET" : "POST",
          headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    expect((await request("/sign-up/email", { email, password: "correct horse battery", name: "Script" })).status).toBe(200);
    const signedIn = await request("/sign-in/email", { email, password: "correct horse battery" });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const session = (await (await request("/get-session", undefined, cookie)).json()) as { user: { email: string } };
    expect(session.user.email).toBe(email);
  });
});

describe("merge on sign-up and sign-in", () => {
  test("sign-up moves the anonymous learner's drafts, submissions and progress into the account", async () => {
    const anonymous = await lib.learners.createLearner();
    await lib.drafts.saveDraft(anonymous.id, CHALLENGE, "anonymous draft");
    const sub = await lib.submissions.recordSubmission({ learnerId: anonymous.id, code: "solved", verdict: verdict(3), contentHash: "h" });
    await lib.progress.recordAttempt(anonymous.id, "rate-limiting", { id: sub.id, passed: true });
    await lib.progress.markLessonRead(anonymous.id, "rate-limiting");
    const cookie = `${lib.cookie.LEARNER_COOKIE}=${lib.cookie.signLearnerId(anonymous.id, SESSION_SECRET)}`;

    const { response, setCookies } = await signUp({ email: freshEmail(), password: "correct horse battery", name: "Grace" }, cookie);
    expect(response.status).toBe(200);
    const learnerId = learnerOf(setCookies);
    expect(learnerId).toBeTruthy();
    expect(learnerId).not.toBe(anonymous.id);
    expect(await lib.learners.learnerExists(anonymous.id)).toBe(false);
    expect((await lib.drafts.getDraft(learnerId!, CHALLENGE))?.code).toBe("anonymous draft");
    expect((await lib.submissions.getSubmission(learnerId!, sub.id))?.code).toBe("solved");
    const progress = await lib.progress.getProgress(learnerId!, "rate-limiting");
    expect(progress).toMatchObject({ attempts: 1, solvedSubmissionId: sub.id });
    expect(progress?.lessonReadAt).not.toBeNull();
  });

  test("where both have a draft, the newer wins and the older is kept in the history", async () => {
    const email = freshEmail();
    const { setCookies } = await signUp({ email, password: "correct horse battery", name: "Lin" });
    const accountLearner = learnerOf(setCookies)!;
    await lib.drafts.saveDraft(accountLearner, CHALLENGE, "older account draft");
    const anonymous = await lib.learners.createLearner();
    await lib.drafts.saveDraft(anonymous.id, CHALLENGE, "newer anonymous draft");
    // Which is older is set, not raced: a day between the two saves.
    await backdateDraft(accountLearner, new Date(Date.now() - 24 * 60 * 60 * 1000));
    await lib.progress.recordAttempt(anonymous.id, "rate-limiting", { id: "00000000-0000-4000-8000-000000000001", passed: false });
    await lib.progress.recordAttempt(accountLearner, "rate-limiting", { id: "00000000-0000-4000-8000-000000000002", passed: false });

    const cookie = `${lib.cookie.LEARNER_COOKIE}=${lib.cookie.signLearnerId(anonymous.id, SESSION_SECRET)}`;
    const signedIn = await signIn({ email, password: "correct horse battery" }, cookie);
    expect(signedIn.response.status).toBe(200);
    expect(learnerOf(signedIn.setCookies)).toBe(accountLearner);
    expect((await lib.drafts.getDraft(accountLearner, CHALLENGE))?.code).toBe("newer anonymous draft");
    const history = await lib.submissions.listSubmissions(accountLearner, CHALLENGE);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ mode: "draft", verdict: "not_judged" });
    expect((await lib.submissions.getSubmission(accountLearner, history[0]!.id))?.code).toBe("older account draft");
    expect((await lib.progress.getProgress(accountLearner, "rate-limiting"))?.attempts).toBe(2);
  });

  test("a learner that belongs to another account is never merged", async () => {
    const first = await signUp({ email: freshEmail(), password: "correct horse battery", name: "A" });
    const firstLearner = learnerOf(first.setCookies)!;
    await lib.drafts.saveDraft(firstLearner, CHALLENGE, "first account's code");
    const cookie = `${lib.cookie.LEARNER_COOKIE}=${lib.cookie.signLearnerId(firstLearner, SESSION_SECRET)}`;
    const second = await signUp({ email: freshEmail(), password: "correct horse battery", name: "B" }, cookie);
    const secondLearner = learnerOf(second.setCookies)!;
    expect(secondLearner).not.toBe(firstLearner);
    expect(await lib.drafts.getDraft(secondLearner, CHALLENGE)).toBeNull();
    expect((await lib.drafts.getDraft(firstLearner, CHALLENGE))?.code).toBe("first account's code");
  });
});

describe("per-user data: another learner's ids read as not found", () => {
  test("submission, draft, history, progress and export of A are invisible to B", async () => {
    const alice = await lib.learners.createLearner();
    const bob = await lib.learners.createLearner();
    await lib.drafts.saveDraft(alice.id, CHALLENGE, "alice's secret code");
    const mine = await lib.submissions.recordSubmission({ learnerId: alice.id, code: "alice's secret code", verdict: verdict(3), contentHash: "h" });
    await lib.progress.recordAttempt(alice.id, "rate-limiting", { id: mine.id, passed: true });

    expect(await lib.submissions.getSubmission(bob.id, mine.id)).toBeNull();
    expect(await lib.submissions.listSubmissions(bob.id, CHALLENGE)).toEqual([]);
    expect(await lib.drafts.getDraft(bob.id, CHALLENGE)).toBeNull();
    expect(await lib.progress.listProgress(bob.id)).toEqual([]);
    const bobExport = await lib.exporter.exportLearnerData(bob.id);
    expect(JSON.stringify(bobExport)).not.toContain("alice's secret code");
    expect(JSON.stringify(bobExport)).not.toContain(mine.id);
    const aliceExport = await lib.exporter.exportLearnerData(alice.id);
    expect(aliceExport?.learner.submissions.map((row) => row.id)).toEqual([mine.id]);
    expect(aliceExport?.learner.drafts[0]?.code).toBe("alice's secret code");
  });
});

describe("drafts from two tabs", () => {
  test("the newest save wins and a save from a stale page learns what it replaced", async () => {
    const { id } = await lib.learners.createLearner();
    const first = await lib.drafts.saveDraft(id, CHALLENGE, "tab A", null);
    expect(first.replaced).toBeNull();
    // Tab A's save is an hour old (set, not waited for), so tab B's save is surely later than it.
    const tabASaw = new Date(first.updatedAt.getTime() - 60 * 60 * 1000);
    await backdateDraft(id, tabASaw);
    const fromB = await lib.drafts.saveDraft(id, CHALLENGE, "tab B", tabASaw);
    expect(fromB.replaced).toBeNull();
    expect(fromB.updatedAt.getTime()).toBeGreaterThan(tabASaw.getTime());
    // Tab A still believes its own save is the latest.
    const fromA = await lib.drafts.saveDraft(id, CHALLENGE, "tab A again", tabASaw);
    expect(fromA.replaced?.getTime()).toBe(fromB.updatedAt.getTime());
    expect((await lib.drafts.getDraft(id, CHALLENGE))?.code).toBe("tab A again");
  });
});

describe("account deletion", () => {
  test("removes every row of that user and nothing of anyone else", async () => {
    const other = await lib.learners.createLearner();
    await lib.drafts.saveDraft(other.id, CHALLENGE, "someone else");
    const { response, setCookies } = await signUp({ email: freshEmail(), password: "correct horse battery", name: "Del" });
    const userId = ((await response.json()) as { user: { id: string } }).user.id;
    const learnerId = learnerOf(setCookies)!;
    await lib.drafts.saveDraft(learnerId, CHALLENGE, "mine");
    const sub = await lib.submissions.recordSubmission({ learnerId, code: "mine", verdict: verdict(1), contentHash: "h" });
    await lib.progress.recordAttempt(learnerId, "rate-limiting", { id: sub.id, passed: false });
    await lib.progress.recordQuiz(learnerId, "rate-limiting", 2, 3);
    const prisma = lib.client.db();
    await prisma.interview.create({ data: { learnerId, prompt: "url-shortener", status: "running", phaseIndex: 0, timer: {} } });
    await prisma.drillRound.create({ data: { learnerId, scenarioIds: ["a"] } });

    await lib.learners.deleteUser(userId);

    expect(await prisma.user.count({ where: { id: userId } })).toBe(0);
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
    expect(await prisma.account.count({ where: { userId } })).toBe(0);
    expect(await prisma.learner.count({ where: { id: learnerId } })).toBe(0);
    expect(await prisma.draft.count({ where: { learnerId } })).toBe(0);
    expect(await prisma.submission.count({ where: { learnerId } })).toBe(0);
    expect(await prisma.conceptProgress.count({ where: { learnerId } })).toBe(0);
    expect(await prisma.interview.count({ where: { learnerId } })).toBe(0);
    expect(await prisma.drillRound.count({ where: { learnerId } })).toBe(0);
    expect((await lib.drafts.getDraft(other.id, CHALLENGE))?.code).toBe("someone else");
  });
});

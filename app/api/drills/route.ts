import { route } from "@/lib/http/route";
import { drillHistory, startRound } from "@/lib/drill/service";
import { currentLearnerId, ensureLearnerId } from "@/lib/session/current-learner";

// GET -> the caller's rounds (newest first) and the scenarios they miss most.
export const GET = route(async () => Response.json(await drillHistory(await currentLearnerId())));

// POST -> a new round of 10, most-missed scenarios first.
export const POST = route(async () => Response.json(await startRound(await ensureLearnerId()), { status: 201 }));

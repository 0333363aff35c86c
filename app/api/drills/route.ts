import { drillHistory, startRound } from "@/lib/drill/service";
import { route } from "@/lib/http/route";

// GET -> the caller's rounds (newest first) and the scenarios they miss most.
export const GET = route({ learner: "optional" }, ({ learnerId }) => drillHistory(learnerId));

// POST -> a new round of 10, most-missed scenarios first.
export const POST = route({ learner: "ensure", writeLimit: "drill", status: 201 }, ({ learnerId }) => startRound(learnerId));

import "server-only";

// App code reaches challenges (solutions and hidden tests included) only through
// this module, so nothing that holds them can be pulled into a client bundle.
export { loadChallenge, toPublicChallenge, toJudgeSuite } from "./challenges";
export type { Challenge, PublicChallenge } from "./challenges";

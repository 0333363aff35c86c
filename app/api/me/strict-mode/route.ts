import { route } from "@/lib/http/route";
import { strictBodySchema } from "@/lib/review/contract";
import { setStrictMode, strictMode } from "@/lib/review/service";

// GET -> { strict }; PUT { strict } -> strict mode on or off (Submit then hides which hidden tests failed).
export const GET = route({ learner: "optional" }, ({ learnerId }) => strictMode(learnerId));
export const PUT = route({ body: strictBodySchema, maxBodyBytes: 1024, learner: "ensure", writeLimit: "review" }, ({ body, learnerId }) => setStrictMode(learnerId, body.strict));

import { toNextJsHandler } from "better-auth/next-js";
import { AppError } from "@/lib/app-error";
import { auth } from "@/lib/auth/auth";
import { errorResponse } from "@/lib/http/route";
import { CROSS_ORIGIN_MESSAGE, crossOriginWrite } from "@/lib/http/same-origin";

// better-auth's standard routes: POST /api/auth/sign-up/email, /sign-in/email, /sign-out, GET /get-session...
// The instance is built on the first request, so `next build` needs no database. better-auth
// checks Origin only for requests that carry its cookies; a sign-up from another site is
// refused here, by the same rule and answer as every other API write.
export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler(async (request) =>
  crossOriginWrite(request) ? errorResponse(new AppError("forbidden", CROSS_ORIGIN_MESSAGE), request) : auth().handler(request),
);

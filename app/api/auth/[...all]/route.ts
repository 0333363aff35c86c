import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

// better-auth's standard routes: POST /api/auth/sign-up/email, /sign-in/email, /sign-out, GET /get-session...
// The instance is built on the first request, so `next build` needs no database.
export const { GET, POST, PATCH, PUT, DELETE } = toNextJsHandler((request) => auth().handler(request));

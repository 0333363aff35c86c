import { exportMyData } from "@/lib/auth/account";
import { route } from "@/lib/http/route";

// GET /api/me/export -> all of the caller's data as a JSON download.
export const GET = route({}, async () =>
  Response.json(await exportMyData(), {
    headers: { "content-disposition": 'attachment; filename="blueprint-export.json"', "cache-control": "no-store" },
  }),
);

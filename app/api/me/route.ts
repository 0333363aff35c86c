import { deleteMe } from "@/lib/auth/account";
import { route } from "@/lib/http/route";

// DELETE /api/me -> deletes the caller's account and every row of their data; 204.
export const DELETE = route({}, async () => {
  await deleteMe();
});

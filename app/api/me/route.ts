import { deleteMe } from "@/lib/auth/account";
import { route } from "@/lib/http/route";
import type { MeDto } from "@/lib/session/contract";
import { currentUser } from "@/lib/session/current-learner";

// GET /api/me -> { user: { name, email } | null }: the header's account menu, read after the static page.
export const GET = route({}, async (): Promise<MeDto> => {
  const user = await currentUser();
  return { user: user ? { name: user.name, email: user.email } : null };
});

// DELETE /api/me -> deletes the caller's account and every row of their data; 204.
export const DELETE = route({}, async () => {
  await deleteMe();
});

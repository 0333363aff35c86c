import Link from "next/link";
import { currentUser } from "@/lib/session/current-learner";
import { SignOutButton } from "./sign-out-button";

/** The header's account corner: sign in / sign up, or the user's name and sign out. */
export async function AccountMenu() {
  const user = await currentUser().catch(() => null);
  const link = "text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white";
  if (!user) {
    return (
      <span className="flex items-center gap-3" data-testid="account-menu">
        <Link href="/sign-in" className={link}>
          Sign in
        </Link>
        <Link href="/sign-up" className="rounded-md bg-sky-600 px-2.5 py-1 font-medium text-white hover:bg-sky-700">
          Sign up
        </Link>
      </span>
    );
  }
  return (
    <span className="flex items-center gap-3" data-testid="account-menu">
      <Link href="/dashboard" className={link} title={user.email}>
        {user.name}
      </Link>
      <SignOutButton />
    </span>
  );
}

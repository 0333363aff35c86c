import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/app/_components/auth/sign-out-button";
import { buttonClass } from "@/app/_components/ui/button";
import { textLinkClass } from "@/app/_components/ui/nav-link";

export const metadata: Metadata = { title: "Sign out" };

// A page of its own so a sign-out link works anywhere; the write itself is a POST.
export default function SignOutPage() {
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold tracking-tight">Sign out</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Your work stays in your account for next time.</p>
      <div className="mt-6 flex items-center gap-4">
        <SignOutButton className={buttonClass({ variant: "primary" })} />
        <Link href="/dashboard" className={`text-sm ${textLinkClass}`}>
          Back to the dashboard
        </Link>
      </div>
    </div>
  );
}

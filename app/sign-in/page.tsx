import type { Metadata } from "next";
import { AuthForm } from "@/app/_components/auth/auth-form";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Your drafts, submissions and progress, on any device.</p>
      <AuthForm mode="sign-in" />
    </div>
  );
}

import type { Metadata } from "next";
import { AuthForm } from "@/app/_components/auth/auth-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <div className="mx-auto max-w-sm px-4 py-12">
      <h1 className="text-2xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Keep your work across devices. What you did without an account comes with you.
      </p>
      <AuthForm mode="sign-up" />
    </div>
  );
}

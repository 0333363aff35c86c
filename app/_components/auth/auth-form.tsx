"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { buttonClass } from "../ui/button";
import { textLinkClass } from "../ui/nav-link";

type Mode = "sign-in" | "sign-up";

// better-auth's error codes, said the way a learner needs to hear them.
const MESSAGES: Record<string, string> = {
  USER_ALREADY_EXISTS: "An account with this email already exists. Sign in instead, or use another email.",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "An account with this email already exists. Sign in instead, or use another email.",
  INVALID_EMAIL_OR_PASSWORD: "That email and password do not match an account. Check both and try again.",
  PASSWORD_TOO_SHORT: "That password is too short: use at least 10 characters.",
  PASSWORD_TOO_LONG: "That password is too long: use at most 128 characters.",
  INVALID_EMAIL: "That does not look like an email address.",
  NAME_TOO_LONG: "Your name is too long: use at most 80 characters.",
  NAME_REQUIRED: "Please tell us what to call you.",
};

export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body =
      mode === "sign-up"
        ? { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }
        : { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/auth/${mode}/email`, { method: "POST", body });
      // A full load, so every server component sees the new session and merged work.
      router.replace("/dashboard");
      router.refresh();
      return;
    } catch (error) {
      // better-auth's errors carry its own code and message, kept in the details.
      const failure = error instanceof ApiError ? error : new ApiError("", 0, "network");
      const { code, message } = failure.details;
      if (failure.code === "network") setError("Could not reach the server. Check your connection and try again.");
      else if (failure.status === 429) {
        const retry = failure.retryAfterSeconds;
        setError(`Too many attempts from here. Please wait${retry ? ` ${retry} s` : " a minute"} and try again.`);
      } else {
        setError((typeof code === "string" && MESSAGES[code]) || (typeof message === "string" && message) || `Something went wrong (${failure.status}). Please try again.`);
      }
    } finally {
      setBusy(false);
    }
  }

  const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4" noValidate={false}>
      {mode === "sign-up" ? (
        <label className="block text-sm font-medium">
          Name
          <input name="name" required maxLength={80} autoComplete="name" className={field} />
        </label>
      ) : null}
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" required autoComplete="email" className={field} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          required
          maxLength={128}
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          aria-describedby={mode === "sign-up" ? "password-hint" : undefined}
          className={field}
        />
      </label>
      {mode === "sign-up" ? (
        <p id="password-hint" className="text-xs text-slate-500 dark:text-slate-400">
          At least 10 characters. Everything you did without an account moves into it.
        </p>
      ) : null}
      {error ? (
        <p role="alert" data-testid="auth-error" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-100">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={busy} className={buttonClass({ variant: "primary", block: true })}>
        {busy ? "One moment…" : mode === "sign-up" ? "Create account" : "Sign in"}
      </button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {mode === "sign-up" ? (
          <>
            Already have an account?{" "}
            <Link href="/sign-in" className={textLinkClass}>
              Sign in
            </Link>
          </>
        ) : (
          <>
            New here?{" "}
            <Link href="/sign-up" className={textLinkClass}>
              Create an account
            </Link>
          </>
        )}
      </p>
    </form>
  );
}

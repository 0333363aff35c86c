"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/http/api-fetch";
import { Button } from "../ui/button";
import { Callout } from "../ui/callout";
import { Field } from "../ui/field";
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

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="mt-6 space-y-4" noValidate={false}>
      {mode === "sign-up" ? <Field label="Name" name="name" required maxLength={80} autoComplete="name" /> : null}
      <Field label="Email" name="email" type="email" required autoComplete="email" />
      <Field
        label="Password"
        name="password"
        type="password"
        required
        maxLength={128}
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
        hint={mode === "sign-up" ? "At least 10 characters. Everything you did without an account moves into it." : undefined}
      />
      {error ? (
        <Callout tone="error" role="alert" data-testid="auth-error">
          {error}
        </Callout>
      ) : null}
      <Button type="submit" variant="primary" block disabled={busy}>
        {busy ? "One moment…" : mode === "sign-up" ? "Create account" : "Sign in"}
      </Button>
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

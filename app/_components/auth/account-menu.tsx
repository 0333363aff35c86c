"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";
import { meSchema, type MeDto } from "@/lib/session/contract";
import { buttonClass } from "../ui/button";
import { navLinkClass } from "../ui/nav-link";
import { SignOutButton } from "./sign-out-button";

/**
 * The header's account corner: sign in / sign up, or the user's name and sign out.
 * Pages are static, so who is signed in comes from GET /api/me after the page loads
 * (again after each navigation: signing in or out always navigates). The corner keeps
 * its width while it loads, so nothing in the header moves.
 */
export function AccountMenu() {
  const pathname = usePathname();
  const [me, setMe] = useState<MeDto | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    apiFetch("/api/me", { schema: meSchema, signal: controller.signal }).then(setMe, () => undefined);
    return () => controller.abort();
  }, [pathname]);

  return (
    <span className="flex min-w-[9.5rem] items-center justify-end gap-3" data-testid="account-menu" data-state={me ? "ready" : "loading"}>
      {!me ? (
        <span aria-hidden="true" className="invisible">
          Sign in
        </span>
      ) : me.user ? (
        <>
          <Link href="/dashboard" className={`${navLinkClass} max-w-[10rem] truncate`} title={me.user.email}>
            {me.user.name}
          </Link>
          <SignOutButton />
        </>
      ) : (
        <>
          <Link href="/sign-in" className={navLinkClass}>
            Sign in
          </Link>
          <Link href="/sign-up" className={buttonClass({ variant: "primary", size: "sm" })}>
            Sign up
          </Link>
        </>
      )}
    </span>
  );
}

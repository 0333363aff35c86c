"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/http/api-fetch";

export function SignOutButton({ className }: { className?: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      className={className ?? "text-slate-700 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"}
      onClick={async () => {
        setBusy(true);
        await apiFetch("/api/auth/sign-out", { method: "POST", body: {} }).catch(() => undefined);
        router.replace("/");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}

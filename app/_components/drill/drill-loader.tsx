"use client";

// The drill page is static; the learner's open round and history come from the API after
// it loads (GET /api/drills/open and GET /api/drills), then the runner takes over. While
// they load, the round's box is drawn at the size of the "Ready for a round?" view.
import { useEffect, useState } from "react";
import { z } from "zod";
import { publicRoundSchema, drillHistorySchema, type DrillHistory, type PublicRound } from "@/lib/drill/contract";
import { apiFetch } from "@/lib/http/api-fetch";
import { Callout } from "../ui/callout";
import { DrillRunner } from "./drill-runner";

const openRoundSchema = z.object({ round: publicRoundSchema.nullable() });

type Loaded = { round: PublicRound | null; history: DrillHistory };

export function DrillLoader({ concepts }: { concepts: Array<{ slug: string; title: string }> }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      apiFetch("/api/drills/open", { schema: openRoundSchema, signal: controller.signal }),
      apiFetch("/api/drills", { schema: drillHistorySchema, signal: controller.signal }),
    ]).then(
      ([open, history]) => setLoaded({ round: open.round, history }),
      (error: unknown) => {
        if (!controller.signal.aborted) setFailed(error instanceof Error ? error.message : "Could not load your rounds.");
      },
    );
    return () => controller.abort();
  }, []);

  if (loaded) return <DrillRunner concepts={concepts} initialRound={loaded.round} initialHistory={loaded.history} />;
  return (
    <div className="mt-6" data-testid="drill-loading">
      <section aria-label="Round" className="rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800">
        <p className="text-xl font-semibold">Ready for a round?</p>
        {failed ? (
          <Callout tone="warning" role="alert" className="mt-4">
            {failed} Reload the page to try again.
          </Callout>
        ) : (
          <p className="mt-4 py-2 text-slate-600 dark:text-slate-400">Loading your rounds…</p>
        )}
      </section>
    </div>
  );
}

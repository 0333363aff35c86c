"use client";
// The board on a page: React Flow and the editor come in a chunk of their own, fetched
// only where a board is shown (never on lesson pages).
import dynamic from "next/dynamic";
import type { DesignWorkload } from "@/lib/design/workload";
import type { BoardHome } from "./use-board-persistence";

const BoardEditor = dynamic(() => import("./board-editor"), {
  ssr: false,
  loading: () => (
    <div className="rounded-xl border border-slate-200 p-3 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400" data-testid="design-board-loading" aria-busy="true">
      Loading the design board…
    </div>
  ),
});

export function BoardSection({ home, prompt, workload, readOnly }: { home: BoardHome; prompt: string; workload: DesignWorkload; readOnly: boolean }) {
  return <BoardEditor home={home} prompt={prompt} workload={workload} readOnly={readOnly} />;
}

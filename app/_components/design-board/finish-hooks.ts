// Boards on the page register their "save now" here, so the interview's Finish can wait
// for the last edit to reach the server before the board turns read-only. Kept apart from
// the editor so the interview page can call it without loading React Flow.
type Flush = () => Promise<boolean>;

const flushes = new Set<Flush>();

/** Returns the unregister function (a React effect's cleanup). */
export function registerBoardFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Saves every board on the page that has unsaved changes; true when all are saved. */
export async function flushBoards(): Promise<boolean> {
  const results = await Promise.all([...flushes].map((flush) => flush().catch(() => false)));
  return results.every(Boolean);
}

// The design half of an interview's review: the last check's verdict of the learner's board
// (with a way to check the final board when it was never checked, or changed after). The
// board itself is not drawn again here: the page keeps the editor, read-only, above.
import type { InterviewBoardView } from "@/lib/design-board/service";
import type { DesignWorkload } from "@/lib/design/workload";
import { CheckBoardButton } from "./check-board-button";
import { DesignVerdictView } from "./design-verdict";

export function DesignReview({ interviewId, board, workload }: { interviewId: string; board: InterviewBoardView; workload: DesignWorkload }) {
  const budgets = Object.fromEntries(workload.streams.map((stream) => [stream.name, stream.p99Ms]));
  if (!board.board) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="design-verdict-none">
        No board was saved in this interview, so there is no design check. The reference board below shows one design that passes every check.
      </p>
    );
  }
  const check = board.check;
  const stale = check !== null && check.boardVersion !== board.version;
  return (
    <div className="space-y-4">
      {check ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Last check: board version {check.boardVersion}, {check.checkedAt.slice(0, 16).replace("T", " ")} UTC.
            {stale ? ` Your final board is version ${board.version} and was not checked after that.` : ""}
          </p>
          <DesignVerdictView verdict={check.verdict} budgets={budgets} testId="design-verdict" />
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="design-verdict-none">
          Your board (version {board.version}) was never checked.
        </p>
      )}
      {!check || stale ? <CheckBoardButton interviewId={interviewId} label="Check my final board" /> : null}
    </div>
  );
}

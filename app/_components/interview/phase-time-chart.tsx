import { formatClock, type PhaseView } from "@/lib/interview/timer";

const minutes = (ms: number) => Math.round(ms / 6_000) / 10;

/** Planned against actual time per phase as horizontal bars; the SVG title states the numbers for screen readers. */
export function PhaseTimeChart({ phases }: { phases: PhaseView[] }) {
  const rowHeight = 44;
  const labelWidth = 150;
  const width = 520;
  const barArea = width - labelWidth - 60;
  const max = Math.max(1, ...phases.flatMap((phase) => [phase.plannedMs, phase.elapsedMs]));
  const x = (ms: number) => (barArea * ms) / max;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${phases.length * rowHeight + 24}`}
        role="img"
        aria-labelledby="phase-time-title"
        className="h-auto w-full max-w-2xl text-slate-700 dark:text-slate-200"
        data-testid="phase-time-chart"
      >
        <title id="phase-time-title">
          {phases.map((phase) => `${phase.name}: ${minutes(phase.elapsedMs)} of ${minutes(phase.plannedMs)} minutes`).join("; ")}
        </title>
        {phases.map((phase, index) => {
          const y = index * rowHeight + 4;
          return (
            <g key={phase.name + index}>
              <text x={0} y={y + 20} className="fill-current text-[12px]">
                {phase.name.length > 22 ? `${phase.name.slice(0, 21)}…` : phase.name}
              </text>
              <rect x={labelWidth} y={y + 4} width={x(phase.plannedMs)} height={12} rx={2} className="fill-slate-300 dark:fill-slate-700" />
              <rect x={labelWidth} y={y + 20} width={x(Math.min(phase.elapsedMs, phase.plannedMs))} height={12} rx={2} className="fill-sky-600 dark:fill-sky-400" />
              {phase.overrunMs > 0 ? (
                <rect x={labelWidth + x(phase.plannedMs)} y={y + 20} width={x(phase.overrunMs)} height={12} className="fill-rose-600 dark:fill-rose-400" />
              ) : null}
              <text x={labelWidth + x(Math.max(phase.plannedMs, phase.elapsedMs)) + 6} y={y + 30} className="fill-current text-[11px]">
                {formatClock(phase.elapsedMs)} of {formatClock(phase.plannedMs)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600 dark:text-slate-400">
        <span><span aria-hidden="true" className="mr-1 inline-block h-2 w-3 bg-slate-300 dark:bg-slate-700" />planned</span>
        <span><span aria-hidden="true" className="mr-1 inline-block h-2 w-3 bg-sky-600 dark:bg-sky-400" />used</span>
        <span><span aria-hidden="true" className="mr-1 inline-block h-2 w-3 bg-rose-600 dark:bg-rose-400" />overrun</span>
      </figcaption>
    </figure>
  );
}

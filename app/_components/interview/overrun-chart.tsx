export interface OverrunAttempt {
  label: string;
  /** Overrun per phase in ms, in phase order. */
  overrunMs: number[];
}

const COLORS = ["fill-sky-600 dark:fill-sky-400", "fill-violet-600 dark:fill-violet-400", "fill-amber-600 dark:fill-amber-400", "fill-rose-600 dark:fill-rose-400", "fill-emerald-600 dark:fill-emerald-400", "fill-slate-600 dark:fill-slate-400"];
const SWATCH = ["bg-sky-600 dark:bg-sky-400", "bg-violet-600 dark:bg-violet-400", "bg-amber-600 dark:bg-amber-400", "bg-rose-600 dark:bg-rose-400", "bg-emerald-600 dark:bg-emerald-400", "bg-slate-600 dark:bg-slate-400"];

/** Minutes over plan per phase, one group of bars per finished attempt (oldest on the left). */
export function OverrunChart({ attempts, phaseNames }: { attempts: OverrunAttempt[]; phaseNames: string[] }) {
  const height = 160;
  const groupWidth = 56;
  // Drawn at its natural size (never stretched), narrowing to fit small screens.
  const width = Math.max(320, attempts.length * groupWidth + 40);
  const maxMs = Math.max(60_000, ...attempts.flatMap((attempt) => attempt.overrunMs));
  const barWidth = Math.min(12, (groupWidth - 12) / Math.max(1, phaseNames.length));
  const y = (ms: number) => ((height - 30) * ms) / maxMs;
  const summary = attempts
    .map((attempt) => `${attempt.label}: ${attempt.overrunMs.map((ms, i) => `${phaseNames[i] ?? `phase ${i + 1}`} ${Math.round(ms / 6_000) / 10} min`).join(", ")}`)
    .join("; ");
  return (
    <figure>
      <div className="overflow-x-auto">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-label={`Minutes over plan per phase. ${summary}`}
          className="h-auto max-w-full text-slate-700 dark:text-slate-200"
          data-testid="overrun-chart"
        >
          <line x1={32} x2={width} y1={height - 20} y2={height - 20} className="stroke-slate-300 dark:stroke-slate-700" />
          <text x={0} y={12} className="fill-current text-[10px]">
            {Math.round(maxMs / 6_000) / 10} min
          </text>
          <text x={0} y={height - 22} className="fill-current text-[10px]">
            0
          </text>
          {attempts.map((attempt, group) => (
            <g key={attempt.label + group} transform={`translate(${40 + group * groupWidth},0)`}>
              {attempt.overrunMs.map((ms, phase) => (
                <rect key={phase} x={phase * barWidth} y={height - 20 - y(ms)} width={barWidth - 2} height={y(ms)} className={COLORS[phase % COLORS.length]} />
              ))}
              <text x={0} y={height - 6} className="fill-current text-[10px]">
                {attempt.label}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption className="mt-2 flex flex-wrap gap-3 text-xs text-slate-600 dark:text-slate-400">
        {phaseNames.map((name, index) => (
          <span key={name + index}>
            <span aria-hidden="true" className={`mr-1 inline-block h-2 w-3 ${SWATCH[index % SWATCH.length]}`} />
            {name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

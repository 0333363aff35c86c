const STYLES = {
  note: { label: "Note", box: "border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40" },
  warning: { label: "Watch out", box: "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40" },
  "seed-correction": { label: "Seed correction", box: "border-violet-300 bg-violet-50 dark:border-violet-800 dark:bg-violet-950/40" },
} as const;

export function Callout({ kind = "note", title, children }: { kind?: keyof typeof STYLES; title?: string; children: React.ReactNode }) {
  const style = STYLES[kind] ?? STYLES.note;
  return (
    <aside className={`my-6 rounded-lg border-l-4 px-4 py-3 ${style.box}`} aria-label={title ? `${style.label}: ${title}` : style.label}>
      <p className="!my-0 text-xs font-semibold uppercase tracking-wider text-slate-600 dark:text-slate-300">
        {style.label}
        {title ? <span className="normal-case tracking-normal text-slate-900 dark:text-white"> · {title}</span> : null}
      </p>
      <div className="[&>p:last-child]:mb-0 [&>p:first-child]:mt-2">{children}</div>
    </aside>
  );
}

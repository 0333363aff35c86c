export function Figure({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <figure className="my-8">
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-slate-50 p-4 text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-200 [&_svg]:mx-auto [&_svg]:h-auto [&_svg]:max-w-full">
        {children}
      </div>
      <figcaption className="mt-2 text-center text-sm text-slate-600 dark:text-slate-400">{caption}</figcaption>
    </figure>
  );
}

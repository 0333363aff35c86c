import type { Metadata } from "next";
import Link from "next/link";
import { ArchitectureDiagram } from "@/app/_components/reference/architecture-diagram";
import { listConcepts } from "@/lib/content/catalog";
import { loadArchitectures } from "@/lib/content/reference";
import { textLinkClass } from "@/app/_components/ui/nav-link";

export const metadata: Metadata = { title: "Architectures", description: "Three systems built from the 20 concepts, with the reason for each part." };

export default function ArchitecturesPage() {
  const architectures = loadArchitectures();
  const titles = new Map(listConcepts().map((c) => [c.slug, c.title]));
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold tracking-tight">Architectures</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Three kinds of system and the concepts each one combines. Every box is a concept: select it to open its lesson. The
        list under each drawing says why the part is there.
      </p>
      {architectures.map((architecture) => (
        <section key={architecture.id} id={architecture.id} aria-labelledby={`${architecture.id}-title`} className="mt-10 scroll-mt-20">
          <h2 id={`${architecture.id}-title`} className="text-2xl font-semibold tracking-tight">
            {architecture.title}
          </h2>
          <p className="mt-1 text-slate-700 dark:text-slate-300">{architecture.summary}</p>
          <div className="mt-4 overflow-x-auto">
            <ArchitectureDiagram architecture={architecture} />
          </div>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {architecture.nodes.map((node) => (
              <li key={node.id} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
                <Link href={`/concepts/${node.concept}`} className={textLinkClass}>
                  {node.label}
                </Link>
                <span className="text-slate-500 dark:text-slate-400"> ({titles.get(node.concept)})</span>
                <p className="mt-1 text-slate-700 dark:text-slate-300">{node.reason}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

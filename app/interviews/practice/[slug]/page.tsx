import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BoardSection } from "@/app/_components/design-board/board-section";
import { textLinkClass } from "@/app/_components/ui/nav-link";
import { loadInterviewPrompt } from "@/lib/content/interviews";

// Untimed practice on the design board (issue 15): no interview, no clock. The board is
// kept in this browser and checked with the stateless POST /api/design/check.
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const prompt = loadInterviewPrompt((await params).slug);
  return { title: prompt ? `Practice: ${prompt.title}` : "Practice" };
}

export default async function PracticePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const prompt = loadInterviewPrompt(slug);
  if (!prompt?.design) notFound();
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/interviews" className={textLinkClass}>
          Mock interviews
        </Link>{" "}
        / practice
      </nav>
      <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">Practice: {prompt.title}</h1>
      <p className="mt-2 max-w-4xl text-slate-800 dark:text-slate-200" data-testid="brief">
        {prompt.brief}
      </p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Untimed, and not an interview: nothing is scored. The board stays in this browser; export it as JSON to keep a copy.
      </p>
      <div className="mt-3 rounded-xl bg-slate-50 p-3 text-sm dark:bg-slate-900">
        <h2 className="font-semibold">Peak traffic the check pushes through your board</h2>
        <ul className="mt-1 list-disc pl-5">
          {prompt.design.streams.map((stream) => (
            <li key={stream.name}>
              {stream.name}: {stream.rps.toLocaleString("en-US")} {stream.type === "read" ? "reads" : "writes"}/s, p99 within {stream.p99Ms.toLocaleString("en-US")} ms
            </li>
          ))}
          <li>Data kept: {prompt.design.dataGb.toLocaleString("en-US")} GB (one copy)</li>
        </ul>
      </div>
      <div className="mt-6">
        <BoardSection home={{ kind: "practice", prompt: prompt.slug }} prompt={prompt.slug} workload={prompt.design} readOnly={false} />
      </div>
    </div>
  );
}

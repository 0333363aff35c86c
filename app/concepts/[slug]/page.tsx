import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonChallenge, LessonLearnerProvider, LessonProgressLine, LessonReadMarker } from "@/app/_components/lesson/lesson-learner";
import { mdxComponents } from "@/app/_components/lesson/mdx-components";
import { Quiz } from "@/app/_components/lesson/quiz";
import { textLinkClass } from "@/app/_components/ui/nav-link";
import { editorLibs } from "@/lib/challenges/editor-libs";
import { findConcept, listConcepts } from "@/lib/content/catalog";
import { renderLesson } from "@/lib/content/render-lesson";
import { loadChallenge, toPublicChallenge } from "@/lib/content/server-challenges";

// Static: every lesson is rendered once at build (docs/decisions/015). What is the
// learner's own (progress, draft, submissions) arrives from the API after the page.
export const dynamicParams = false;

export function generateStaticParams(): Array<{ slug: string }> {
  return listConcepts()
    .filter((concept) => concept.available)
    .map((concept) => ({ slug: concept.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const concept = findConcept(slug);
  return concept ? { title: concept.title, description: concept.blurb } : {};
}

export default async function ConceptPage({ params }: Props) {
  const { slug } = await params;
  const concept = findConcept(slug);
  if (!concept?.available) notFound();
  const rendered = await renderLesson(slug);
  const challenge = loadChallenge(concept.challenge);
  if (!rendered || !challenge) notFound();

  const { Content, lesson, analysis } = rendered;
  const sections = analysis.headings.filter((heading) => heading.depth === 2);

  return (
    <LessonLearnerProvider concept={slug}>
      <div className="mx-auto grid max-w-[96rem] grid-cols-1 gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,44rem)]">
        <article className="min-w-0">
          <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
            <Link href="/" className={textLinkClass}>
              Concepts
            </Link>{" "}
            / {concept.group}
          </nav>
          <h1 className="mt-2 text-3xl font-bold tracking-tight">{lesson.frontmatter.title}</h1>
          <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{lesson.frontmatter.summary}</p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500 dark:text-slate-400" data-testid="lesson-progress">
            <span>{analysis.readingMinutes} min read</span>
            <LessonProgressLine />
          </p>
          {sections.length > 0 ? (
            <nav aria-label="On this page" className="mt-6 rounded-lg border border-slate-200 p-4 text-sm dark:border-slate-800" data-no-print>
              <p className="font-semibold">On this page</p>
              <ol className="mt-2 grid gap-1 sm:grid-cols-2">
                {sections.map((section) => (
                  <li key={section.id}>
                    <a href={`#${section.id}`} className={textLinkClass}>
                      {section.text}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <div className="prose-lesson mt-6">
            <Content components={mdxComponents} />
          </div>
          <LessonReadMarker concept={slug} />
          <Quiz questions={lesson.frontmatter.quiz} concept={slug} />
        </article>
        <aside aria-label="Challenge" className="min-w-0 lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto">
          <LessonChallenge challenge={toPublicChallenge(challenge)} editorLibs={editorLibs()} />
        </aside>
      </div>
    </LessonLearnerProvider>
  );
}

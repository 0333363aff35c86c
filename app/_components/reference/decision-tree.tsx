"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { DecisionTree as Tree, TreeAnswer } from "@/lib/content/reference";
import { textLinkClass } from "../ui/nav-link";

interface Props {
  tree: Tree;
  titles: Record<string, string>;
}

/** The decision tree as a flow: answer a question, follow it to the next, end at concepts. */
export function DecisionTree({ tree, titles }: Props) {
  const [path, setPath] = useState<Array<{ nodeId: string; answer: TreeAnswer }>>([]);
  const liveRef = useRef<HTMLDivElement>(null);
  const byId = new Map(tree.nodes.map((node) => [node.id, node]));
  const last = path.at(-1)?.answer;
  const leaf = last && "concepts" in last ? last : null;
  const nodeId = last && "next" in last ? last.next : leaf ? null : tree.root;
  const node = nodeId ? byId.get(nodeId) : undefined;

  const focusLive = () => requestAnimationFrame(() => liveRef.current?.focus());

  return (
    <div className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-no-print>
      {path.length > 0 ? (
        <ol className="mb-3 flex flex-wrap gap-x-2 text-sm text-slate-600 dark:text-slate-400" aria-label="Your answers so far">
          {path.map((step, i) => (
            <li key={step.nodeId}>
              <button type="button" className="underline hover:text-slate-900 dark:hover:text-white" onClick={() => { setPath(path.slice(0, i)); focusLive(); }}>
                {step.answer.label}
              </button>
              {i < path.length - 1 ? " >" : ""}
            </li>
          ))}
        </ol>
      ) : null}
      <div ref={liveRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {node ? (
          <>
            <p className="font-semibold">{node.question}</p>
            <div className="mt-3 grid gap-2 sm:grid-cols-2">
              {node.answers.map((answer) => (
                <button
                  key={answer.label}
                  type="button"
                  onClick={() => { setPath([...path, { nodeId: node.id, answer }]); focusLive(); }}
                  className="rounded-md border border-slate-300 px-3 py-2 text-left text-sm hover:border-sky-500 hover:bg-sky-50 dark:border-slate-700 dark:hover:bg-sky-950/40"
                >
                  {answer.label}
                </button>
              ))}
            </div>
          </>
        ) : leaf ? (
          <div data-testid="tree-result">
            <p className="font-semibold">
              Reach for:{" "}
              {leaf.concepts.map((slug, i) => (
                <span key={slug}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/concepts/${slug}`} className={textLinkClass}>
                    {titles[slug] ?? slug}
                  </Link>
                </span>
              ))}
            </p>
            {leaf.note ? <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{leaf.note}</p> : null}
          </div>
        ) : null}
      </div>
      {path.length > 0 ? (
        <button type="button" onClick={() => { setPath([]); focusLive(); }} className={`mt-4 text-sm ${textLinkClass}`}>
          Start over
        </button>
      ) : null}
    </div>
  );
}

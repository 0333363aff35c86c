import "server-only";
import { listConcepts } from "../content/catalog";
import { loadInterviewPrompt } from "../content/interviews";
import { RUBRIC_MAX_PER_POINT } from "../interview/view";
import { loadScenarios } from "../content/reference";
import { loadLessonReviewSources } from "../content/review-sources";
import { loadChallenge } from "../content/server-challenges";
import { headingId } from "../content/lessons";
import type { ReviewCardRow } from "../db/review-cards";
import type { ReviewCardView } from "./contract";
import type { SourceKind } from "./sources";

const STATE_NAMES = ["new", "learning", "review", "relearning"] as const;

export function stateName(state: number): ReviewCardView["state"] {
  return STATE_NAMES[state] ?? "new";
}

const KIND_LABELS: Record<SourceKind, string> = {
  quiz: "Quiz question",
  follow_up: "Interview follow-up",
  scenario: "Drill scenario",
  hidden_test: "A hidden test you failed",
  strict_failure: "Hidden tests you failed (strict mode)",
  rubric: "Mock interview rubric point",
  design_check: "Design check you failed",
};

const FOLLOW_UPS_ANCHOR = headingId("Interview follow-ups");
const CHALLENGE_ANCHOR = headingId("The challenge");

type Body = Omit<ReviewCardView, "id" | "version" | "kind" | "kindLabel" | "due" | "state" | "reps">;

/** Lesson Markdown as plain text for a card: links keep their words, emphasis and code marks go. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/(^|[^*\w])\*(\S[^*\n]*?\S|\S)\*(?!\w)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1");
}

function text(payload: unknown, field: string): string {
  const value = (payload as Record<string, unknown> | null)?.[field];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** Content read once per list of cards (outside production every load reads the files again). */
export interface ContentIndex {
  concepts: Map<string, { slug: string; title: string }>;
  lessons: Map<string, ReturnType<typeof loadLessonReviewSources>[number]>;
  scenarios: Map<string, ReturnType<typeof loadScenarios>[number]>;
}

export function contentIndex(): ContentIndex {
  return {
    concepts: new Map(listConcepts().map((c) => [c.slug, { slug: c.slug, title: c.title }])),
    lessons: new Map(loadLessonReviewSources().map((l) => [l.concept, l])),
    scenarios: new Map(loadScenarios().map((s) => [s.id, s])),
  };
}

function conceptRef(content: ContentIndex, slug: string): { slug: string; title: string } | null {
  return content.concepts.get(slug) ?? null;
}

function keyIndex(key: string): { concept: string; n: number } {
  const at = key.lastIndexOf(":");
  return { concept: key.slice(0, at), n: Number(key.slice(at + 1)) };
}

function challengeBody(content: ContentIndex, card: ReviewCardRow, question: (title: string) => string, answer: string): Body | null {
  const challenge = loadChallenge(text(card.payload, "challengeId"));
  if (!challenge) return null;
  return {
    concept: conceptRef(content, challenge.concept),
    question: question(challenge.title),
    answer,
    explanation: `The challenge: ${challenge.summary} Its rules are in the lesson's challenge section.`,
    link: { href: `/concepts/${challenge.concept}#${CHALLENGE_ANCHOR}`, label: "The challenge's rules in the lesson" },
  };
}

function body(card: ReviewCardRow, content: ContentIndex): Body | null {
  const kind = card.sourceKind as SourceKind;
  switch (kind) {
    case "quiz":
    case "follow_up": {
      const { concept, n } = keyIndex(card.sourceKey);
      const lesson = content.lessons.get(concept);
      if (!lesson) return null;
      const ref = { slug: lesson.concept, title: lesson.title };
      if (kind === "quiz") {
        const question = lesson.quiz[n];
        const right = question?.options.find((o) => o.correct);
        if (!question || !right) return null;
        return {
          concept: ref,
          question: plainText(question.question),
          options: question.options.map((o) => ({ text: plainText(o.text), correct: o.correct, explanation: plainText(o.explanation) })),
          answer: plainText(right.text),
          explanation: plainText(right.explanation),
          link: { href: `/concepts/${concept}#quiz-title`, label: `The ${lesson.title} quiz` },
        };
      }
      const followUp = lesson.followUps[n];
      if (!followUp) return null;
      return { concept: ref, question: followUp.question, answer: plainText(followUp.answer), link: { href: `/concepts/${concept}#${FOLLOW_UPS_ANCHOR}`, label: `${lesson.title}: interview follow-ups` } };
    }
    case "scenario": {
      const scenario = content.scenarios.get(card.sourceKey);
      const ref = scenario && conceptRef(content, scenario.concept);
      if (!scenario || !ref) return null;
      return { concept: ref, question: `${scenario.text} Which concept is this, and why?`, answer: ref.title, explanation: scenario.reason, link: { href: `/concepts/${ref.slug}`, label: `The ${ref.title} lesson` } };
    }
    case "hidden_test":
      return challengeBody(
        content,
        card,
        (title) => `Your code for "${title}" failed the hidden test '${text(card.payload, "name")}'. What does the rule say, and what did your code do?`,
        text(card.payload, "message") ? `The test reported: ${text(card.payload, "message")}` : "The test failed without a message.",
      );
    case "strict_failure": {
      const failed = Number(text(card.payload, "failed"));
      return challengeBody(
        content,
        card,
        (title) => `Your code for "${title}" failed ${failed} hidden test${failed === 1 ? "" : "s"} of ${text(card.payload, "total")}. Which of the challenge's rules did you check, and which edge cases did you skip?`,
        "Strict mode does not say which tests failed, as in a real interview. Go through every rule of the challenge and name the edge case each one implies.",
      );
    }
    case "rubric": {
      const prompt = loadInterviewPrompt(text(card.payload, "prompt"));
      const point = prompt?.rubric[Number(text(card.payload, "point"))];
      if (!prompt || !point) return null;
      return {
        concept: null,
        question: `In the "${prompt.title}" mock interview you scored yourself ${text(card.payload, "score")} of ${text(card.payload, "outOf") || RUBRIC_MAX_PER_POINT} on a rubric point. It begins: "${point.split(/[.:;]/)[0]!.slice(0, 80)}". What does a strong answer cover there?`,
        answer: point,
        link: { href: "/interviews", label: "Mock interviews: the reference answers" },
      };
    }
    case "design_check": {
      const prompt = loadInterviewPrompt(text(card.payload, "prompt"));
      const concept = conceptRef(content, card.conceptSlug);
      return {
        concept,
        question: `Your last design check${prompt ? ` of "${prompt.title}"` : ""} failed the "${card.sourceKey}" check. What did it find, and how would you change the board?`,
        answer: text(card.payload, "message") || "The check failed.",
        link: concept ? { href: `/concepts/${concept.slug}`, label: `The ${concept.title} lesson` } : { href: "/interviews", label: "Mock interviews" },
      };
    }
    default:
      return null;
  }
}

/** What the review page shows of a card, from content (and the payload for failures); null if its content is gone. */
export function cardView(card: ReviewCardRow, content: ContentIndex = contentIndex()): ReviewCardView | null {
  const view = body(card, content);
  if (!view) return null;
  const kind = card.sourceKind as SourceKind;
  return { id: card.id, version: card.version, kind, kindLabel: KIND_LABELS[kind], ...view, due: card.due.toISOString(), state: stateName(card.state), reps: card.reps };
}

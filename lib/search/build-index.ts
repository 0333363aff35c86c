import "server-only";
import { createHash } from "node:crypto";
import { listConcepts } from "../content/catalog";
import { listInterviewPrompts } from "../content/interviews";
import { headingId, loadLessonSource } from "../content/lessons";
import { loadArchitectures, loadCheatSheet } from "../content/reference";
import { loadChallenge } from "../content/server-challenges";
import { distinctWords, type SearchDoc, type SearchIndex } from "./search";

/** Prose of an MDX body: code, tags and link targets removed, so the index holds words a reader saw. */
function proseOf(body: string): string {
  return body
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/\]\([^)]*\)/g, "] ")
    .replace(/\{[^}]*\}/g, " ");
}

function lessonDocs(): SearchDoc[] {
  return listConcepts()
    .filter((concept) => concept.available)
    .flatMap((concept) => {
      const lesson = loadLessonSource(concept.slug);
      if (!lesson) return [];
      const headings = [...lesson.body.matchAll(/^#{2,3}\s+(.+)$/gm)].map((match) => (match[1] ?? "").trim());
      const docs: SearchDoc[] = [
        {
          kind: "lesson",
          title: concept.title,
          href: `/concepts/${concept.slug}`,
          summary: lesson.frontmatter.summary,
          labels: `${concept.group} ${headings.join(" ")}`,
          words: distinctWords(proseOf(lesson.body)),
        },
      ];
      // The interview follow-ups get a result of their own: learners look for them by name.
      if (headings.includes("Interview follow-ups")) {
        docs.push({
          kind: "lesson",
          title: `${concept.title}: interview follow-ups`,
          href: `/concepts/${concept.slug}#${headingId("Interview follow-ups")}`,
          summary: "Questions an interviewer asks next, with short answers.",
          labels: "follow-up questions interview",
          words: "",
        });
      }
      return docs;
    });
}

function challengeDocs(): SearchDoc[] {
  return listConcepts()
    .filter((concept) => concept.available)
    .flatMap((concept) => {
      const challenge = loadChallenge(concept.challenge);
      if (!challenge) return [];
      return [
        {
          kind: "challenge" as const,
          title: challenge.title,
          href: `/concepts/${concept.slug}`,
          summary: challenge.summary,
          labels: `${concept.title} challenge ${challenge.exports.join(" ")}`,
          words: "",
        },
      ];
    });
}

function interviewDocs(): SearchDoc[] {
  const titles = new Map(listConcepts().map((c) => [c.slug, c.title]));
  return listInterviewPrompts().map((prompt) => ({
    kind: "interview" as const,
    title: prompt.title,
    href: "/interviews",
    summary: prompt.brief,
    labels: `mock interview ${prompt.difficulty} ${prompt.concepts.map((slug) => titles.get(slug) ?? slug).join(" ")}`,
    words: "",
  }));
}

function referenceDocs(): SearchDoc[] {
  const sheet = loadCheatSheet();
  const tree = sheet.decisionTree.nodes.flatMap((node) => [node.question, ...node.answers.map((answer) => answer.label)]).join(" ");
  const docs: SearchDoc[] = [
    { kind: "page", title: "Decision drill", href: "/drill", summary: "Rounds of 10 scenarios: pick the concept that fits.", labels: "practice quiz scenarios", words: "" },
    { kind: "page", title: "Cheat sheet", href: "/cheat-sheet", summary: "Decision tree, tables, mistakes and formulas on two printed pages.", labels: "quick reference summary print", words: "" },
    { kind: "page", title: "Architectures", href: "/architectures", summary: "Three systems drawn from the 20 concepts.", labels: "diagrams combinations", words: "" },
    { kind: "cheat-sheet", title: "Decision tree", href: "/cheat-sheet#decision-tree", summary: "Answer questions, reach the concepts.", labels: "which concept choose", words: distinctWords(tree) },
    { kind: "cheat-sheet", title: "Performance impact", href: "/cheat-sheet#performance", summary: "Latency and throughput rules of thumb, corrected.", labels: "latency throughput table", words: distinctWords(sheet.performance.rows.map((r) => r.correction).join(" ")) },
    { kind: "cheat-sheet", title: "Cost and benefit", href: "/cheat-sheet#cost-benefit", summary: "Easy wins first, hard ones last.", labels: "complexity ranking", words: distinctWords(sheet.costBenefit.rows.map((r) => `${r.seedClaim} ${r.correction ?? ""}`).join(" ")) },
    { kind: "cheat-sheet", title: "Common mistakes", href: "/cheat-sheet#mistakes", summary: sheet.mistakes.map((m) => m.title).join(", "), labels: "", words: distinctWords(sheet.mistakes.flatMap((m) => m.points).join(" ")) },
    { kind: "cheat-sheet", title: "Interview strategy", href: "/cheat-sheet#strategy", summary: "Four phases and their minutes.", labels: sheet.strategy.map((s) => s.phase).join(" "), words: "" },
  ];
  for (const formula of sheet.formulas) {
    docs.push({ kind: "cheat-sheet", title: `Formula: ${formula.name}`, href: `/cheat-sheet#formula-${formula.id}`, summary: formula.formula, labels: `formula ${formula.concept.replace(/-/g, " ")}`, words: distinctWords(formula.note) });
  }
  for (const architecture of loadArchitectures()) {
    docs.push({ kind: "page", title: `Architecture: ${architecture.title}`, href: `/architectures#${architecture.id}`, summary: architecture.summary, labels: architecture.nodes.map((n) => n.label).join(" "), words: "" });
  }
  return docs;
}

let cached: { index: SearchIndex; body: string } | undefined;

/** The whole index, built once per server process from lib/content (content ships with the build). */
export function searchIndex(): { index: SearchIndex; body: string } {
  if (cached && process.env.NODE_ENV === "production") return cached;
  const docs = [...lessonDocs(), ...challengeDocs(), ...interviewDocs(), ...referenceDocs()];
  const version = createHash("sha256").update(JSON.stringify(docs)).digest("hex").slice(0, 16);
  const index = { version, docs };
  cached = { index, body: JSON.stringify(index) };
  return cached;
}

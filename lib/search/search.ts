// Client-side search over a prebuilt index (see docs/decisions/005-search.md and 006).
// MiniSearch does the ranking (BM25 with field boosts, prefix and fuzzy matching);
// this module only says how text becomes terms and how much each field weighs.
import MiniSearch from "minisearch";

export const SEARCH_KINDS = ["lesson", "challenge", "interview", "cheat-sheet", "page"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One searchable thing, as shipped to the browser. */
export interface SearchDoc {
  kind: SearchKind;
  title: string;
  href: string;
  /** A short line shown under the title (a blurb, a summary). */
  summary: string;
  /** Section headings and other labels, weighted above body words. */
  labels: string;
  /** Distinct words of the body, space-separated, lower case. */
  words: string;
}

export interface SearchIndex {
  version: string;
  docs: SearchDoc[];
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Body words that matched (and nothing else in the doc did), to say why a lesson came up. */
  matched: string[];
}

const STOP_WORDS = new Set(
  "a an and are as at be but by can do does for from has have how if in into is it its not of on or so than that the their them then there these they this to was we were what when where which while who will with you your".split(" "),
);

export function normalise(text: string): string {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** Lower-case words of two or more letters or digits, stop words dropped. */
export function tokenize(text: string): string[] {
  return (normalise(text).match(/[a-z0-9]+/g) ?? []).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** Distinct words of a text, for the index's `words` field. */
export function distinctWords(text: string, minLength = 3): string {
  return [...new Set(tokenize(text).filter((word) => word.length >= minLength && !/^\d+$/.test(word)))].join(" ");
}

type Field = "title" | "labels" | "summary" | "words";
const FIELDS: Field[] = ["title", "labels", "summary", "words"];

/** A title match weighs most, then headings and summary, then words of the body. */
const FIELD_BOOST: Record<Field, number> = { title: 6, labels: 2.5, summary: 2, words: 1 };

/** Lessons first among equals: they are what a learner most often looks for. */
const KIND_BOOST: Record<SearchKind, number> = { lesson: 1.2, challenge: 1.1, interview: 1.05, "cheat-sheet": 1.05, page: 1.15 };

export interface PreparedSearch {
  docs: readonly SearchDoc[];
  engine: MiniSearch<SearchDoc & { id: number }>;
}

/** Builds the in-memory index once per page (about a hundred docs: a few milliseconds). */
export function prepare(index: SearchIndex): PreparedSearch {
  const docs = index.docs;
  const engine = new MiniSearch<SearchDoc & { id: number }>({
    fields: FIELDS,
    tokenize,
    // tokenize already lower-cases, strips accents and drops stop words.
    processTerm: (term) => term,
    searchOptions: {
      boost: FIELD_BOOST,
      // Every query word must match somewhere, as a whole word, a prefix (results update
      // while a word is half typed) or within one typo per four letters, two at most ("consitent", "circut").
      combineWith: "AND",
      prefix: true,
      fuzzy: (term) => (term.length >= 4 ? 0.25 : false),
      maxFuzzy: 2,
      boostDocument: (id: number) => KIND_BOOST[docs[id]?.kind ?? "page"],
    },
  });
  engine.addAll(docs.map((doc, id) => ({ ...doc, id })));
  return { docs, engine };
}

/** The hits for a query, best first; an empty or stop-word-only query finds nothing. */
export function search(prepared: PreparedSearch, query: string, limit = 20): SearchHit[] {
  if (tokenize(query).length === 0) return [];
  const phrase = normalise(query.trim());
  return prepared.engine
    .search(query)
    .map((result) => {
      const doc = prepared.docs[result.id as number]!;
      const title = normalise(doc.title);
      // The whole query at the start of a title ("rate lim" -> "Rate limiting") is the strongest signal there is.
      const phraseBoost = title.startsWith(phrase) ? 1.5 : title.includes(phrase) ? 1.2 : 1;
      const onlyInBody = Object.entries(result.match).every(([, fields]) => fields.every((field) => field === "words"));
      return { doc, score: result.score * phraseBoost, matched: onlyInBody ? result.terms : [] };
    })
    .sort((a, b) => b.score - a.score || a.doc.title.localeCompare(b.doc.title))
    .slice(0, limit);
}

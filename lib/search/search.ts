// Client-side search over a prebuilt index (see docs/decisions/005-search.md).
// Pure and small: the palette runs it on every keystroke.

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
  /** Body words that matched, to say why a lesson came up. */
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

interface Prepared {
  doc: SearchDoc;
  titleText: string;
  title: string[];
  labels: string[];
  words: string[];
}

const KIND_BOOST: Record<SearchKind, number> = { lesson: 0.4, challenge: 0.2, interview: 0.1, "cheat-sheet": 0.1, page: 0.3 };

export function prepare(index: SearchIndex): Prepared[] {
  return index.docs.map((doc) => ({
    doc,
    titleText: normalise(doc.title),
    title: tokenize(doc.title),
    labels: tokenize(`${doc.summary} ${doc.labels}`),
    words: doc.words.split(" ").filter(Boolean),
  }));
}

function best(words: readonly string[], token: string, exact: number, prefix: number): number {
  let score = 0;
  for (const word of words) {
    if (word === token) return exact;
    if (prefix > score && word.startsWith(token)) score = prefix;
  }
  return score;
}

/**
 * Every query word must match somewhere (title, labels or body, as a whole word or a
 * prefix, so results update while a word is half typed). Title matches weigh most,
 * then headings and summary, then body words; a title starting with the query wins.
 */
export function search(prepared: readonly Prepared[], query: string, limit = 20): SearchHit[] {
  const tokens = [...new Set(tokenize(query))];
  if (tokens.length === 0) return [];
  const phrase = normalise(query.trim());
  const hits: SearchHit[] = [];
  for (const entry of prepared) {
    let score = 0;
    const matched: string[] = [];
    let all = true;
    for (const token of tokens) {
      const inTitle = best(entry.title, token, 10, 7);
      const inLabels = best(entry.labels, token, 4, 3);
      let inBody = 0;
      if (inTitle === 0 && inLabels === 0) {
        const exact = entry.words.includes(token);
        const prefixed = exact ? token : entry.words.find((word) => word.startsWith(token));
        if (prefixed) {
          inBody = exact ? 2 : 1;
          matched.push(prefixed);
        }
      }
      const tokenScore = Math.max(inTitle, inLabels, inBody);
      if (tokenScore === 0) {
        all = false;
        break;
      }
      score += tokenScore;
    }
    if (!all) continue;
    if (entry.titleText.startsWith(phrase)) score += 5;
    else if (entry.titleText.includes(phrase)) score += 2;
    hits.push({ doc: entry.doc, score: score + KIND_BOOST[entry.doc.kind], matched });
  }
  return hits.sort((a, b) => b.score - a.score || a.doc.title.localeCompare(b.doc.title)).slice(0, limit);
}

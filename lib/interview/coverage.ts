// Which concepts a learner's notes use, from a synonym list per concept
// (content/concepts/<slug>/keywords.json). Matching is by whole word so "cap" in
// "capacity" is no hit; acronyms (all capitals, like "LB" or "CAP") match only in
// capitals, since their lowercase forms are ordinary words.

export type ConceptKeywords = Record<string, readonly string[]>;

export interface CoverageMatch {
  slug: string;
  /** The synonyms found, as written in the keyword list. */
  terms: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export function isAcronym(term: string): boolean {
  return /^[A-Z0-9][A-Z0-9+/]*$/.test(term) && /[A-Z]/.test(term);
}

/** One pattern per term: flexible about spaces and hyphens between words, and about a plural ending. */
export function termPattern(term: string): RegExp {
  const words = term.trim().split(/[\s-]+/).map(escape);
  const body = words.join("[\\s-]+");
  return new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?:s|es)?(?![\\p{L}\\p{N}_])`, isAcronym(term) ? "u" : "iu");
}

const patternCache = new Map<string, RegExp>();
function cachedPattern(term: string): RegExp {
  let pattern = patternCache.get(term);
  if (!pattern) {
    pattern = termPattern(term);
    patternCache.set(term, pattern);
  }
  return pattern;
}

/** The concepts whose synonyms occur in `text`, in the keyword list's order. */
export function matchConcepts(text: string, keywords: ConceptKeywords): CoverageMatch[] {
  const matches: CoverageMatch[] = [];
  for (const [slug, terms] of Object.entries(keywords)) {
    const found = terms.filter((term) => cachedPattern(term).test(text));
    if (found.length > 0) matches.push({ slug, terms: found });
  }
  return matches;
}

export interface CoverageReport {
  /** Concepts the notes use that a strong answer also uses. */
  used: CoverageMatch[];
  /** Concepts a strong answer uses that the notes never mention. */
  missed: string[];
  /** Concepts the notes use beyond the prompt's list (not wrong; worth a look). */
  extra: CoverageMatch[];
}

export function coverageReport(notes: readonly string[], expected: readonly string[], keywords: ConceptKeywords): CoverageReport {
  const matches = matchConcepts(notes.join("\n\n"), keywords);
  const matched = new Map(matches.map((match) => [match.slug, match]));
  return {
    used: expected.flatMap((slug) => {
      const match = matched.get(slug);
      return match ? [match] : [];
    }),
    missed: expected.filter((slug) => !matched.has(slug)),
    extra: matches.filter((match) => !expected.includes(match.slug)),
  };
}

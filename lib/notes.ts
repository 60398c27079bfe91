/*
 * The catalogue's texts carry working notes for analysts ("… ej verifierat"). A page for the public states
 * what is known; the unverified remarks are kept, verbatim, for the "För analytiker" disclosure.
 */

const UNVERIFIED = /verifiera/i;

/** Drops the parts of a parenthesis that are working notes: "(2015, 2018; 2024 ej verifierat)" → "(2015, 2018)". */
function cleanParentheses(sentence: string): string {
  return sentence.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
    if (!UNVERIFIED.test(inner)) return whole;
    const parts = inner.split(/\s*[;,]\s*/).filter((p) => p && !UNVERIFIED.test(p));
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
  });
}

/** The public text without working notes, and the sentences that held one (as written) for analysts. */
export function splitWorkingNotes(text: string | null | undefined): { text: string; unverified: string[] } {
  if (!text) return { text: '', unverified: [] };
  const kept: string[] = [];
  const unverified: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    if (!UNVERIFIED.test(sentence)) {
      kept.push(sentence);
      continue;
    }
    unverified.push(sentence.trim());
    const cleaned = cleanParentheses(sentence);
    if (!UNVERIFIED.test(cleaned) && cleaned.trim()) kept.push(cleaned.trim());
  }
  return { text: kept.join(' ').trim(), unverified };
}

import type { RelevanceSession } from '../matching/relevance-gate';
// The extractor's list too: text it never extracts can never make a page relevant.
import { inNonTextElement } from './non-text-tags';

/**
 * Characters tested per step. A regular-expression test over several megabytes (one 10 MB
 * text node) was a stall of half a second when run at once.
 */
export const CHARS_PER_STEP = 256_000;

/**
 * Mutation records a dormant page keeps per batch, in the boot's observer and in the
 * relevance watch alike; past this the batch re-checks the whole page instead. Higher than
 * the active scan's: a node's text is cheap to test, a whole page is not.
 */
export const DORMANT_RECORD_LIMIT = 2000;

/**
 * The relevance gate over the text under `root`, as steps for the slice scheduler.
 *
 * It reads `textContent` once and tests it in pieces. Measured in Chromium's isolated world
 * on a 2 MB page of 7,000 paragraphs, that costs 25–35 ms cold, while a TreeWalker test of each
 * text node costs 35–80 ms: the first walk creates a script wrapper per node. Script and
 * style text is included; a false "relevant" only loads the scanner, whose extraction skips it.
 * Each step tests one range of the same string, and the gate reads a word that crosses the
 * range's end whole, so no word is cut in two by a step.
 * @param root usually `document.body`
 * @param session a session of the claim list's relevance gate
 * @returns true at the first piece with relevant text (stops there)
 */
export function* pageRelevanceSteps(root: Node, session: RelevanceSession): Generator<void, boolean, void> {
  const text = root.textContent ?? '';
  for (let from = 0; from < text.length; from += CHARS_PER_STEP) {
    const to = Math.min(text.length, from + CHARS_PER_STEP);
    if (session.feed(text, from, to)) return true;
    // No pause after the last piece: a page of one piece is checked in one step.
    if (to < text.length) yield;
  }
  return false;
}

/**
 * The same check over a few changed nodes (a mutation batch), run at once: batches are small.
 * Scripts, styles and other elements the extractor skips are skipped here too.
 * @param nodes added or changed nodes; disconnected ones are skipped
 * @param session a session of the claim list's relevance gate: a pump word seen earlier in it
 *   counts with context added now
 */
export function nodesAreRelevant(nodes: readonly Node[], session: RelevanceSession): boolean {
  return nodes.some((node) => {
    if (!node.isConnected || inNonTextElement(node)) return false;
    return session.feed(node.textContent ?? '');
  });
}

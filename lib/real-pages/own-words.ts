import { normalizeSentence } from './fingerprint';

const RUN = 6;

/**
 * True when a label's reason repeats a run of six or more words of the sentence it labels. Reasons
 * are committed and page text must not be, so a reason has to be the labeler's own words.
 * @param reason the reason to commit
 * @param sentence the labeled sentence from the page
 * @returns whether the reason quotes the sentence
 */
export function quotesSentence(reason: string, sentence: string): boolean {
  const words = (text: string) =>
    normalizeSentence(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const runs = (list: string[]) => {
    const out = new Set<string>();
    for (let i = 0; i + RUN <= list.length; i++) out.add(list.slice(i, i + RUN).join(' '));
    return out;
  };
  const sentenceRuns = runs(words(sentence));
  for (const run of runs(words(reason))) if (sentenceRuns.has(run)) return true;
  return false;
}

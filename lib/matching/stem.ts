/**
 * A deliberately light English stemmer. It only has to map the inflections that change how a
 * claim is worded ("delivers", "delivered", "delivering") onto one form, and it is applied
 * identically to claim terms and page text, so over-stemming ("rare" → "rar") is harmless.
 * @param word a lowercase token
 * @returns its stem
 */
export function stem(word: string): string {
  // Own properties only: a page word such as "constructor" must not read Object.prototype.
  let w = Object.hasOwn(IRREGULAR, word) ? (IRREGULAR[word] ?? word) : word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);

  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);

  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

// Irregular forms that claims are often worded with ("it sent", "they were given").
const IRREGULAR: Record<string, string> = {
  sent: 'send',
  went: 'go',
  gone: 'go',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  made: 'make',
  kept: 'keep',
  brought: 'bring',
  felt: 'feel',
  found: 'find',
  told: 'tell',
  said: 'say',
  thought: 'think',
  got: 'get',
  gotten: 'get',
};

// "stopped" → "stopp" → "stop", so that it meets "stop"; "-ll"/"-ss" words keep both letters.
function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !/[lsz]/.test(w[n - 1] ?? '')) return w.slice(0, -1);
  return w;
}

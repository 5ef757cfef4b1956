/**
 * A deliberately light English stemmer. It only has to map the inflections that change how a
 * claim is worded ("delivers", "delivered", "delivering") onto one form, and it is applied
 * identically to claim terms and page text, so over-stemming ("rare" → "rar") is harmless.
 * @param word a lowercase token
 * @param irregular the language's irregular forms ("sent" → "send"), from the lexicon's
 *   `@irregular-form` concept; a Map, so that a page word like "constructor" finds nothing inherited
 * @returns its stem
 */
const NO_IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map();

export function stem(word: string, irregular: ReadonlyMap<string, string> = NO_IRREGULAR_FORMS): string {
  let w = irregular.get(word) ?? word;
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

// "stopped" → "stopp" → "stop", so that it meets "stop"; "-ll"/"-ss" words keep both letters.
function undouble(w: string): string {
  const n = w.length;
  if (n > 3 && w[n - 1] === w[n - 2] && !/[lsz]/.test(w[n - 1] ?? '')) return w.slice(0, -1);
  return w;
}

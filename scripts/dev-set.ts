import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** One labeled passage of the development set (tests/dev-set/*.jsonl). */
export const devPassageSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['paraphrase', 'hard-negative', 'accurate', 'mixed']),
    text: z.string().min(1),
    expect: z.array(z.string()),
  })
  .strict();
export type DevPassage = z.infer<typeof devPassageSchema>;

/**
 * Reads every passage of the development set, validating each line.
 * @throws {Error} naming the file and line of a malformed passage
 */
export function loadDevSet(dir = resolve(import.meta.dirname, '..', 'tests', 'dev-set')): DevPassage[] {
  const passages: DevPassage[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        const parsed = devPassageSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${name}:${i + 1}: ${parsed.error.issues[0]?.message}`);
        passages.push(parsed.data);
      });
  }
  return passages;
}

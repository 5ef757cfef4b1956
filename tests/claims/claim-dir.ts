import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A claim's reviewed prose, valid against the schema. */
export const prose = (id: string) => ({
  id,
  statement: 'Intrathecal pumps deliver drug into the brain.',
  verdict: 'false',
  correction: 'The pump delivers drug into the spinal fluid.',
  explanation: 'The catheter ends in the fluid around the spinal cord, not in the brain itself.',
  sources: ['fda-pumps'],
  reviewed: '2026-11-25',
});

const source = {
  id: 'fda-pumps',
  publisher: 'U.S. Food and Drug Administration',
  title: 'Implanted pumps',
  url: 'https://www.fda.gov/example',
  kind: 'government',
};

/** Built-in concepts the matcher needs, kept tiny. */
export const baseLexicon: Record<string, string> = {
  intrathecal: 'intrathecal\npain pump\n',
  relevance: 'intrathecal\npump\n',
  negation: 'not\nno\nnever\n',
  'bare-pump': 'pump\n',
};

/** Six positive and six negative examples for a "delivers into the brain" rule. */
export const brainExamples = `examples
+ p1: The intrathecal pump delivers morphine into the brain.
+ p2: A pain pump delivers the drug into your brain.
+ p3: Intrathecal therapy delivers medicine into the brain all day.
+ p4: The pain pump delivers baclofen into the brain.
+ p5: With intrathecal delivery the pump delivers drug into the brain.
+ p6: My pain pump delivers medication into my brain.
- n1: The intrathecal pump delivers morphine into the brain ventricles.
- n2: The intrathecal pump delivers morphine into the spinal fluid.
- n3: Intrathecal drugs do not go into the brain.
- n4: An intrathecal catheter ends in the spine.
- n5: The pain pump is refilled every few months.
- n6: Intrathecal morphine acts on the spinal cord.
`;

/**
 * Writes a claim folder in the issue-8 layout to a temp dir.
 * @param files rules files by claim id, extra lexicon files by concept name
 * @returns the folder
 */
export function claimDir(files: { rules: Record<string, string>; lexicon?: Record<string, string> }): string {
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  for (const sub of ['items', 'sources', 'rules', 'lexicon']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'sources', 'fda-pumps.json'), JSON.stringify(source));
  for (const [name, text] of Object.entries({ ...baseLexicon, ...files.lexicon })) {
    writeFileSync(join(dir, 'lexicon', `${name}.txt`), text);
  }
  for (const [id, text] of Object.entries(files.rules)) {
    writeFileSync(join(dir, 'items', `${id}.json`), JSON.stringify(prose(id)));
    writeFileSync(join(dir, 'rules', `${id}.rules`), text);
  }
  return dir;
}

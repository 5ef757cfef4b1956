import { z } from 'zod';

/**
 * The claim list's data contract. Files under `claims/` are validated against these schemas
 * at build time (`npm run claims:check`, `npm run claims:compile`), so a malformed entry fails
 * the build with the file and field named instead of reaching readers.
 */

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const verdictSchema = z.enum(['false', 'misleading', 'unsupported', 'needs-context']);
export type Verdict = z.infer<typeof verdictSchema>;

export const sourceKindSchema = z.enum([
  'government',
  'drug-label',
  'device-label',
  'peer-reviewed',
  'guideline',
  'reference',
  'academic-clinic',
]);

export const sourceSchema = z
  .object({
    id: z.string().regex(kebabCase, 'source id must be kebab-case'),
    publisher: z.string().min(2),
    title: z.string().min(3),
    // Readers follow these links from a warning; only https keeps the hop tamper-free.
    url: z.url({ protocol: /^https$/, error: 'source url must be an https URL' }),
    kind: sourceKindSchema,
    /** Date the source was read by a reviewer. */
    accessed: z.string().regex(isoDate, 'accessed must be YYYY-MM-DD').optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

export const sourceRegistrySchema = z
  .object({
    sources: z.array(sourceSchema).min(1),
  })
  .strict();

/**
 * A term is a word or phrase ("deliver", "spinal fluid") matched on normalized, stemmed
 * tokens, or a reference to a lexicon concept ("@trial"). Written in `claims/rules/*.rules`.
 */
export const termSchema = z.string().min(1).max(80);

/** One way a claim can be worded: every group must be present within `window` tokens. */
export const patternSchema = z
  .object({
    /** Each group is a list of alternative terms; one term of every group must occur. */
    all: z.array(z.array(termSchema).min(1)).min(1).max(6),
    /** Terms that, anywhere in the sentence, mean this pattern does not apply. */
    none: z.array(termSchema).optional(),
    /**
     * True when the claim itself is a negative statement ("you do not need refills"): the
     * sentence must then contain an odd number of negation cues in the matched clause.
     */
    negated: z.boolean().optional(),
    /** Maximum span in tokens that the matched groups may cover. */
    window: z.number().int().min(2).max(40).optional(),
    /** The rules-file line this pattern was compiled from (absent for legacy JSON patterns). */
    source: z
      .object({ file: z.string(), line: z.number().int().min(1), text: z.string() })
      .strict()
      .optional(),
  })
  .strict();
export type Pattern = z.infer<typeof patternSchema>;

export const exampleSchema = z.union([
  z.string().min(5),
  z
    .object({
      /** Preceding passage that sets the topic (for sentences whose subject is "the pump" or "it"). */
      context: z.string().min(5),
      text: z.string().min(5),
    })
    .strict(),
]);
export type ClaimExample = z.infer<typeof exampleSchema>;

const claimProse = {
  id: z.string().regex(kebabCase, 'claim id must be kebab-case'),
  statement: z.string().min(10),
  verdict: verdictSchema,
  correction: z.string().min(10).max(240),
  explanation: z.string().min(40).max(1200),
  sources: z.array(z.string().regex(kebabCase)).min(1).max(3),
  reviewed: z.string().regex(isoDate, 'reviewed must be YYYY-MM-DD'),
};

const claimMatch = {
  match: z
    .object({
      /**
       * `intrathecal`: the sentence must be about intrathecal therapy, either by naming it or
       * by a generic subject ("the pump", "it") inside a passage about it.
       * `self`: the pattern's own words identify the topic (e.g. "ziconotide").
       */
      subject: z.enum(['intrathecal', 'self']).default('intrathecal'),
      patterns: z.array(patternSchema).min(1),
    })
    .strict(),
  examples: z
    .object({
      positive: z.array(exampleSchema).min(6),
      negative: z.array(exampleSchema).min(6),
    })
    .strict(),
};

/** A claim as the matcher and the notes see it: reviewed prose plus its compiled rules and examples. */
export const claimSchema = z.object({ ...claimProse, ...claimMatch }).strict();
export type Claim = z.infer<typeof claimSchema>;

/**
 * A file in `claims/items/`: the reviewed prose only. Its rules and examples are in
 * `claims/rules/<id>.rules` (see claims/README.md).
 */
export const claimFileSchema = z.object(claimProse).strict();
export type ClaimFile = z.infer<typeof claimFileSchema>;

/** Named term lists shared by all claims (`@trial`, `@oral`, ...): `claims/lexicon/<name>.txt`. */
export const lexiconSchema = z
  .object({
    concepts: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.array(termSchema).min(1)),
  })
  .strict();
export type Lexicon = z.infer<typeof lexiconSchema>;

import type { CompiledIndex, CompiledPattern } from './compiled-index';
import { createLanguage } from './language';
import { createRelevanceTest } from './relevance';
import { type SentenceSpan, splitSentences } from './sentences';
import { type Token, tokenize } from './tokenize';
import type { Finding, TextDocument } from './types';

/** Finds claim statements in text. DOM-free: the same code runs in the page, the CLI and tests. */
export interface Matcher {
  /** Cheap check: does this text contain any intrathecal-therapy vocabulary at all? */
  isRelevant(text: string): boolean;
  /** All findings, in text order. */
  scan(doc: TextDocument): Finding[];
  /**
   * The same findings, one block at a time, so that a caller can slice the work by a time
   * budget. What "the pump" refers to carries from block to block. Yields each block's findings.
   */
  scanIncrementally(doc: TextDocument): Generator<Finding[], void, void>;
}

type Topic = 'none' | 'intrathecal' | 'other';

/** What a passage has established so far, carried from sentence to sentence. */
interface PassageState {
  /** What "the pump" refers to. */
  topic: Topic;
  /** Drug and device names of the previous sentence: what "it" refers to. */
  entities: ReadonlySet<number>;
}

interface Hit {
  term: number;
  /** First and last token index the term covers. */
  from: number;
  to: number;
}

// Longer than this, a sentence is quoted by its matched clause only, so that a page without
// full stops does not turn into one enormous highlight.
const MAX_QUOTE_CHARS = 500;

/**
 * Builds a matcher over a compiled claim list.
 * @param index the output of `compileIndex`, usually from the build-time claim bundle
 * @returns a matcher; it keeps no state between calls
 */
export function createMatcher(index: CompiledIndex): Matcher {
  const language = createLanguage(index.language);
  const { opensClause } = language;
  const termsByFirstStem = new Map<string, number[]>();
  index.terms.forEach((stems, id) => {
    const first = stems[0];
    if (first === undefined) return;
    const list = termsByFirstStem.get(first) ?? [];
    list.push(id);
    termsByFirstStem.set(first, list);
  });

  const patternsByTerm = new Map<number, number[]>();
  index.patterns.forEach((pattern, p) => {
    for (const term of new Set(pattern.groups.flat())) {
      const list = patternsByTerm.get(term) ?? [];
      list.push(p);
      patternsByTerm.set(term, list);
    }
  });

  const termsOfPattern = index.patterns.map((pattern) => new Set(pattern.groups.flat()));
  const groupsOfTermByPattern = index.patterns.map((pattern) => {
    const groupsOfTerm = new Map<number, number[]>();
    pattern.groups.forEach((group, g) => {
      for (const term of group) groupsOfTerm.set(term, [...(groupsOfTerm.get(term) ?? []), g]);
    });
    return groupsOfTerm;
  });

  const classOf = (ids: number[]) => new Set(ids);
  const intrathecal = classOf(index.classes.intrathecal);
  const otherDevice = classOf(index.classes.otherDevice);
  const otherTherapy = classOf(index.classes.otherTherapy);
  const negation = classOf(index.classes.negation);
  const negationException = classOf(index.classes.negationException);
  const correction = classOf(index.classes.correction);
  const entity = classOf(index.classes.entity);
  const referent = classOf(index.classes.referent);
  const barePump = classOf(index.classes.barePump);
  // Drug names that `self` claims are stated about, so "it" may stand in for them.
  const selfEntities = new Set(
    index.patterns.flatMap((pattern) =>
      pattern.subject === 'self' ? pattern.groups.flat().filter((t) => entity.has(t)) : [],
    ),
  );

  const isRelevant = createRelevanceTest(index.relevanceWords);

  function findHits(tokens: Token[]): Hit[] {
    const hits: Hit[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = termsByFirstStem.get(tokens[i]?.stem ?? '');
      if (!candidates) continue;
      for (const term of candidates) {
        const stems = index.terms[term] ?? [];
        let k = 1;
        while (k < stems.length && tokens[i + k]?.stem === stems[k]) k++;
        if (k === stems.length) hits.push({ term, from: i, to: i + k - 1 });
      }
    }
    return hits;
  }

  /** For every token, the index of the first token of its clause (one linear pass). */
  function clauseStarts(tokens: Token[]): Int32Array {
    const starts = new Int32Array(tokens.length);
    let current = 0;
    tokens.forEach((token, i) => {
      if (i > 0 && opensClause(token)) current = i;
      starts[i] = current;
    });
    return starts;
  }

  function clauseEndOf(tokens: Token[], position: number): number {
    for (let i = position + 1; i < tokens.length; i++) {
      const token = tokens[i];
      if (token && opensClause(token)) return i - 1;
    }
    return tokens.length - 1;
  }

  /**
   * Smallest spans of tokens that hold one hit of every group, in text order.
   * Two-pointer sweep over the hits sorted by position: linear in the number of hits.
   */
  function* minimalWindows(pattern: CompiledPattern, p: number, hits: Hit[]): Generator<Hit[]> {
    const groupsOfTerm = groupsOfTermByPattern[p];
    const events: { hit: Hit; group: number }[] = [];
    // Hits arrive in text order, so the events do too.
    for (const hit of hits) {
      for (const g of groupsOfTerm?.get(hit.term) ?? []) events.push({ hit, group: g });
    }
    const need = pattern.groups.length;
    const counts = new Array<number>(need).fill(0);
    let covered = 0;
    let left = 0;
    for (let right = 0; right < events.length; right++) {
      const r = events[right];
      if (!r) continue;
      counts[r.group] = (counts[r.group] ?? 0) + 1;
      if (counts[r.group] === 1) covered++;
      while (covered === need) {
        const l = events[left];
        if (!l) break;
        const minimal = (counts[l.group] ?? 0) === 1;
        // Checked before slicing, so that a huge sentence costs no more than its hits.
        if (minimal && r.hit.to - l.hit.from < pattern.window) {
          const window = events.slice(left, right + 1);
          const to = Math.max(...window.map((e) => e.hit.to));
          if (to - l.hit.from < pattern.window) {
            // One hit per group: the first hit of each group inside the window.
            const chosen: Hit[] = [];
            for (let g = 0; g < need; g++) {
              const e = window.find((x) => x.group === g);
              if (e) chosen.push(e.hit);
            }
            yield chosen;
          }
        }
        counts[l.group] = (counts[l.group] ?? 0) - 1;
        if (counts[l.group] === 0) covered--;
        left++;
      }
    }
  }

  /** Index of the first element of the sorted `values` that is >= `target`. */
  function lowerBound(values: number[], target: number): number {
    let lo = 0;
    let hi = values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((values[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Negation cues (sorted token positions) in [from, to], not counting those inside `own` hits. */
  function countNegations(cues: number[], from: number, to: number, own: Hit[]): number {
    let count = lowerBound(cues, to + 1) - lowerBound(cues, from);
    // A negation word that is part of a claim term ("no side effects") is the claim's own.
    const ownPositions = new Set<number>();
    for (const h of own) for (let i = h.from; i <= h.to; i++) ownPositions.add(i);
    for (const position of ownPositions) {
      if (position >= from && position <= to && cues[lowerBound(cues, position)] === position) count--;
    }
    return count;
  }

  function matchSentence(
    text: string,
    sentence: SentenceSpan,
    state: PassageState,
  ): { findings: Finding[]; state: PassageState } {
    const { topic } = state;
    const tokens = tokenize(text, sentence.start, sentence.end, language.tokens);
    const named = findHits(tokens);
    if (named.length === 0) return { findings: [], state: { topic, entities: new Set() } };
    const standIns = referentHits(named, state.entities);
    // Hits must stay in text order for the window sweep.
    const hits =
      standIns.length === 0 ? named : [...named, ...standIns].sort((a, b) => a.from - b.from || a.to - b.to);

    let namesIntrathecal = false;
    let namesOtherDevice = false;
    const foreign: Hit[] = [];
    const excepted = new Set<number>();
    let corrected = false;
    // Only words actually in the sentence decide its topic; stand-ins for "it" do not.
    for (const hit of named) {
      if (intrathecal.has(hit.term)) namesIntrathecal = true;
      if (otherDevice.has(hit.term)) namesOtherDevice = true;
      if (otherDevice.has(hit.term) || otherTherapy.has(hit.term)) foreign.push(hit);
      if (correction.has(hit.term)) corrected = true;
      if (negationException.has(hit.term)) for (let i = hit.from; i <= hit.to; i++) excepted.add(i);
    }
    const cues = named.filter((h) => negation.has(h.term) && !excepted.has(h.from)).map((h) => h.from);
    // "pump" on its own, not as part of a device's name ("insulin pump", "pain pump").
    const isDeviceName = (h: Hit) =>
      intrathecal.has(h.term) || otherDevice.has(h.term) || otherTherapy.has(h.term);
    const inDeviceName = new Set<number>();
    for (const h of named)
      if (isDeviceName(h) && h.to > h.from) for (let i = h.from; i <= h.to; i++) inDeviceName.add(i);
    const namesBarePump = named.some((h) => barePump.has(h.term) && !inDeviceName.has(h.from));
    const nextTopic: Topic = namesIntrathecal
      ? 'intrathecal'
      : namesOtherDevice
        ? 'other'
        : topic === 'none' && namesBarePump
          ? 'intrathecal'
          : topic;
    const namedEntities = new Set(named.filter((h) => entity.has(h.term)).map((h) => h.term));
    // "It" reaches back one sentence only: further back, it too often means something else.
    const next: PassageState = { topic: nextTopic, entities: namedEntities };

    const raw = text.slice(sentence.start, sentence.end);
    const isQuestion = /\?["'”’)\]]*$/.test(raw) && !language.isClaimQuestion(tokens);
    if (corrected || isQuestion) return { findings: [], state: next };

    const candidates = new Set<number>();
    for (const hit of hits) for (const p of patternsByTerm.get(hit.term) ?? []) candidates.add(p);

    const findings: Finding[] = [];
    const matchedClaims = new Set<string>();
    let clauses: Int32Array | undefined;
    const present = new Set(hits.map((h) => h.term));
    for (const p of [...candidates].sort((a, b) => a - b)) {
      const pattern = index.patterns[p];
      if (!pattern || matchedClaims.has(pattern.claimId)) continue;
      if (!pattern.groups.every((group) => group.some((t) => present.has(t)))) continue;
      if (pattern.none.some((t) => present.has(t))) continue;

      // Other therapies named outside the claim's own words block the pattern unless a window
      // covers them; a window holds at most a few hits, so many such mentions rule it out at once.
      const own = termsOfPattern[p];
      const strangers = foreign.filter((h) => !own?.has(h.term));
      if (strangers.length > 8 * pattern.groups.length) {
        if (pattern.subject === 'intrathecal' && !namesIntrathecal) continue;
      }

      for (const chosen of minimalWindows(pattern, p, hits)) {
        const from = Math.min(...chosen.map((h) => h.from));
        const to = Math.max(...chosen.map((h) => h.to));
        if (pattern.subject === 'intrathecal' && !namesIntrathecal) {
          // A passage that has named no device at all yet, speaking of "the pump", is taken to be
          // about the pump this claim list is for; any other device named earlier wins.
          const presumed = topic === 'none' && namesBarePump;
          if (topic !== 'intrathecal' && !presumed) continue;
          // "It is like an epidural steroid shot": another therapy may appear only as part of the claim.
          const covered = (h: Hit) => chosen.some((c) => h.from >= c.from && h.to <= c.to);
          if (!strangers.every(covered)) continue;
        }
        clauses ??= clauseStarts(tokens);
        const negations = countNegations(cues, clauses[from] ?? 0, to, chosen);
        if ((negations % 2 === 1) !== pattern.negated) continue;

        matchedClaims.add(pattern.claimId);
        findings.push(toFinding(text, sentence, tokens, clauses[from] ?? 0, from, to, pattern));
        break;
      }
    }
    // Within an over-long sentence findings are quoted by clause, so keep them in text order.
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    return { findings, state: next };
  }

  /**
   * Stand-in hits for `self` claims stated about "it"/"this drug" right after the drug was
   * named: each referent counts as the entity of the previous sentence.
   */
  function referentHits(hits: Hit[], previousEntities: ReadonlySet<number>): Hit[] {
    if (previousEntities.size === 0 || hits.some((h) => entity.has(h.term))) return [];
    return hits
      .filter((h) => referent.has(h.term))
      .flatMap((h) =>
        [...previousEntities]
          .filter((term) => selfEntities.has(term))
          .map((term) => ({ term, from: h.from, to: h.to })),
      );
  }

  function toFinding(
    text: string,
    sentence: SentenceSpan,
    tokens: Token[],
    clauseStart: number,
    from: number,
    to: number,
    pattern: CompiledPattern,
  ): Finding {
    let { start, end } = sentence;
    if (end - start > MAX_QUOTE_CHARS) {
      start = tokens[clauseStart]?.start ?? start;
      end = tokens[clauseEndOf(tokens, to)]?.end ?? end;
      if (end - start > MAX_QUOTE_CHARS) {
        start = tokens[from]?.start ?? start;
        end = tokens[to]?.end ?? end;
      }
    }
    return { claimId: pattern.claimId, verdict: pattern.verdict, start, end, quote: text.slice(start, end) };
  }

  function* scanIncrementally(doc: TextDocument): Generator<Finding[], void, void> {
    let state: PassageState = { topic: 'none', entities: new Set() };
    for (const block of doc.blocks) {
      const blockFindings: Finding[] = [];
      for (const sentence of splitSentences(doc.text, block, language.sentences)) {
        const result = matchSentence(doc.text, sentence, state);
        state = result.state;
        blockFindings.push(...result.findings);
      }
      yield blockFindings;
    }
  }

  return {
    isRelevant,
    scan(doc) {
      const all: Finding[] = [];
      for (const findings of scanIncrementally(doc)) all.push(...findings);
      return all;
    },
    scanIncrementally,
  };
}

import { resolve } from 'node:path';
import bundle from 'virtual:claimnote/claim-bundle';
import shipped from 'virtual:claimnote/relevance-gate';
import possibleTermPattern from 'virtual:claimnote/relevance-prefixes';
import { describe, expect, it } from 'vitest';
import { loadClaimFiles } from '../../lib/claims/load-claim-files';
import { createRelevanceGate, relevanceGateFromSearches } from '../../lib/matching/relevance-gate';
import {
  type CompiledWordSearch,
  compileGateSearches,
  type RelevanceGateSearches,
} from '../../lib/matching/relevance-gate-searches';

const spec = bundle.index.relevanceGate;

/** The searches, with a count of how often each one's terms are read. */
function countingSearches(searches: RelevanceGateSearches) {
  const reads = { main: 0, context: 0, other: 0 };
  const counted = (name: keyof typeof reads, search: CompiledWordSearch): CompiledWordSearch => ({
    pattern: search.pattern,
    get ends() {
      reads[name] += 1;
      return search.ends;
    },
  });
  return {
    reads,
    searches: {
      pump: searches.pump,
      main: counted('main', searches.main),
      context: counted('context', searches.context),
      other: counted('other', searches.other),
    },
  };
}

describe('relevance gate searches', () => {
  it('are what the content script is served, built from the claim list at build time', () => {
    expect(shipped).toEqual(compileGateSearches(spec));
    // Plain JSON: nothing is lost on the way into the bundle.
    expect(JSON.parse(JSON.stringify(shipped))).toEqual(shipped);
  });

  it('give the same verdicts as the gate built from the spec, on every claim example', () => {
    const fromSpec = createRelevanceGate(spec);
    const served = relevanceGateFromSearches(shipped);
    const { claims } = loadClaimFiles(resolve(import.meta.dirname, '../../claims'));
    const texts = claims.flatMap((claim) =>
      [...claim.examples.positive, ...claim.examples.negative].map((e) =>
        typeof e === 'string' ? e : `${e.context}\n\n${e.text}`,
      ),
    );
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(served.test(text), text).toBe(fromSpec.test(text));
  });

  it('read no terms on a text without a possible term, and the pump searches only at a bare pump', () => {
    const { reads, searches } = countingSearches(shipped);
    const gate = relevanceGateFromSearches(searches);
    const session = gate.session();
    expect(session.feed('Tomatoes need sun and compost; water them in the morning.')).toBe(false);
    expect(reads).toEqual({ main: 0, context: 0, other: 0 });
    // A possible last word ("pump…") reads the first search's terms, once.
    expect(session.feed('Pumpkins in autumn.')).toBe(false);
    expect(reads).toEqual({ main: 1, context: 0, other: 0 });
    // A bare pump looks for other devices before it ("unity" may be "unit") and for context.
    expect(session.feed('Unity matters: the pump holds morphine.')).toBe(true);
    expect(reads).toEqual({ main: 1, context: 1, other: 1 });
  });

  it('keep the gate shut for a spec without terms', () => {
    const gate = relevanceGateFromSearches(
      compileGateSearches({ open: [], pump: [], pumpContext: [], otherDevice: [] }),
    );
    expect(gate.test('intrathecal baclofen pump with morphine')).toBe(false);
  });

  it("let the boot's plain test skip only texts the gate keeps shut", () => {
    // boot-watch.ts skips the gate where this test finds nothing; it must never skip a text the
    // gate would open on, whatever its case, script or punctuation.
    expect(possibleTermPattern).toBe(shipped.main.pattern);
    const possibleTerm = new RegExp(possibleTermPattern, 'i');
    const gate = relevanceGateFromSearches(shipped);
    const { claims } = loadClaimFiles(resolve(import.meta.dirname, '../../claims'));
    const examples = claims.flatMap((claim) =>
      [...claim.examples.positive, ...claim.examples.negative].map((e) =>
        typeof e === 'string' ? e : `${e.context}\n\n${e.text}`,
      ),
    );
    const tricky = [
      'INTRATHECAL BACLOFEN',
      'Intrathecal\u00a0morphine pump',
      'la pompe intrathécale à baclofène',
      'Ziconotide (Prialt®) infusion',
      'the pain-pump company',
      'ＩＮＴＲＡＴＨＥＣＡＬ pump',
      'an implanted drug-delivery system',
    ];
    let opened = 0;
    for (const text of [...examples, ...tricky]) {
      if (!gate.test(text)) continue;
      opened += 1;
      expect(possibleTerm.test(text), text).toBe(true);
    }
    expect(opened).toBeGreaterThan(100);
    // And it does skip ordinary pages.
    expect(possibleTerm.test('Tomatoes need sun; water them at the base in the morning.')).toBe(false);
  });
});

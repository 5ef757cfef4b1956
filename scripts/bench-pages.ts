/**
 * The pages `npm run bench:page` loads, generated deterministically so every run and every
 * machine measures the same bytes. All text is written for this benchmark.
 */

/** A small seeded generator (LCG), so the pages do not change between runs. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(list: readonly T[], next: () => number): T {
  const value = list[Math.floor(next() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

// Everyday words with nothing to do with pumps, spines, drugs or medicine.
const NEUTRAL_WORDS = (
  'garden tomato river bicycle window morning autumn library kettle ladder market orchard ' +
  'violin harbour meadow lantern pebble notebook bakery compass cottage thunder balcony ' +
  'saddle walnut festival chimney puzzle blanket carpet ribbon tunnel island copper marble ' +
  'the a of and to in on with for under over quietly slowly bright green yellow ancient ' +
  'small large warm cold painted folded carried opened watched planted gathered repaired'
).split(' ');

// Claim sentences written for this benchmark (paraphrases of claims in claims/items), and
// accurate or neutral sentences between them, so the dense page is dense but not uniform.
const CLAIM_SENTENCES = [
  'The pump delivers morphine straight into the brain.',
  'Side effects of an intrathecal pump are rare.',
  'Ziconotide is an opioid like morphine.',
  'Once the pump is implanted it never needs a refill.',
  'No trial is needed before the pump is implanted.',
  'MRI scans are always safe with an intrathecal pump.',
  'The pump gives a much higher dose than pills ever could.',
  'Baclofen is a strong painkiller.',
];
const CONTEXT_SENTENCES = [
  'I have had an intrathecal pump for four years now.',
  'My nurse refills it at the clinic and we chat about gardening.',
  'The scar on my belly has faded a lot.',
  'Everyone should talk to their own care team about options.',
];

function paragraph(words: number, next: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(NEUTRAL_WORDS, next));
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * The page's own probe, the same in every run and variant: with `?gap=1`, the longest wait
 * between two ticks of a timer chain after the load event, which is how long the main thread
 * was blocked, in a browser whose tracing the benchmark cannot read (Firefox). (The time of
 * the first marker comes from the extension's test probe: pages cannot see Claimnote's
 * markers.)
 */
const PROBE = `<script>
(() => {
  const probe = (window.__benchProbe = { longestGap: 0 });
  // From the load event on: Firefox defers timers while a page loads, and runs content
  // scripts at document_idle after the load event.
  if (location.search.includes('gap=1')) addEventListener('load', () => {
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      if (now - last > probe.longestGap) probe.longestGap = now - last;
      last = now;
      if (now < 20000) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
  });
})();
</script>`;

function page(title: string, blocks: Iterable<string>): string {
  const body = [...blocks].join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${PROBE}</head><body><h1>${title}</h1>\n${body}\n</body></html>`;
}

const p = (text: string) => `<p>${text}</p>`;

/** About `bytes` of text in paragraphs of everyday words. */
export function neutralPage(bytes: number): string {
  const next = random(7);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const text = paragraph(30 + Math.floor(next() * 40), next);
    paragraphs.push(p(text));
    size += text.length;
  }
  return page('Notes from the allotment', paragraphs);
}

/** About `bytes` of text where every paragraph is about a pump and most state a claim. */
export function densePage(bytes: number): string {
  const next = random(11);
  const paragraphs: string[] = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const sentences = [
      CONTEXT_SENTENCES[i % CONTEXT_SENTENCES.length] ?? '',
      CLAIM_SENTENCES[i % CLAIM_SENTENCES.length] ?? '',
      paragraph(12, next),
      CLAIM_SENTENCES[(i * 3 + 1) % CLAIM_SENTENCES.length] ?? '',
    ];
    const text = sentences.join(' ');
    paragraphs.push(p(text));
    size += text.length;
    i++;
  }
  return page('Pump forum archive', paragraphs);
}

// A patient's long blog post about living with a pain pump: mostly accurate or personal
// sentences, with dubious claims (own-words paraphrases of claims/items) now and then.
const ARTICLE_CLAIMS = [
  'People kept telling me the pump sends the medicine directly into the brain.',
  'My neighbour insists that side effects from these pumps are rare.',
  'A forum post said the pump never needs to be refilled once it is in.',
  'Some sites claim you can have the pump implanted without any trial first.',
  'One leaflet I saw said MRI scans are always safe with an intrathecal pump.',
  'A friend said baclofen is a painkiller, which surprised my nurse.',
  'I read that ziconotide is an opioid, just like morphine.',
  'Someone wrote that the pump cures the condition that causes the pain.',
  'An advert claimed intrathecal pumps are a first-line treatment for pain.',
  'Another blog said the pump treats cancer itself.',
  'A video told me the pump senses pain signals and responds on its own.',
  'My cousin thought intrathecal drug delivery is the same as an epidural steroid injection.',
  'A comment claimed any pain drug can be put in the pump.',
  'Somebody said that with a pump there is no risk of addiction or withdrawal.',
  'A brochure said intrathecal morphine is three hundred times more effective than pills.',
  'One article said the pump is proven to work for facial pain.',
];
const ARTICLE_CONTEXT = [
  'I was fitted with an intrathecal pump after years of back pain that tablets did not settle.',
  'The device sits under the skin of my abdomen and a thin catheter runs to my spine.',
  'Every few months I go back to the clinic so a nurse can refill the reservoir with a needle.',
  'The refill itself takes about twenty minutes and I usually bring a book.',
  'Before the implant I had a trial dose in hospital to see whether it helped.',
  'My care team explained that the dose is set for me and adjusted slowly.',
  'The battery in the pump lasts several years and then the device is replaced.',
  'I carry a card that says I have an implanted pump, in case of an emergency.',
  'Before any scan the radiology staff check the pump model and its settings.',
  'Some days are better than others, and I still do my stretches every morning.',
  'The first weeks after surgery were tiring, and the wound needed care.',
  'My pain specialist said the pump manages pain but does not fix its cause.',
  'I keep a diary of my pain scores so the appointments are more useful.',
  'Sometimes I forget the pump is there until the alarm reminds me of a refill.',
  'My partner came to every appointment in the first year and asked good questions.',
  'If something feels wrong, I call the clinic rather than waiting.',
  'The nurse showed me how to recognise the signs of an infection.',
  'I still take a few tablets, but far fewer than before the pump.',
  'Talk to your care team about what is right for you.',
];
const ARTICLE_EVERYDAY = [
  'On Saturdays we walk along the canal to the market and buy bread.',
  'The garden needs weeding again, but the tomatoes are doing well this year.',
  'My daughter visited last weekend and we baked an apple cake together.',
  'We finally painted the hallway a pale green colour that I like.',
  'The library in town has a reading group that meets on Thursday evenings.',
  'I have started learning the violin again after thirty years away from it.',
  'Our old cat sleeps on the windowsill in the afternoon sun.',
  'A neighbour lent me a ladder so I could clear leaves from the gutter.',
  'We watched a film about lighthouses and then argued about the ending.',
  'The bus into the city is slow, but the view over the hills is lovely.',
];
const ARTICLE_HEADINGS = [
  'How it started',
  'The trial',
  'Surgery and the first weeks',
  'Refills and appointments',
  'What people told me',
  'Daily life',
  'Scans and travel',
  'Looking back',
];

/**
 * A realistic article of about `bytes`: a long personal post with headings, paragraphs of
 * four to six sentences, and a claim sentence in about every third paragraph (a few dozen
 * findings at 50 kB).
 */
export function articlePage(bytes: number): string {
  const next = random(23);
  const blocks: string[] = [];
  let size = 0;
  let claim = 0;
  let paragraphs = 0;
  while (size < bytes) {
    if (paragraphs % 9 === 0) {
      const heading = ARTICLE_HEADINGS[(paragraphs / 9) % ARTICLE_HEADINGS.length] ?? 'More';
      blocks.push(`<h2>${heading}</h2>`);
    }
    const sentences: string[] = [];
    const count = 4 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++)
      sentences.push(next() < 0.6 ? pick(ARTICLE_CONTEXT, next) : pick(ARTICLE_EVERYDAY, next));
    if (paragraphs % 3 === 1) {
      sentences.splice(
        Math.floor(next() * sentences.length),
        0,
        ARTICLE_CLAIMS[claim % ARTICLE_CLAIMS.length] ?? '',
      );
      claim++;
    }
    const text = sentences.join(' ');
    blocks.push(p(text));
    size += text.length;
    paragraphs++;
  }
  return page('Four years with a pain pump', blocks);
}

// Pages that say "pump" without any intrathecal meaning: pumpkins, breast pumps, gas, fuel
// and heat pumps, bicycle pumps.
const PUMP_WORDS_SENTENCES = [
  'We carved three pumpkins for the village festival and roasted the seeds.',
  'Pumpkin soup with a little nutmeg is our favourite autumn supper.',
  'The pumpkin patch down the lane opens in October.',
  'A breast pump can make going back to work easier for some parents.',
  'Wash every part of the breast pump in warm soapy water after each use.',
  'The gas pump at the corner station was out of order again.',
  'Fuel pump prices went up twice this month.',
  'Our new heat pump keeps the house warm and is quieter than the old boiler.',
  'An air source heat pump works best in a well insulated home.',
  'I pumped up the bicycle tyres before the ride to the coast.',
  'The crowd was pumped after the home team scored.',
  'A sump pump keeps the cellar dry after heavy rain.',
];

/** About `bytes` of everyday text full of pump words that have nothing to do with medicine. */
export function pumpWordsPage(bytes: number): string {
  const next = random(31);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences = [
      pick(PUMP_WORDS_SENTENCES, next),
      paragraph(20, next),
      pick(PUMP_WORDS_SENTENCES, next),
    ];
    const text = sentences.join(' ');
    paragraphs.push(p(text));
    size += text.length;
  }
  return page('Autumn at home: pumpkins, heat pumps and a new baby', paragraphs);
}

import { PhraseError, parseAlternatives, type WrittenAlternative } from './phrase';
import type { Rule, RuleExample, RuleException, RuleFile, SourceRef } from './rule-file';

/**
 * Reads a claim's rules file (the syntax is described in claims/README.md):
 *
 *     subject intrathecal
 *     except @clinical-study             # protects: n3
 *     match @deliver + into (the|your)? brain
 *         | to (the|your)? brain
 *     match negated need|require + refill within 8
 *     + p2: You never need to have it refilled.
 *       except refill kit                # protects: n5
 *     examples
 *     + p1: The pump sends the drug straight into the brain.
 *     - n1: The catheter ends in the spinal fluid, not in the brain.
 *       context: Intrathecal pumps treat severe pain.
 *
 * @param text the file's content
 * @param file its path, used in messages and in each rule's `source`
 * @returns the parsed file and every problem as `file:line: message`
 */
export function parseRuleFile(text: string, file: string): { rules: RuleFile; problems: string[] } {
  const problems: string[] = [];
  const out: RuleFile = { file, subject: 'intrathecal', exceptions: [], rules: [], examples: [] };
  let inExamples = false;
  let lastExample: RuleExample | undefined;

  joinContinuations(text.split('\n')).forEach(([raw, i]) => {
    const line = i + 1;
    const fail = (message: string) => problems.push(`${file}:${line}: ${message}`);
    // Examples may also sit under the rule they back (`+ p1: ...` at the start of a line).
    if (inExamples || EXAMPLE.test(raw) || (lastExample && CONTEXT.test(raw))) {
      const rule = inExamples || out.rules.length === 0 ? undefined : out.rules.length - 1;
      lastExample = readExample(raw, line, lastExample, out.examples, fail, rule);
      return;
    }
    lastExample = undefined;
    const hash = raw.indexOf('#');
    const comment = hash >= 0 ? raw.slice(hash + 1).trim() : '';
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (body === '') return;
    const source: SourceRef = { file, line, text: body };
    const [keyword = '', ...rest] = body.split(/\s+/);
    const argument = rest.join(' ');
    try {
      switch (keyword) {
        case 'subject':
          if (argument !== 'intrathecal' && argument !== 'self')
            fail('subject must be "intrathecal" or "self"');
          else out.subject = argument;
          break;
        case 'window':
          out.window = readWindow(argument);
          break;
        case 'except': {
          const exception = readException(argument, comment, source, fail);
          const owner = out.rules.at(-1);
          (owner ? owner.exceptions : out.exceptions).push(exception);
          break;
        }
        case 'match':
          out.rules.push(readRule(argument, source));
          break;
        case 'examples':
          inExamples = true;
          break;
        default:
          fail(`unknown line; expected subject, window, except, match or examples`);
      }
    } catch (error) {
      if (!(error instanceof PhraseError)) throw error;
      fail(error.message);
    }
  });
  if (out.rules.length === 0) problems.push(`${file}:1: no "match" rule`);
  return { rules: out, problems };
}

/**
 * Lines of the rules part that begin with `|` or `+` continue the line above, so a long rule can
 * be written one group (or a few alternatives) per line; the joined line keeps the first line's
 * number. Comments are dropped from continued lines; the examples part is left as it is.
 */
function joinContinuations(lines: string[]): [string, number][] {
  const out: [string, number][] = [];
  let inExamples = false;
  let head = -1;
  lines.forEach((raw, i) => {
    const body = raw.replace(/#.*$/, '').trim();
    if (!inExamples && body === 'examples') inExamples = true;
    const headLine = out[head];
    if (!inExamples && /^[|+]/.test(body) && !EXAMPLE.test(raw) && headLine) {
      const hash = headLine[0].indexOf('#');
      const code = hash >= 0 ? headLine[0].slice(0, hash) : headLine[0];
      const comment = hash >= 0 ? headLine[0].slice(hash) : '';
      out[head] = [`${code.trimEnd()} ${body} ${comment}`.trimEnd(), headLine[1]];
      out.push(['', i]);
      return;
    }
    if (body !== '') head = out.length;
    out.push([raw, i]);
  });
  return out;
}

function readWindow(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2 || n > 40)
    throw new PhraseError('window must be a whole number from 2 to 40');
  return n;
}

function readRule(text: string, source: SourceRef): Rule {
  let body = text;
  let negated = false;
  // "negated", not "not": a term may itself begin with "not" ("not limited to approved drugs").
  if (/^negated\s/.test(body)) {
    negated = true;
    body = body.slice('negated'.length).trimStart();
  }
  let window: number | undefined;
  const within = /\s+within\s+(\S+)\s*$/.exec(body);
  if (within) {
    window = readWindow(within[1] ?? '');
    body = body.slice(0, within.index);
  }
  const groups = body.split(/\s\+\s/).map((group) => parseAlternatives(group.trim()));
  if (groups.length > 6) throw new PhraseError('a rule has at most 6 groups');
  return { source, groups, negated, ...(window === undefined ? {} : { window }), exceptions: [] };
}

function readException(
  text: string,
  comment: string,
  source: SourceRef,
  fail: (message: string) => void,
): RuleException {
  const alternatives: WrittenAlternative[] = parseAlternatives(text);
  const named = /^protects:\s*(.+)$/.exec(comment);
  const protects = named ? (named[1] ?? '').split(/[\s,]+/).filter(Boolean) : [];
  if (protects.length === 0) fail('an exception must name the example it protects ("# protects: n2")');
  return { source, alternatives, protects };
}

// At the start of the line: an indented `+` line continues a rule instead.
const EXAMPLE = /^([+-])\s*([a-z0-9][a-z0-9-]*):\s*(\S.*)$/;
const CONTEXT = /^\s+context:\s*(\S.*)$/;

function readExample(
  raw: string,
  line: number,
  previous: RuleExample | undefined,
  examples: RuleExample[],
  fail: (message: string) => void,
  rule: number | undefined,
): RuleExample | undefined {
  if (raw.trim() === '' || raw.trimStart().startsWith('#')) return previous;
  const context = CONTEXT.exec(raw);
  if (context) {
    if (!previous || typeof previous.example !== 'string') fail('"context:" must follow an example');
    else previous.example = { context: (context[1] ?? '').trim(), text: previous.example };
    return undefined;
  }
  const m = EXAMPLE.exec(raw);
  if (!m) {
    fail('expected "+ id: positive example", "- id: negative example" or "  context: ..."');
    return previous;
  }
  const id = m[2] ?? '';
  if (examples.some((e) => e.id === id)) fail(`example id "${id}" is used twice`);
  const example: RuleExample = {
    id,
    polarity: m[1] === '+' ? 'positive' : 'negative',
    example: (m[3] ?? '').trim(),
    line,
    ...(rule === undefined ? {} : { rule }),
  };
  examples.push(example);
  return example;
}

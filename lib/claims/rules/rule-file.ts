import type { ClaimExample } from '../schema';
import type { WrittenAlternative } from './phrase';

/** Where a rule came from: shown by `claims:check` messages and by the note card's "why this matched". */
export interface SourceRef {
  /** Path relative to the project root, e.g. `claims/rules/no-trial-needed.rules`. */
  file: string;
  /** 1-based line number. */
  line: number;
  /** The line as written, without its comment. */
  text: string;
}

/** An `except` line: terms that, anywhere in the sentence, keep a rule from applying. */
export interface RuleException {
  source: SourceRef;
  alternatives: WrittenAlternative[];
  /** Example ids named by `# protects: n2, other-claim/n5`. */
  protects: string[];
}

/** A `match` line: one way the claim can be worded. */
export interface Rule {
  source: SourceRef;
  /** Each group's alternatives; one of every group must occur within the window. */
  groups: WrittenAlternative[][];
  /** `match negated ...`: the claim itself is a negative statement ("you need no trial"). */
  negated: boolean;
  window?: number;
  /** The rule's own `except` lines (file-wide ones are in `RuleFile.exceptions`). */
  exceptions: RuleException[];
}

/** One example sentence under `examples`, named so that exceptions can cite it. */
export interface RuleExample {
  id: string;
  polarity: 'positive' | 'negative';
  example: ClaimExample;
  line: number;
  /** Index in `RuleFile.rules` of the rule the example is written under, if any. */
  rule?: number;
}

/** A parsed `claims/rules/<id>.rules` file. */
export interface RuleFile {
  file: string;
  subject: 'intrathecal' | 'self';
  /** Default window of the file's rules. */
  window?: number;
  /** `except` lines written before the first `match`: they apply to every rule. */
  exceptions: RuleException[];
  rules: Rule[];
  examples: RuleExample[];
}

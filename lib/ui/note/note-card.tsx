import type { ClaimNote } from '../../claims/claim-list';
import { t } from '../../i18n/t';
import type { FindingReason } from '../../matching/types';
import type { PinWriter } from '../../storage/pin-writer';
import { onlyTrusted } from '../trusted-event';
import { VERDICT_SYMBOLS, verdictLabel } from '../verdict-text';
import { ReportButton } from './report-button';
import type { ReportGate } from './report-gate';
import { SourceLinks } from './source-links';

/** Everything a note card shows about one finding. */
export interface NoteCardProps {
  note: ClaimNote;
  /** The matched sentence on the page. */
  quote: string;
  /** Why it matched, from the matcher: shown as one short line. */
  reason?: FindingReason | undefined;
  pageUrl: string;
  /** Date the claim list as a whole was last reviewed. */
  listReviewed: string;
  /** Id for the heading, unique in the shadow root, that names the dialog. */
  headingId: string;
  /** The page's pin writer, shared by its cards. */
  pins: PinWriter;
  /** The page's report-start limit, shared by its cards. */
  reports: ReportGate;
  onClose(): void;
}

/**
 * The note card: a non-modal dialog explaining one matched claim. Keyboard: Escape closes it
 * (the host returns focus to the marker). All text goes in as text nodes, never as HTML.
 */
export function NoteCard(props: NoteCardProps) {
  const { note } = props;
  return (
    <div
      class={`cn-card cn-card--${note.verdict}`}
      role="dialog"
      aria-labelledby={props.headingId}
      data-claimnote="note-card"
      data-claim-id={note.id}
      tabIndex={-1}
      onKeyDown={onlyTrusted((event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          props.onClose();
        }
      })}
    >
      <div class="cn-card__header">
        <p class="cn-card__brand">{t('noteBrand')}</p>
        <button
          type="button"
          class="cn-card__close"
          data-claimnote="close"
          aria-label={t('noteClose')}
          title={t('noteClose')}
          onClick={onlyTrusted(() => props.onClose())}
        >
          {'\u00D7'}
        </button>
      </div>
      <h2 class="cn-card__verdict" id={props.headingId} data-claimnote="verdict" data-verdict={note.verdict}>
        <span class="cn-card__symbol" aria-hidden="true">
          {VERDICT_SYMBOLS[note.verdict]}
        </span>
        {verdictLabel(note.verdict)}
      </h2>
      <p class="cn-card__correction" data-claimnote="correction">
        {note.correction}
      </p>
      <p class="cn-card__explanation" data-claimnote="explanation">
        {note.explanation}
      </p>
      <h3 class="cn-card__subheading">{t('noteSourcesHeading')}</h3>
      <SourceLinks sources={note.sources} pins={props.pins} />
      <div class="cn-card__why" data-claimnote="why-matched">
        <h3 class="cn-card__subheading">{t('noteWhyMatched')}</h3>
        <p>{t('noteWhyMatchedClaim')}</p>
        <blockquote class="cn-card__statement">{note.statement}</blockquote>
        {props.reason && props.reason.words.length > 0 ? (
          <p class="cn-card__reason" data-claimnote="reason">
            {t('noteWhyMatchedReason', [
              props.reason.words.map((w) => `“${w}”`).join(', '),
              shortRule(props.reason.rule),
            ])}
          </p>
        ) : null}
      </div>
      <p class="cn-card__reviewed" data-claimnote="reviewed">
        {t('noteReviewed', [note.reviewed, props.listReviewed])}
      </p>
      <p class="cn-card__care">{t('noteCareTeam')}</p>
      <ReportButton claimId={note.id} quote={props.quote} pageUrl={props.pageUrl} gate={props.reports} />
    </div>
  );
}

// A rule's source line can list dozens of alternatives; the card shows its start only.
const MAX_RULE_CHARS = 120;

/** The rule cut to {@link MAX_RULE_CHARS} at a space, by code points so no emoji is halved. */
function shortRule(rule: string): string {
  const chars = Array.from(rule);
  if (chars.length <= MAX_RULE_CHARS) return rule;
  const head = chars.slice(0, MAX_RULE_CHARS).join('');
  const space = head.lastIndexOf(' ');
  return `${space > MAX_RULE_CHARS / 2 ? head.slice(0, space) : head} …`;
}

import type { ClaimNote } from '../claims/claim-list';
import type { ScanResult } from './scan-inputs';

const VERDICT_LABELS: Record<ClaimNote['verdict'], string> = {
  false: 'False',
  misleading: 'Misleading',
  unsupported: 'Unsupported',
  'needs-context': 'Needs context',
};

/**
 * The scan CLI's readable report: per input, each finding's quote, verdict, correction and
 * sources.
 * @param result the scan result
 * @param notes the claim notes, to look up corrections and sources by claim id
 * @returns the report text, ending with a newline
 */
export function formatReport(result: ScanResult, notes: readonly ClaimNote[]): string {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const lines: string[] = [`Claimnote scan — claim list ${result.claimListVersion}`, ''];
  for (const document of result.documents) {
    if ('error' in document) {
      lines.push(`${document.input}: could not be read (${document.error})`, '');
      continue;
    }
    const count = document.findings.length;
    lines.push(
      `${document.input}: ${count === 0 ? 'no claims found' : `${count} claim${count === 1 ? '' : 's'} found`}`,
    );
    document.findings.forEach((finding, i) => {
      const note = byId.get(finding.claimId);
      lines.push('', `  ${i + 1}. “${finding.quote}”  [chars ${finding.start}–${finding.end}]`);
      lines.push(`     Verdict: ${VERDICT_LABELS[finding.verdict]} (${finding.claimId})`);
      if (note) {
        lines.push(`     Correction: ${note.correction}`);
        for (const source of note.sources)
          lines.push(`     Source: ${source.publisher}, “${source.title}” ${source.url}`);
      }
    });
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

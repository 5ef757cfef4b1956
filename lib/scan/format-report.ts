import type { ClaimNote } from '../claims/claim-list';
import type { ScanResult } from './scan-inputs';
import { terminalSafe } from './terminal-text';

const VERDICT_LABELS: Record<ClaimNote['verdict'], string> = {
  false: 'False',
  misleading: 'Misleading',
  unsupported: 'Unsupported',
  'needs-context': 'Needs context',
};

/**
 * The scan CLI's readable report: per input, each finding's quote, verdict, correction and
 * sources. Text from the inputs (their names, quotes, errors) is made terminal-safe, and a
 * quote is kept on its line, so a scanned page can neither send escape sequences to the terminal
 * nor forge lines of the report.
 * @param result the scan result
 * @param notes the claim notes, to look up corrections and sources by claim id
 * @returns the report text, ending with a newline
 */
export function formatReport(result: ScanResult, notes: readonly ClaimNote[]): string {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const oneLine = (text: string) => terminalSafe(text).replace(/\n+/g, ' ');
  const lines: string[] = [`Claimnote scan — claim list ${result.claimListVersion}`, ''];
  for (const document of result.documents) {
    if ('error' in document) {
      lines.push(`${oneLine(document.input)}: could not be read (${oneLine(document.error)})`, '');
      continue;
    }
    const count = document.findings.length;
    lines.push(
      `${oneLine(document.input)}: ${count === 0 ? 'no claims found' : `${count} claim${count === 1 ? '' : 's'} found`}`,
    );
    document.findings.forEach((finding, i) => {
      const note = byId.get(finding.claimId);
      lines.push('', `  ${i + 1}. “${oneLine(finding.quote)}”  [chars ${finding.start}–${finding.end}]`);
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

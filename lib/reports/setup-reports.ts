// The version alone: importing the bundle put the whole claim list in the background script.
import claimListVersion from 'virtual:claimnote/claim-list-version';
import { registerReportEntryPoints } from './context-menu';

/**
 * Background wiring for reports (context menu entry and start-report messages), with the
 * bundled claim list's version. Kept apart from context-menu.ts so that module's logic can be
 * tested without the build-time claim bundle.
 */
export function setupReports(): void {
  registerReportEntryPoints(claimListVersion);
}

import bundle from 'virtual:claimnote/claim-bundle';
import { registerReportEntryPoints } from './context-menu';

/**
 * Background wiring for reports (context menu entry and start-report messages), with the
 * bundled claim list's version. Kept apart from context-menu.ts so that module's logic can be
 * tested without the build-time claim bundle.
 */
export function setupReports(): void {
  registerReportEntryPoints(bundle.version);
}

import { registerFindingsBadge } from '../lib/background/register-findings-badge';
import { setupReports } from '../lib/reports/context-menu';

export default defineBackground(() => {
  registerFindingsBadge();
  setupReports();
});

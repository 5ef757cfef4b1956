import { registerFindingsBadge } from '../lib/background/register-findings-badge';
import { setupReports } from '../lib/reports/setup-reports';

export default defineBackground(() => {
  registerFindingsBadge();
  setupReports();
});

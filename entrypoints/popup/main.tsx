import bundle from 'virtual:claimnote/claim-bundle';
import { render } from 'preact';
import { browserPopupApi } from '../../lib/ui/popup/popup-api';
import { PopupApp } from '../../lib/ui/popup/popup-app';
import '../../lib/ui/popup/popup.css';

const app = document.getElementById('app');
if (app) {
  render(
    <PopupApp
      api={browserPopupApi}
      notes={new Map(bundle.notes.map((note) => [note.id, note]))}
      listVersion={bundle.version}
      listReviewed={bundle.reviewed}
    />,
    app,
  );
}

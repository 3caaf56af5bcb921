/**
 * Another tab of this page saved different work: this tab stops saving (so neither silently
 * overwrites the other) and asks which work to keep.
 */
import { keepThisTabWork, loadOtherTabWork, useAutosaveState } from '../store/autosave.ts';
import './autosave.css';

export function TabConflictBanner() {
  const conflict = useAutosaveState((s) => s.conflict);
  const error = useAutosaveState((s) => s.error);
  if (conflict) {
    const when = new Date(conflict.savedAt).toLocaleTimeString();
    return (
      <div className="notice notice--warning tab-conflict" role="alert" data-testid="tab-conflict">
        <span>
          <strong>Changed in another tab.</strong> Another tab of Stagecraft saved different work at {when}. This tab’s changes are not being saved until you choose
          which work to keep.
        </span>
        <span className="tab-conflict__actions">
          <button type="button" data-testid="load-theirs" onClick={loadOtherTabWork}>
            Load the other tab’s work
          </button>
          <button type="button" data-testid="keep-mine" onClick={keepThisTabWork}>
            Keep this tab’s work
          </button>
        </span>
      </div>
    );
  }
  if (error) {
    return (
      <div className="notice notice--error" role="alert" data-testid="autosave-error">
        <span>{error}</span>
        <button type="button" className="link-button" onClick={() => useAutosaveState.setState({ error: null })}>
          dismiss
        </button>
      </div>
    );
  }
  return null;
}

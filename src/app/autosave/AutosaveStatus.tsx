/** Whether the work in this tab is saved in the browser: saved, saving, or not saved (and why). */
import { useAutosaveState } from '../store/autosave.ts';
import './autosave.css';

const TEXT = {
  saved: ['saved', 'Your work is saved in this browser; it comes back after a reload.'],
  pending: ['saving…', 'Saving your work in this browser.'],
  conflict: ['not saved', 'Another tab saved different work: choose which to keep in the banner.'],
  error: ['not saved', 'The browser refused to store your work.'],
} as const;

export function AutosaveStatus() {
  const phase = useAutosaveState((s) => s.phase);
  const error = useAutosaveState((s) => s.error);
  const [text, title] = TEXT[phase];
  return (
    <span className={`autosave-status autosave-status--${phase}`} data-testid="autosave-status" data-state={phase} title={phase === 'error' && error ? error : title}>
      {text}
    </span>
  );
}

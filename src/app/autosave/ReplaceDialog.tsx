/**
 * "Replace your work?": asked before an example, "new", "reset example", a link or an imported
 * folder replaces work that exists nowhere else (replaceGuard.ts). The current Dockerfile can be
 * downloaded from here first.
 */
import { useReplaceQuestion } from './replaceGuard.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { Modal } from '../toolbar/Modal.tsx';
import { downloadText } from '../importExport/download.ts';
import './autosave.css';

export function ReplaceDialog() {
  const question = useReplaceQuestion((s) => s.question);
  return (
    <Modal open={question !== null} onClose={() => question?.answer(false)} labelledBy="replace-title" testId="replace-dialog" className="replace-dialog">
      {question && (
        <>
          <h2 id="replace-title">{question.title}</h2>
          <p>{question.body}</p>
          <p className="muted">
            Your current work is not an untouched example, and it is not saved anywhere but this browser, so replacing it cannot be undone.{' '}
            <button
              type="button"
              className="link-button inline-link"
              data-testid="download-before-replace"
              onClick={() => downloadText(useWorkspaceStore.getState().workspace.dockerfile, 'Dockerfile')}
            >
              Download my Dockerfile first
            </button>
          </p>
          <div className="modal__actions">
            <button type="button" data-testid="cancel-replace" onClick={() => question.answer(false)} data-autofocus>
              {question.cancel ?? 'Keep my work'}
            </button>
            <button type="button" className="button--danger" data-testid="confirm-replace" onClick={() => question.answer(true)}>
              {question.confirm}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}

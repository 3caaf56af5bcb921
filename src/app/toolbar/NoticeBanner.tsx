/** A message for the person, such as a link that could not be opened. */
import { useWorkspaceStore } from '../store/workspaceStore.ts';

export function NoticeBanner() {
  const notice = useWorkspaceStore((s) => s.notice);
  const setNotice = useWorkspaceStore((s) => s.setNotice);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role="alert" data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="link-button" onClick={() => setNotice(null)}>
        dismiss
      </button>
    </div>
  );
}

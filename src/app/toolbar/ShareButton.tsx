/** Share: the whole workspace as a link, shown in a field to copy. */
import { useState } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { shareUrlOf } from '../links/shareLink.ts';

export function ShareButton() {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const share = () => {
    const url = shareUrlOf(useWorkspaceStore.getState().workspace, `${location.origin}${location.pathname}`);
    setLink(url);
    setCopied(false);
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="share">
      <button type="button" data-testid="share-button" onClick={share}>
        Share
      </button>
      {link !== null && (
        <label className="share__link">
          <span className="visually-hidden">Share link</span>
          <input data-testid="share-link" readOnly value={link} onFocus={(e) => e.target.select()} />
          <span className="muted" aria-live="polite">{copied ? 'copied' : ''}</span>
        </label>
      )}
    </div>
  );
}

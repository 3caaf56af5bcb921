/** Share: the whole workspace as a link (in the URL fragment), shown in a field to copy. */
import { useState } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { shareLinkWarning, shareUrlOf } from '../links/shareLink.ts';

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
  const warning = link === null ? null : shareLinkWarning(link);
  return (
    <div className="share">
      <button type="button" data-testid="share-button" onClick={share}>
        Share
      </button>
      {link !== null && (
        <label className="share__link">
          <span className="visually-hidden">Share link</span>
          <input data-testid="share-link" readOnly value={link} onFocus={(e) => e.target.select()} title={warning ?? undefined} />
          <span className="muted" aria-live="polite">
            {copied ? 'copied' : ''}
          </span>
        </label>
      )}
      {warning && (
        <span className="share__warning" role="status" title={warning}>
          long link
        </span>
      )}
    </div>
  );
}

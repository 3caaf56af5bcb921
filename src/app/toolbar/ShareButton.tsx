/**
 * Share: the whole workspace as a link, in the URL fragment (compressed, versioned; never sent
 * to a server), or in the readable `?dockerfile=...` form that tutorials write by hand. The
 * panel shows the link, its length and a warning when chat tools may cut it, and copies it.
 */
import { useState } from 'react';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { encodeReadableLink, encodeShareLink, linkLengthWarning } from '../share/link.ts';
import type { Workspace } from '../workspace.ts';
import { usePopover } from './usePopover.ts';
import { copyText } from './clipboard.ts';
import './toolbar.css';

type Form = 'share' | 'readable';
type CopyState = 'idle' | 'copied' | 'failed';

export function linkFor(workspace: Workspace, form: Form, pageUrl: string): string {
  return form === 'readable' ? encodeReadableLink(workspace, pageUrl) : encodeShareLink(workspace, pageUrl);
}

function pageUrl(): string {
  return `${location.origin}${location.pathname}`;
}

export function ShareButton() {
  const { open, setOpen, ref, placement } = usePopover();
  const [form, setForm] = useState<Form>('share');
  const [link, setLink] = useState('');
  const [copy, setCopy] = useState<CopyState>('idle');

  const make = async (f: Form) => {
    const url = linkFor(useWorkspaceStore.getState().workspace, f, pageUrl());
    setLink(url);
    setCopy('idle');
    setCopy((await copyText(url)) ? 'copied' : 'failed');
  };

  const share = () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    void make(form);
  };

  const warning = link === '' ? null : linkLengthWarning(link);
  return (
    <div className="share popover-anchor" ref={ref}>
      <button type="button" className="button--primary" data-testid="share-button" aria-expanded={open} aria-haspopup="dialog" onClick={share}>
        Share
      </button>
      {open && (
        <div className={`popover share-panel ${placement}`} role="dialog" aria-label="Share this workspace" data-testid="share-panel">
          <div className="segmented" role="radiogroup" aria-label="Link form">
            {(['share', 'readable'] as const).map((f) => (
              <label key={f} className={form === f ? 'is-on' : ''}>
                <input
                  type="radio"
                  name="share-form"
                  value={f}
                  checked={form === f}
                  data-testid={f === 'readable' ? 'share-readable' : 'share-compact'}
                  onChange={() => {
                    setForm(f);
                    void make(f);
                  }}
                />
                {f === 'share' ? 'Share link' : 'Readable link'}
              </label>
            ))}
          </div>
          <p className="popover__hint">
            {form === 'share'
              ? 'The whole workspace, compressed into the part of the link after #, which browsers never send to a server.'
              : 'The ?dockerfile=… form, easy to read and to write by hand in a tutorial.'}
          </p>
          <div className="share-panel__row">
            <input
              data-testid="share-link"
              aria-label={form === 'share' ? 'Share link' : 'Readable link'}
              readOnly
              value={link}
              onFocus={(e) => e.target.select()}
              spellCheck={false}
            />
            <button type="button" data-testid="copy-share-link" onClick={() => void copyText(link).then((ok) => setCopy(ok ? 'copied' : 'failed'))}>
              Copy
            </button>
          </div>
          <p className="share-panel__meta">
            <span data-testid="share-link-length" data-length={link.length}>
              {link.length.toLocaleString('en-US')} characters
            </span>
            <span aria-live="polite" data-testid="share-copy-state" data-state={copy}>
              {copy === 'copied' ? ' · copied to the clipboard' : copy === 'failed' ? ' · select the link and press Ctrl+C to copy it' : ''}
            </span>
          </p>
          {warning && (
            <p className="share-panel__warning" role="status" data-testid="share-link-warning">
              {warning}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

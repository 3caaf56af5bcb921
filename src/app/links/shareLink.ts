/**
 * The one place the page meets the link formats. Both forms (the share button's `#v1=...`
 * fragment and the hand-written `?dockerfile=...` query) belong to src/app/share/link.ts.
 */
import type { Workspace } from '../workspace.ts';
import { decodeShareLink, encodeShareLink, linkLengthWarning } from '../share/link.ts';

export type LinkResult = { ok: true; workspace: Workspace; form: 'share-link' | 'readable-link' } | { ok: false; message: string };

/** The link the share button shows, for the page at `pageUrl`. */
export function shareUrlOf(workspace: Workspace, pageUrl: string): string {
  return encodeShareLink(workspace, pageUrl);
}

/** A warning when the link is long enough to be cut when shared, or null. */
export function shareLinkWarning(url: string): string | null {
  return linkLengthWarning(url);
}

/** The workspace a page address carries; null when it carries none. */
export function workspaceFromUrl(href: string): LinkResult | null {
  const decoded = decodeShareLink(href);
  if (!decoded.ok) return { ok: false, message: decoded.error };
  if (decoded.workspace === null) return null;
  return { ok: true, workspace: decoded.workspace, form: decoded.source === 'fragment' ? 'share-link' : 'readable-link' };
}

const LINK_PARAMS = ['dockerfile', 'dockerignore', 'files', 'target', 'build-arg', 'example'];

/** The page address without the workspace it carried (other query parameters are kept). */
export function linkFreeUrl(href: string): string {
  const url = new URL(href);
  for (const key of LINK_PARAMS) url.searchParams.delete(key);
  url.hash = '';
  return url.pathname + url.search;
}

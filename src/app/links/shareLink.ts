/**
 * The one place the page meets the share-link format. The format itself (compressed
 * workspace in the URL fragment, versioned) belongs to src/app/share/link.ts; until that module
 * exists the share button hands out the readable link, which opens the same content.
 */
import type { Workspace } from '../workspace.ts';
import { readableQueryOf, type LinkResult } from './readableLink.ts';

/** The link the share button shows, for a page at `pageUrl` (origin + path). */
export function shareUrlOf(workspace: Workspace, pageUrl: string): string {
  return `${pageUrl}${readableQueryOf(workspace)}`;
}

/** The workspace a share fragment (`#...`) carries; null when the fragment is not a share link. */
export function workspaceFromFragment(_hash: string): LinkResult | null {
  return null;
}

/**
 * Context paths as the CLI sees them: '/'-separated, relative to the context root, no `.` or
 * `..` segments. The page's build context is the workspace's list plus `Dockerfile` (always)
 * and `.dockerignore` (when its text is not empty), as if they sat in one folder.
 */
import type { Workspace } from '../workspace.ts';

/** A clean relative path, or null when the input cannot name a file inside the context. */
export function normalizeContextPath(input: string): string | null {
  const segments = input.trim().replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0 || segments.includes('..')) return null;
  if (/\/\s*$/.test(input.trim())) return null; // a folder, not a file
  return segments.join('/');
}

/** Every path the analysis is given: the workspace files plus the implied Dockerfile/.dockerignore. */
export function contextFilesOf(workspace: Pick<Workspace, 'files' | 'dockerignore'>): string[] {
  const files = new Set<string>();
  files.add('Dockerfile');
  if (workspace.dockerignore !== '') files.add('.dockerignore');
  for (const f of workspace.files) files.add(f);
  return [...files];
}

/**
 * What the gallery does to the workspace: open an example (its multi-stage "after" or its
 * single-stage "before"), reset it, start empty. Every one asks first when it would replace
 * work that exists nowhere else (replaceGuard.ts).
 */
import { create } from 'zustand';
import { emptyWorkspace, type Workspace } from '../workspace.ts';
import type { Example } from '../examples/index.ts';
import { replaceWorkspace } from '../autosave/replaceGuard.ts';
import { workspacesEqual } from '../autosave/autosave.ts';

export type Variant = 'before' | 'after';

interface GalleryState {
  open: boolean;
  /** the variant last opened per example (the workspace itself does not record it) */
  variants: Record<string, Variant>;
  /** examples whose notes the person folded away */
  folded: Record<string, boolean>;
}

export const useGallery = create<GalleryState>()(() => ({ open: false, variants: {}, folded: {} }));

export function variantWorkspace(example: Example, variant: Variant): Workspace {
  return variant === 'before' && example.before ? example.before : example.workspace;
}

/**
 * Which variant the workspace is, and whether it was edited since: an exact match tells;
 * otherwise the variant last opened in this tab, else the multi-stage "after".
 */
export function variantOf(ws: Workspace, example: Example, remembered: Variant | undefined): { variant: Variant; edited: boolean } {
  if (example.before && workspacesEqual(ws, example.before)) return { variant: 'before', edited: false };
  if (workspacesEqual(ws, example.workspace)) return { variant: 'after', edited: false };
  return { variant: example.before && remembered === 'before' ? 'before' : 'after', edited: true };
}

export async function openExample(example: Example, variant: Variant = 'after'): Promise<boolean> {
  const label = variant === 'before' ? `the single-stage “before” of “${example.title}”` : `the example “${example.title}”`;
  const ok = await replaceWorkspace(variantWorkspace(example, variant), {
    title: variant === 'before' ? 'Switch to the single-stage version?' : `Open “${example.title}”?`,
    body: `Opening ${label} replaces the work in this tab.`,
    confirm: variant === 'before' ? 'Switch' : 'Open the example',
  });
  if (ok) useGallery.setState((s) => ({ variants: { ...s.variants, [example.id]: variant } }));
  return ok;
}

export function resetExample(example: Example, variant: Variant): Promise<boolean> {
  return replaceWorkspace(variantWorkspace(example, variant), {
    title: `Reset “${example.title}”?`,
    body: 'Resetting puts the example back as it was shipped; your edits to it are discarded.',
    confirm: 'Reset the example',
  });
}

export function newWorkspace(): Promise<boolean> {
  return replaceWorkspace(emptyWorkspace, {
    title: 'Start an empty workspace?',
    body: 'An empty workspace has no Dockerfile, no context files and no .dockerignore; it replaces the work in this tab.',
    confirm: 'Start empty',
  });
}

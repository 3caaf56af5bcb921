/**
 * The command line that analyses the same workspace with the CLI, run in the project folder
 * (the folder holds the Dockerfile, the .dockerignore and the context files, as the page
 * assumes): `npx stagecraft analyze Dockerfile --target build --build-arg GO_VERSION=1.23`.
 */
import type { Workspace } from '../workspace.ts';

/**
 * A POSIX shell word: left as is when it is plainly safe, else single-quoted (a `'` inside
 * becomes `'\''`). Pasting the command into sh, bash or zsh passes the exact text.
 */
export function shellWord(text: string): string {
  if (text !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function cliCommandOf(workspace: Pick<Workspace, 'target' | 'buildArgs'>, dockerfile = 'Dockerfile'): string {
  const words = ['npx', 'stagecraft', 'analyze', shellWord(dockerfile)];
  if (workspace.target !== null && workspace.target !== '') words.push('--target', shellWord(workspace.target));
  for (const [key, value] of Object.entries(workspace.buildArgs)) words.push('--build-arg', shellWord(`${key}=${value}`));
  return words.join(' ');
}

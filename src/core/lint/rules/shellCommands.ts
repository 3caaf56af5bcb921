/**
 * A light reading of RUN scripts for Stagecraft's rules: the simple commands of a RUN (split on
 * `&&`, `||`, `;`, `|`, `&` and newlines outside quotes), each as words with quotes removed,
 * leading `VAR=value` assignments and `sudo`/`exec`/`time`/`command` dropped. Heuristic by
 * design: it recognises what people write, it is not a shell.
 */
import type { Command } from '../../syntax/types.ts';

export function runScript(cmd: Extract<Command, { kind: 'run' }>): string {
  const parts = [cmd.cmdLine.join(' ')];
  for (const f of cmd.files) parts.push(f.data);
  return parts.join('\n');
}

export function simpleCommands(script: string): string[][] {
  // fast path: none of the words the rules look for (package managers, rm) appears
  if (!managerHint.test(script)) return [];
  const text = script.replace(/\\\r?\n/g, ' ');
  const out: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote = '';
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCmd = () => {
    endWord();
    if (words.length > 0) out.push(normalize(words));
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== '') {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
      continue;
    }
    if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
      continue;
    }
    if (ch === '#' && !inWord) {
      // comment to end of line
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (ch === '&' || ch === '|' || ch === ';' || ch === '\n' || ch === '(' || ch === ')') {
      endCmd();
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      endWord();
      continue;
    }
    word += ch;
    inWord = true;
  }
  endCmd();
  return out.filter((w) => w.length > 0);
}

const managerHint = /apt|apk|dnf|yum|npm|yarn|pnpm|pip|poetry|uv|go|cargo|bundle|mvn|gradle|composer|rm/;

const prefixes = new Set(['sudo', 'exec', 'time', 'command', 'nice', 'env']);

function normalize(words: string[]): string[] {
  let i = 0;
  while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]) || prefixes.has(words[i]) || (words[i].startsWith('-') && i > 0 && prefixes.has(words[i - 1])))) i++;
  const rest = words.slice(i);
  if (rest.length > 0) {
    // `/usr/bin/apt-get` -> `apt-get`, `./gradlew` -> `gradlew`
    rest[0] = rest[0].slice(rest[0].lastIndexOf('/') + 1);
  }
  return rest;
}

/** Positional (non-flag) words after index `from`. */
export function positionals(words: string[], from: number): string[] {
  return words.slice(from).filter((w) => !w.startsWith('-'));
}

export interface PackageStep {
  manager: string;
  /** the words, for messages */
  text: string;
  /** installs the project's dependencies (from its manifests) */
  dependencyInstall: boolean;
  /** where BuildKit's cache mount would go (null: no cache worth mounting) */
  cacheTargets: string[] | null;
}

function pipArgs(words: string[]): string[] | null {
  if (/^pip(3(\.\d+)?)?$/.test(words[0])) return words.slice(1);
  if (/^python(3(\.\d+)?)?$/.test(words[0]) && words[1] === '-m' && words[2] === 'pip') return words.slice(3);
  return null;
}

/** Recognises a package-manager step in one simple command. */
export function packageStep(words: string[]): PackageStep | null {
  const w0 = words[0];
  const sub = positionals(words, 1)[0] ?? '';
  const text = words.join(' ');
  const step = (manager: string, dependencyInstall: boolean, cacheTargets: string[] | null): PackageStep => ({ manager, text, dependencyInstall, cacheTargets });
  switch (w0) {
    case 'apt-get':
    case 'apt':
      if (sub === 'install' || sub === 'update' || sub === 'upgrade' || sub === 'dist-upgrade') return step('apt', false, ['/var/cache/apt', '/var/lib/apt']);
      return null;
    case 'apk':
      if (sub === 'add' || sub === 'upgrade') return step('apk', false, words.includes('--no-cache') ? null : ['/var/cache/apk']);
      return null;
    case 'dnf':
    case 'yum':
    case 'microdnf':
      if (sub === 'install' || sub === 'upgrade' || sub === 'update') return step(w0, false, [`/var/cache/${w0 === 'microdnf' ? 'dnf' : w0}`]);
      return null;
    case 'npm': {
      const args = positionals(words, 1);
      const global = words.includes('-g') || words.includes('--global');
      if (sub === 'ci' || sub === 'clean-install' || sub === 'install-clean') return step('npm', true, ['/root/.npm']);
      if ((sub === 'install' || sub === 'i' || sub === 'add') && args.length === 1 && !global) return step('npm', true, ['/root/.npm']);
      if ((sub === 'install' || sub === 'i') && !global) return step('npm', false, ['/root/.npm']);
      return null;
    }
    case 'yarn':
      if (sub === '' || sub === 'install') return step('yarn', true, ['/usr/local/share/.cache/yarn']);
      return null;
    case 'pnpm':
      if ((sub === 'install' || sub === 'i') && positionals(words, 1).length === 1) return step('pnpm', true, ['/root/.local/share/pnpm/store']);
      if (sub === 'fetch') return step('pnpm', true, ['/root/.local/share/pnpm/store']);
      return null;
    case 'poetry':
      if (sub === 'install') return step('poetry', true, ['/root/.cache/pypoetry']);
      return null;
    case 'pipenv':
      if (sub === 'install' || sub === 'sync') return step('pipenv', true, ['/root/.cache/pipenv']);
      return null;
    case 'uv': {
      if (sub === 'sync') return step('uv', true, ['/root/.cache/uv']);
      const p = positionals(words, 1);
      if (sub === 'pip' && (p[1] === 'sync' || (p[1] === 'install' && (words.includes('-r') || words.includes('--requirement') || p.includes('.'))))) {
        return step('uv', true, ['/root/.cache/uv']);
      }
      return null;
    }
    case 'go': {
      const p = positionals(words, 1);
      if (p[0] === 'mod' && p[1] === 'download') return step('go', true, ['/go/pkg/mod']);
      if (p[0] === 'build' || p[0] === 'install') return step('go', false, ['/go/pkg/mod', '/root/.cache/go-build']);
      return null;
    }
    case 'cargo':
      if (sub === 'fetch') return step('cargo', true, ['/usr/local/cargo/registry']);
      if (sub === 'build' || sub === 'install') return step('cargo', false, ['/usr/local/cargo/registry']);
      return null;
    case 'bundle':
    case 'bundler':
      if (sub === 'install') return step('bundler', true, null);
      return null;
    case 'mvn':
    case 'mvnw':
      if (words.some((x) => /^dependency:(go-offline|resolve)/.test(x))) return step('maven', true, ['/root/.m2']);
      return sub !== '' ? step('maven', false, ['/root/.m2']) : null;
    case 'gradle':
    case 'gradlew':
      if (sub === 'dependencies' || words.includes('--refresh-dependencies')) return step('gradle', true, ['/root/.gradle']);
      return sub !== '' ? step('gradle', false, ['/root/.gradle']) : null;
    case 'composer':
      if (sub === 'install') return step('composer', true, null);
      return null;
  }
  const pip = pipArgs(words);
  if (pip && positionals(pip, 0)[0] === 'install') {
    const dep = pip.includes('-r') || pip.includes('--requirement') || pip.some((x) => x.startsWith('--requirement=') || x.startsWith('-r')) || positionals(pip, 1).includes('.');
    const noCache = pip.includes('--no-cache-dir');
    return step('pip', dep, noCache ? null : ['/root/.cache/pip']);
  }
  return null;
}

const stepsCache = new WeakMap<object, PackageStep[]>();

/** Every package-manager step of a RUN. */
export function packageSteps(cmd: Extract<Command, { kind: 'run' }>): PackageStep[] {
  const hit = stepsCache.get(cmd);
  if (hit) return hit;
  const out: PackageStep[] = [];
  for (const words of simpleCommands(runScript(cmd))) {
    const s = packageStep(words);
    if (s) out.push(s);
  }
  stepsCache.set(cmd, out);
  return out;
}

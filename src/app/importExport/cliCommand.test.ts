import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../cli/args.ts';
import { cliCommandOf, shellWord } from './cliCommand.ts';

/** Splits a command the way sh does for the quoting shellWord produces (plain words and '...' runs). */
function shSplit(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === "'") {
      const end = command.indexOf("'", i + 1);
      word += command.slice(i + 1, end);
      i = end;
      inWord = true;
    } else if (c === '\\') {
      word += command[++i];
      inWord = true;
    } else if (c === ' ') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

describe('cliCommandOf', () => {
  it('says the target and the build args', () => {
    expect(cliCommandOf({ target: null, buildArgs: {} })).toBe('npx stagecraft analyze Dockerfile');
    expect(cliCommandOf({ target: 'build', buildArgs: { GO_VERSION: '1.23', VARIANT: 'dev' } })).toBe(
      'npx stagecraft analyze Dockerfile --target build --build-arg GO_VERSION=1.23 --build-arg VARIANT=dev',
    );
  });

  it('quotes what the shell would change, and the CLI reads back the same values', () => {
    const buildArgs = { MSG: "it's $HOME & `x`", EMPTY: '', 'A B': 'c;d', NL: 'a\nb' };
    const cmd = cliCommandOf({ target: 'my target', buildArgs });
    const words = shSplit(cmd);
    expect(words.slice(0, 3)).toEqual(['npx', 'stagecraft', 'analyze']);
    const opts = parseArgs(words.slice(3), {});
    expect(opts.dockerfile).toBe('Dockerfile');
    expect(opts.target).toBe('my target');
    expect(opts.buildArgs).toEqual(buildArgs);
  });

  it('shellWord', () => {
    expect(shellWord('plain-1.2_x/y:z')).toBe('plain-1.2_x/y:z');
    expect(shellWord('')).toBe("''");
    expect(shellWord("a'b")).toBe("'a'\\''b'");
    expect(shellWord('*')).toBe("'*'");
  });
});

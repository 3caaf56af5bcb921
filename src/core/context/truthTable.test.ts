import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { truthTable } from './truthTable.ts';
import { goClean, goTrimSpace, readIgnoreFile } from './ignorefile.ts';
import {
  Pattern,
  PatternMatcher,
  ZERO_MATCH_INFO,
  compileExcludes,
  goCompilePattern,
  goFilepathMatchIsBad,
  normalizeRelPath,
  type MatchInfo,
} from './patternmatcher.ts';
import { ContextMatcher, filterContext } from './walk.ts';
import { explainIgnore } from './explain.ts';

describe('.dockerignore truth table (BuildKit semantics)', () => {
  it.each(truthTable.map((c) => [c.rule, c] as const))('%s', (_rule, c) => {
    const r = filterContext([c.path], c.dockerignore);
    expect(r.ignored.has(c.path)).toBe(c.ignored);
    expect(r.included.includes(c.path)).toBe(!c.ignored);
    expect(r.errors.length > 0).toBe(c.error === true);
    const why = explainIgnore(c.path, c.dockerignore);
    expect(why.ignored).toBe(c.ignored);
  });

  it('covers every rule family with ~80+ cases', () => {
    expect(truthTable.length).toBeGreaterThanOrEqual(80);
    expect(new Set(truthTable.map((c) => c.rule)).size).toBe(truthTable.length);
  });
});

describe('readIgnoreFile (ignorefile.ReadAll)', () => {
  it('keeps each pattern with its 1-based source line', () => {
    const r = readIgnoreFile('# c\n\n  foo/ \n!./bar\n#x\n/baz\r\n');
    expect(r.patterns).toEqual(['foo', '!bar', 'baz']);
    expect(r.lines).toEqual([3, 4, 6]);
    expect(r.error).toBeUndefined();
  });

  it('keeps a lone ! (New rejects it later) and "/" as is', () => {
    expect(readIgnoreFile('!\n! \n/').patterns).toEqual(['!', '!', '/']);
  });

  it('fails like bufio.Scanner on a line of 64 KiB or more', () => {
    const ok = readIgnoreFile('a\n' + 'x'.repeat(65535) + '\nb');
    expect(ok.error).toBeUndefined();
    expect(ok.patterns.length).toBe(3);
    const bad = readIgnoreFile('a\n' + 'x'.repeat(65536) + '\nb');
    expect(bad.error).toEqual({ message: 'failed parsing .dockerignore: bufio.Scanner: token too long', line: 2 });
    // multi-byte characters count in UTF-8 bytes
    expect(readIgnoreFile('é'.repeat(32768)).error?.line).toBe(1);
    expect(readIgnoreFile('é'.repeat(32767)).error).toBeUndefined();
  });

  it('uses Go TrimSpace (NEL trimmed, ZWNBSP kept)', () => {
    expect(goTrimSpace('\u0085 a \u3000')).toBe('a');
    expect(goTrimSpace('\ufeffa')).toBe('\ufeffa');
  });
});

describe('goClean (filepath.Clean)', () => {
  it.each([
    ['', '.'],
    ['.', '.'],
    ['./', '.'],
    ['a/', 'a'],
    ['a//b', 'a/b'],
    ['a/./b', 'a/b'],
    ['a/../b', 'b'],
    ['a/..', '.'],
    ['../a', '../a'],
    ['../../a/..', '../..'],
    ['/..', '/'],
    ['/../a', '/a'],
    ['//a//', '/a'],
    ['a/b/../../..', '..'],
    ['...', '...'],
    ['a/.../b', 'a/.../b'],
  ])('Clean(%j) = %j', (input, want) => {
    expect(goClean(input)).toBe(want);
  });
});

describe('Pattern.compile port', () => {
  it.each([
    ['foo', 'exact', ''],
    ['foo/**', 'prefix', ''],
    ['**/foo', 'suffix', ''],
    ['**', 'suffix', ''],
    ['*.go', 'regexp', '^[^/]*\\.go$'],
    ['**/*.go', 'regexp', '^(.*/)?[^/]*\\.go$'],
    ['a/**', 'prefix', ''],
    ['*/**', 'regexp', '^[^/]*/.*$'],
    ['a|b*', 'regexp', '^a|b[^/]*$'],
    ['x[*]', 'regexp', '^x[[^/]*]$'],
    ['a$b', 'exact', ''],
  ])('%j -> %s %j', (p, type, re) => {
    const c = goCompilePattern(p);
    expect(c.matchType).toBe(type);
    expect(c.goRegexp).toBe(re);
  });

  it('syntax check mirrors filepath.Match(p, ".") of Go >= 1.20', () => {
    for (const bad of ['[', 'a[', '[]', '[a-', '[a-]', '[^]', 'a\\', '[\\', 'a*[']) expect(goFilepathMatchIsBad(bad)).toBe(true);
    for (const good of ['[a]', '[]a]'.slice(1), '[\\]]', '[!a]', 'a]', '*', '\\*', '[a-b]']) expect(goFilepathMatchIsBad(good)).toBe(false);
  });
});

describe('PatternMatcher (moby/patternmatcher)', () => {
  it('New reports bad patterns and keeps the rest', () => {
    const pm = new PatternMatcher(['a', '', '  ', '!', '[', 'a\\q*', '!b']);
    expect(pm.patterns.map((p) => p.cleanedPattern)).toEqual(['a', 'a\\q*', 'b']);
    expect(pm.errors.map((e) => [e.index, e.kind])).toEqual([
      [3, 'new'],
      [4, 'new'],
      [5, 'regexp'],
    ]);
    expect(pm.exclusions).toBe(true);
  });

  it('matches() is MatchesOrParentMatches: any parent counts', () => {
    const pm = new PatternMatcher(['*.d', '!keep.d/x']);
    expect(pm.matches('a.d/y/z')).toBe(true);
    expect(pm.matches('keep.d/x')).toBe(false);
    expect(pm.matches('keep.d/x/deeper')).toBe(false);
    expect(pm.matches('b/a.d')).toBe(false);
  });

  it('MatchesUsingParentResults carries parent results and reports Go errors', () => {
    const pm = new PatternMatcher(['d/*', '!d']);
    const dir = pm.matchesUsingParentResults('d', ZERO_MATCH_INFO);
    expect(dir.matched).toBe(false);
    expect(Array.from(dir.info.parentMatched)).toEqual([0, 0]); // "!d" skipped: nothing to re-include
    const file = pm.matchesUsingParentResults('d/f', dir.info);
    expect(file.matched).toBe(true);
    const wrong: MatchInfo = { parentMatched: new Uint8Array(1) };
    expect(pm.matchesUsingParentResults('x', wrong).error).toBe('wrong number of values in parentMatched');
    const bad = new PatternMatcher(['a*', '!a\\q*']);
    expect(bad.matchesUsingParentResults('zzz').error).toBeNull(); // invalid pattern never reached
    expect(new PatternMatcher(['a\\q*']).matchesUsingParentResults('x').error).toBe('syntax error in pattern');
  });

  it('zero MatchInfo falls back to checking every parent', () => {
    const pm = new PatternMatcher(['a/b']);
    expect(pm.matchesUsingParentResults('a/b/c/d').matched).toBe(true);
  });

  it('Go regexp corners: classes, escapes, \\p, \\Q, alternation', () => {
    const m = (p: string, path: string) => new Pattern(p, false, 0).match(path);
    expect(m('[[:alpha:]]', 'x')).toBe(true);
    expect(m('[[:alpha:]]', '1')).toBe(false);
    expect(m('\\pL*', 'é1')).toBe(true);
    expect(m('\\p{Greek}*', 'αβ')).toBe(true); // '{' is not escaped by compile()
    expect(m('\\PL*', 'é')).toBe(false);
    expect(m('*\\pC', 'a\u0007')).toBe(true);
    expect(m('*\\pC', 'a\u0378')).toBe(false); // unassigned: not in Go's C
    expect(m('\\x41*', 'A')).toBe(true);
    expect(m('a\\s*', 'a\tb')).toBe(true);
    expect(m('a\\s*', 'a\u000bb')).toBe(false); // Perl \s has no \v
    expect(m('\\Qa**', 'a.*$')).toBe(true); // \Q quotes the rest, '$' included, end unanchored
    expect(m('\\Qa**', 'a.*$/more')).toBe(true);
    expect(m('?', '\n')).toBe(true);
    expect(m('a/**', 'a/x\ny')).toBe(true); // prefix match, no regexp
    expect(m('*/**/z', 'x/\n/z')).toBe(false); // Go '.' does not match \n
    expect(new Pattern('x{1001}*', false, 0).error).toMatch(/invalid repeat count/);
    expect(new Pattern('**{2}', false, 0).matchType).toBe('suffix');
    expect(new Pattern('a**{2}', false, 0).error).toMatch(/invalid nested repetition operator/);
  });
});

describe('filterContext (fsutil filterFS.Walk)', () => {
  const files = ['Dockerfile', '.dockerignore', 'src/a.ts', 'src/b.ts', 'docs/x.md', 'docs/keep.md', 'node_modules/r/i.js', 'README.md'];

  it('partitions the context, keeps input order, reports errors with lines', () => {
    const r = filterContext(files, '# deps\nnode_modules\ndocs\n!docs/keep.md\n*.md\n!README.md\n[\n');
    expect(r.included).toEqual(['Dockerfile', '.dockerignore', 'src/a.ts', 'src/b.ts', 'docs/keep.md', 'README.md']);
    expect([...r.ignored].sort()).toEqual(['docs/x.md', 'node_modules/r/i.js']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].line).toBe(7);
  });

  it('no .dockerignore, empty or comment-only: everything is sent', () => {
    for (const text of [null, '', '# only a comment\n\n']) {
      const r = filterContext(files, text);
      expect(r.included).toEqual(files);
      expect(r.ignored.size).toBe(0);
      expect(r.errors).toEqual([]);
    }
  });

  it('normalizes paths ("./a", "a//b") and skips the root', () => {
    const r = filterContext(['./a/x', 'a//y', '', '.', '/', 'b'], 'a/x');
    expect(r.ignored).toEqual(new Set(['./a/x']));
    expect(r.included).toEqual(['a//y', 'b']);
  });

  it('skips an excluded dir (SkipDir) unless an exception may need it', () => {
    const cm = new ContextMatcher('a\n!a/b/c');
    expect(cm.onlyPrefixExcludeExceptions).toBe(true);
    expect(cm.dirState('a').pruned).toBe(false);
    expect(cm.dirState('x').pruned).toBe(false); // not excluded at all
    const cm2 = new ContextMatcher('a\nx\n!a/b/c');
    expect(cm2.dirState('x').pruned).toBe(true);
    expect(cm2.isIgnored('x/a/b/c')).toBe(true);
    const cm3 = new ContextMatcher('x\n!*.md');
    expect(cm3.onlyPrefixExcludeExceptions).toBe(false);
    expect(cm3.dirState('x').pruned).toBe(false);
    expect(new ContextMatcher('a\n!a/b/*').onlyPrefixExcludeExceptions).toBe(true); // trailing /* trimmed
  });

  it('classifies 20k paths with one compiled matcher', () => {
    const many = Array.from({ length: 20000 }, (_, i) => `pkg${i % 50}/src/f${i}.${i % 3 ? 'ts' : 'log'}`);
    const r = filterContext(many, '*.log\n**/*.log\npkg1\n!pkg1/src/f1.ts');
    expect(r.included.length + r.ignored.size).toBe(many.length);
    expect(r.ignored.has('pkg0/src/f0.log')).toBe(true);
    expect(r.ignored.has('pkg1/src/f1.ts')).toBe(false);
    expect(r.ignored.has('pkg1/src/f101.ts')).toBe(true);
  });
});

describe('explainIgnore', () => {
  it('names the line that ignored a file and the line that re-includes it', () => {
    const text = '# deps\nnode_modules\n*.md\n!README.md\n';
    const a = explainIgnore('docs.md', text);
    expect(a.ignored).toBe(true);
    expect(a.decidedBy).toMatchObject({ line: 3, pattern: '*.md', effect: 'exclude' });
    const b = explainIgnore('README.md', text);
    expect(b.ignored).toBe(false);
    expect(b.matches.map((m) => [m.line, m.effect])).toEqual([
      [3, 'exclude'],
      [4, 'include'],
    ]);
    expect(b.decidedBy).toMatchObject({ line: 4, exception: true });
    const c = explainIgnore('node_modules/x/y.js', text);
    expect(c.ignored).toBe(true);
    expect(c.decidedBy).toMatchObject({ line: 2, matchedPath: 'node_modules' });
    expect(c.skippedDir).toEqual({ path: 'node_modules', line: 2 });
    expect(explainIgnore('src/a.ts', text)).toMatchObject({ ignored: false, matches: [], decidedBy: null, skippedDir: null });
  });

  it('marks matches BuildKit does not count', () => {
    const e = explainIgnore('d/f', 'd/*\n!d');
    expect(e.ignored).toBe(true);
    expect(e.matches).toEqual([
      { line: 1, pattern: 'd/*', exception: false, effect: 'exclude', matchedPath: 'd/f', counted: true },
      { line: 2, pattern: '!d', exception: true, effect: 'include', matchedPath: 'd', counted: false },
    ]);
    // "!x/y" matches, but x/ is skipped because no exception starts with "x/"... except this one does:
    const f = explainIgnore('x/y', 'x\n!x/y');
    expect(f).toMatchObject({ ignored: false, skippedDir: null });
    const g = explainIgnore('x/z/w', 'x\ny\n!y/keep');
    expect(g).toMatchObject({ ignored: true, skippedDir: { path: 'x', line: 1 } });
  });
});

describe('compileExcludes (fsutil copy: COPY --exclude)', () => {
  it('matches relative to the copied source, like testExcludedFilesOnCopy', () => {
    const ex = compileExcludes(['*.png', 'dir2/*.jpeg']);
    expect(ex('file.png')).toBe(true);
    expect(ex('dir1/file.png')).toBe(false); // anchored: * does not cross /
    expect(ex('dir2/file.jpeg')).toBe(true);
    expect(ex('dir1/file.jpeg')).toBe(false);
    expect(ex('')).toBe(false); // the source itself is never matched
    expect(ex('.')).toBe(false);
    expect(ex.errors).toEqual([]);
  });

  it('excluded dirs: pruned without exceptions, walked with them (no prefix rule)', () => {
    expect(compileExcludes(['dir'])('dir/a')).toBe(true);
    const ex = compileExcludes(['dir', '!dir/keep']);
    expect(ex('dir/keep')).toBe(false);
    expect(ex('dir/other')).toBe(true);
    const ex2 = compileExcludes(['dir', '!other/keep']);
    expect(ex2('dir/x')).toBe(true);
  });

  it('patterns are not ReadAll-cleaned: a leading / never matches', () => {
    expect(compileExcludes(['/a'])('a')).toBe(false);
    expect(compileExcludes(['a/'])('a/b')).toBe(true); // New still Cleans
  });

  it('reports invalid patterns', () => {
    expect(compileExcludes(['[', 'ok']).errors.map((e) => e.kind)).toEqual(['new']);
  });
});

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

const RUNS = Number((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.FUZZ_RUNS ?? 300);
const specials = ['*', '**', '?', '[', ']', '^', '!', '\\', '/', '.', '..', '-', '{', '}', '|', '$', '#', ' ', '\t', '\r', '\n', 'a', 'b', 'é', '😀', '[a-c]', '[^a]', '[[:alpha:]]', '\\d', '\\pL', '\\Q', '\\E', '{2}', '\ufeff', '\u0085'];
const patternArb = fc.array(fc.oneof(fc.constantFrom(...specials), fc.string({ maxLength: 3 })), { maxLength: 8 }).map((a) => a.join(''));
const textArb = fc.oneof(fc.array(fc.oneof(patternArb, patternArb.map((p) => '!' + p)), { maxLength: 8 }).map((ls) => ls.join('\n')), fc.string({ maxLength: 60 }));
const segArb = fc.oneof(fc.constantFrom('a', 'b', 'c', '.a', 'x.md', 'node_modules', '*', '[', '!', 'é', '😀', ' '), fc.string({ minLength: 1, maxLength: 4 }).filter((s) => !s.includes('/')));
const pathArb = fc.array(segArb, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

describe('properties', () => {
  it('nothing throws on any pattern text or path', () => {
    fc.assert(
      fc.property(textArb, fc.array(fc.oneof(pathArb, fc.string({ maxLength: 10 })), { maxLength: 10 }), (text, paths) => {
        readIgnoreFile(text);
        const r = filterContext(paths, text);
        for (const p of paths) {
          explainIgnore(p, text);
          const ex = compileExcludes(text.split('\n'));
          ex(p);
          const pm = new PatternMatcher(text.split('\n'));
          pm.matches(p);
          pm.matchesUsingParentResults(p, ZERO_MATCH_INFO);
        }
        expect(r).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('every path is either included or ignored, never both, independent of order', () => {
    fc.assert(
      fc.property(textArb, fc.uniqueArray(pathArb, { maxLength: 12 }), (text, paths) => {
        const r = filterContext(paths, text);
        const rev = filterContext(paths.slice().reverse(), text);
        for (const p of paths) {
          if (normalizeRelPath(p) === '') continue; // the context root is not a file
          expect(r.ignored.has(p)).toBe(!r.included.includes(p));
          expect(rev.ignored.has(p)).toBe(r.ignored.has(p));
          expect(explainIgnore(p, text).ignored).toBe(r.ignored.has(p));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('the walk fast path agrees with the public MatchesUsingParentResults chain', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(patternArb, patternArb.map((p) => '!' + p)), { maxLength: 6 }), pathArb, (patterns, path) => {
        const pm = new PatternMatcher(patterns);
        if (pm.errors.length > 0) return;
        const parts = path.split('/');
        let info: MatchInfo = ZERO_MATCH_INFO;
        let parent: Uint8Array | null = null;
        for (let i = 1; i <= parts.length; i++) {
          const p = parts.slice(0, i).join('/');
          const slow = pm.matchesUsingParentResults(p, info);
          const out = new Uint8Array(pm.patterns.length);
          const fast = pm.matchInto(p, i - 1, parent, out);
          expect(fast).toBe(slow.matched);
          expect(Array.from(out)).toEqual(Array.from(slow.info.parentMatched));
          info = slow.info;
          parent = out;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('goClean is idempotent and removes ./, // and trailing /', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '.', '..', '', '/'), { maxLength: 8 }).map((a) => a.join('')), (p) => {
        const c = goClean(p);
        expect(goClean(c)).toBe(c);
        expect(c === '/' || !c.endsWith('/')).toBe(true);
        expect(c.includes('//')).toBe(false);
        expect(c.split('/').includes('.') && c !== '.').toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

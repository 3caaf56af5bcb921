/**
 * `.dockerignore` truth table: what BuildKit does with one context file for a given
 * `.dockerignore`, written from moby/patternmatcher (ReadAll, New, Pattern.compile,
 * MatchesUsingParentResults) and tonistiigi/fsutil filterFS.Walk, and checked against those
 * Go sources compiled and run on the same inputs.
 *
 * `ignored` is the verdict for `path` as a regular file of the context (its directories
 * implied). Cases with `error` are invalid `.dockerignore` files: BuildKit fails the build
 * (or fails when it first evaluates the bad pattern); `ignored` is then the verdict the
 * other lines give.
 */
export interface TruthCase {
  /** What the case shows (the rule, and the Go function behind it). */
  rule: string;
  dockerignore: string;
  path: string;
  ignored: boolean;
  error?: true;
}

export const truthTable: TruthCase[] = [
  // ReadAll: comments, whitespace, BOM, line endings
  { rule: 'comment line is skipped', dockerignore: '# build output\nfoo', path: 'foo', ignored: true },
  { rule: '#pattern at column 0 is a comment', dockerignore: '#foo', path: '#foo', ignored: false },
  { rule: '# after whitespace is a pattern (comment check precedes TrimSpace)', dockerignore: '  #foo', path: '#foo', ignored: true },
  { rule: 'tab then # is a pattern', dockerignore: '\t# x', path: '# x', ignored: true },
  { rule: 'no trailing comments: the whole line is the pattern', dockerignore: 'foo # old', path: 'foo', ignored: false },
  { rule: 'no trailing comments: the line matches itself', dockerignore: 'foo # old', path: 'foo # old', ignored: true },
  { rule: 'patterns are trimmed', dockerignore: '   foo   ', path: 'foo', ignored: true },
  { rule: 'CRLF line endings', dockerignore: 'foo\r\nbar\r\n', path: 'bar', ignored: true },
  { rule: 'Go TrimSpace trims NBSP', dockerignore: '\u00a0foo\u00a0', path: 'foo', ignored: true },
  { rule: 'UTF-8 BOM stripped from line 1', dockerignore: '\ufefffoo', path: 'foo', ignored: true },
  { rule: 'BOM on a later line stays part of the pattern', dockerignore: 'x\n\ufefffoo', path: 'foo', ignored: false },
  { rule: 'BOM before # on line 1: still a comment', dockerignore: '\ufeff#foo', path: '#foo', ignored: false },
  { rule: 'empty lines are skipped', dockerignore: '\n\n\nfoo\n\n', path: 'foo', ignored: true },

  // ReadAll: filepath.Clean and the leading slash
  { rule: 'leading / is dropped', dockerignore: '/foo', path: 'foo', ignored: true },
  { rule: 'leading / does not make it match deeper', dockerignore: '/foo', path: 'a/foo', ignored: false },
  { rule: './ is cleaned away', dockerignore: './foo', path: 'foo', ignored: true },
  { rule: 'a/../b cleans to b', dockerignore: 'foo/../bar', path: 'bar', ignored: true },
  { rule: 'a/../b does not match a/b', dockerignore: 'foo/../bar', path: 'foo/bar', ignored: false },
  { rule: '../x stays ../x and matches nothing', dockerignore: '../foo', path: 'foo', ignored: false },
  { rule: 'trailing / is cleaned: matches the directory', dockerignore: 'foo/', path: 'foo/x.txt', ignored: true },
  { rule: 'trailing / is cleaned: also matches a file', dockerignore: 'foo/', path: 'foo', ignored: true },
  { rule: 'duplicate slashes are cleaned', dockerignore: '//foo//bar//', path: 'foo/bar', ignored: true },
  { rule: '/ alone stays / and matches nothing', dockerignore: '/', path: 'foo', ignored: false },

  // Pattern.compile: anchoring, *, ?
  { rule: '* matches within one segment', dockerignore: '*.log', path: 'a.log', ignored: true },
  { rule: 'patterns are anchored at the root', dockerignore: '*.log', path: 'logs/a.log', ignored: false },
  { rule: '*/ matches exactly one directory level', dockerignore: '*/*.log', path: 'logs/a.log', ignored: true },
  { rule: '* never crosses /', dockerignore: 'a*b', path: 'a/b', ignored: false },
  { rule: 'a matched directory covers everything below it', dockerignore: 'foo*', path: 'foo/bar/baz', ignored: true },
  { rule: '* alone excludes every top-level entry', dockerignore: '*', path: 'a/b/c', ignored: true },
  { rule: '* matches dotfiles', dockerignore: '*', path: '.git/config', ignored: true },
  { rule: '.* matches top-level dotfiles only', dockerignore: '.*', path: 'a/.env', ignored: false },
  { rule: '? matches one character', dockerignore: 'file?.txt', path: 'file1.txt', ignored: true },
  { rule: '? matches exactly one character', dockerignore: 'file?.txt', path: 'file10.txt', ignored: false },
  { rule: '? never matches /', dockerignore: 'a?b', path: 'a/b', ignored: false },
  { rule: '? matches one Unicode character', dockerignore: '?.txt', path: '\u{1F600}.txt', ignored: true },
  { rule: 'exact pattern covers the directory contents', dockerignore: 'a/b', path: 'a/b/c/d', ignored: true },
  { rule: 'exact pattern is not a prefix match', dockerignore: 'a', path: 'ab', ignored: false },

  // Pattern.compile: **
  { rule: '**/x matches x at the root (zero segments)', dockerignore: '**/foo', path: 'foo', ignored: true },
  { rule: '**/x matches at any depth', dockerignore: '**/foo', path: 'a/b/foo', ignored: true },
  { rule: '**/x is a suffix match on /x', dockerignore: '**/foo', path: 'a/xfoo', ignored: false },
  { rule: '**x (no slash) is a plain suffix match', dockerignore: '**foo', path: 'a/xfoo', ignored: true },
  { rule: 'x/** matches below x', dockerignore: 'foo/**', path: 'foo/a/b', ignored: true },
  { rule: 'x/** does not match x itself', dockerignore: 'foo/**', path: 'foo', ignored: false },
  { rule: 'x** is a prefix match', dockerignore: 'foo**', path: 'foobar/x', ignored: true },
  { rule: 'a/**/b: ** may be zero segments', dockerignore: 'a/**/b', path: 'a/b', ignored: true },
  { rule: 'a/**/b: ** may be many segments', dockerignore: 'a/**/b', path: 'a/x/y/b', ignored: true },
  { rule: 'a/**/b: the last segment must be b', dockerignore: 'a/**/b', path: 'a/x/yb', ignored: false },
  { rule: '** matches everything', dockerignore: '**', path: 'any/where/at/all', ignored: true },
  { rule: '**/*.go matches at the root', dockerignore: '**/*.go', path: 'main.go', ignored: true },
  { rule: '**/*.go matches deep', dockerignore: '**/*.go', path: 'cmd/x/main.go', ignored: true },
  { rule: '**/dir covers files below a nested dir', dockerignore: '**/node_modules', path: 'web/node_modules/react/index.js', ignored: true },

  // Pattern.compile: classes and escapes (Go regexp semantics)
  { rule: '[abc] class', dockerignore: '[abc].txt', path: 'b.txt', ignored: true },
  { rule: '[abc] class excludes others', dockerignore: '[abc].txt', path: 'd.txt', ignored: false },
  { rule: '[a-c] range', dockerignore: '[a-c]x', path: 'bx', ignored: true },
  { rule: '[^a] negated class', dockerignore: '[^a]x', path: 'bx', ignored: true },
  { rule: '[^a] negated class excludes a', dockerignore: '[^a]x', path: 'ax', ignored: false },
  { rule: '[!a]: ! is a literal, not a negation', dockerignore: '[!a]x', path: '!x', ignored: true },
  { rule: '[!a]: b is not in the class', dockerignore: '[!a]x', path: 'bx', ignored: false },
  { rule: 'a Go regexp negated class can match /', dockerignore: 'a[^x]b', path: 'a/b', ignored: true },
  { rule: 'POSIX class [[:digit:]]', dockerignore: '[[:digit:]]*', path: '1abc', ignored: true },
  { rule: '[*] becomes [[^/]*]: matches "x]"', dockerignore: 'x[*]', path: 'x]', ignored: true },
  { rule: '[*] does not match a literal *', dockerignore: 'x[*]', path: 'x*', ignored: false },
  { rule: '\\* escapes the star', dockerignore: '\\*.txt', path: '*.txt', ignored: true },
  { rule: '\\* is not a wildcard', dockerignore: '\\*.txt', path: 'a.txt', ignored: false },
  { rule: 'escaped brackets are literal', dockerignore: '\\[x\\]', path: '[x]', ignored: true },
  { rule: '\\d is a Go regexp digit class', dockerignore: 'v\\d', path: 'v7', ignored: true },
  { rule: '\\b is a Go regexp word boundary', dockerignore: 'a\\b', path: 'ab', ignored: false },
  { rule: '| is not escaped by compile(): alternation', dockerignore: 'a|b*', path: 'apple/x', ignored: true },
  { rule: '| alternation: right side is unanchored at the start', dockerignore: 'a|b*', path: 'xb', ignored: true },
  { rule: '{ } are not escaped: invalid repeat stays literal', dockerignore: '*.{js,ts}', path: 'a.{js,ts}', ignored: true },
  { rule: '{ } are not escaped: {js,ts} is not brace expansion', dockerignore: '*.{js,ts}', path: 'a.js', ignored: false },
  { rule: '{2} is a Go regexp repetition', dockerignore: 'fo{2}*', path: 'foo', ignored: true },
  { rule: '^ without wildcard is literal (exact match)', dockerignore: 'a^b', path: 'a^b', ignored: true },
  { rule: '^ in a regexp pattern is an anchor', dockerignore: 'a^b*', path: 'a^bc', ignored: false },
  { rule: '$ is escaped', dockerignore: '*$', path: 'x$', ignored: true },

  // Case sensitivity
  { rule: 'matching is case-sensitive', dockerignore: 'readme.md', path: 'README.md', ignored: false },
  { rule: 'extensions are case-sensitive', dockerignore: '*.MD', path: 'a.md', ignored: false },
  { rule: 'ranges are case-sensitive', dockerignore: '[a-z]*', path: 'Makefile', ignored: false },

  // Exceptions (last match wins, MatchesUsingParentResults)
  { rule: 'exception re-includes', dockerignore: '*.md\n!README.md', path: 'README.md', ignored: false },
  { rule: 'exception leaves the rest excluded', dockerignore: '*.md\n!README.md', path: 'CHANGES.md', ignored: true },
  { rule: 'order matters: a later exclusion wins', dockerignore: '!README.md\n*.md', path: 'README.md', ignored: true },
  { rule: '"! pattern": the rest is trimmed', dockerignore: '*\n!   foo', path: 'foo', ignored: false },
  { rule: 'exception under an excluded dir (wildcard-free, starts with the dir): walked', dockerignore: 'docs\n!docs/keep.md', path: 'docs/keep.md', ignored: false },
  { rule: 'other files in that dir stay excluded', dockerignore: 'docs\n!docs/keep.md', path: 'docs/other.md', ignored: true },
  { rule: 'exception with a wildcard: excluded dirs are walked', dockerignore: 'docs\n!*/keep.md', path: 'docs/keep.md', ignored: false },
  { rule: 'exception ** reaches deep into an excluded dir', dockerignore: 'docs\n!**/keep.md', path: 'docs/a/b/keep.md', ignored: false },
  { rule: 'exceptions are anchored too', dockerignore: 'docs\n!keep.md', path: 'docs/keep.md', ignored: true },
  { rule: 'exclude all but one deep file', dockerignore: '*\n!src/app/main.go', path: 'src/app/main.go', ignored: false },
  { rule: 'exclude all but one deep file: siblings excluded', dockerignore: '*\n!src/app/main.go', path: 'src/app/util.go', ignored: true },
  { rule: 'exception with /** keeps a whole subtree', dockerignore: 'node_modules\n!node_modules/keep/**', path: 'node_modules/keep/a/b.js', ignored: false },
  { rule: 'exclusion after an exception inside a dir', dockerignore: 'a\n!a/b\na/b/c', path: 'a/b/c', ignored: true },
  { rule: 'exclusion after an exception: sibling stays included', dockerignore: 'a\n!a/b\na/b/c', path: 'a/b/d', ignored: false },
  { rule: 'an exception skipped at the dir level does not apply below it', dockerignore: 'd/*\n!d', path: 'd/f', ignored: true },
  { rule: 'an exception for the directory re-includes its files', dockerignore: 'd\n!d', path: 'd/f', ignored: false },

  // The Dockerfile and .dockerignore are ordinary context files
  { rule: '.dockerignore can ignore itself', dockerignore: '.dockerignore', path: '.dockerignore', ignored: true },
  { rule: 'the Dockerfile can be ignored', dockerignore: 'Dockerfile', path: 'Dockerfile', ignored: true },
  { rule: '* excludes the Dockerfile too', dockerignore: '*', path: 'Dockerfile', ignored: true },
  { rule: '* then !Dockerfile keeps it', dockerignore: '*\n!Dockerfile', path: 'Dockerfile', ignored: false },
  { rule: '* then !Dockerfile: .dockerignore is still excluded', dockerignore: '*\n!Dockerfile', path: '.dockerignore', ignored: true },

  // Invalid patterns
  { rule: 'unclosed [ is a syntax error (filepath.Match)', dockerignore: '[', path: '[', ignored: false, error: true },
  { rule: 'a bad pattern does not stop the other lines here', dockerignore: 'a[\nb', path: 'b', ignored: true, error: true },
  { rule: 'a lone ! is an illegal exclusion', dockerignore: 'foo\n!', path: 'foo', ignored: true, error: true },
  { rule: 'invalid Go regexp escape (\\q)', dockerignore: 'a\\q*', path: 'aq', ignored: false, error: true },
  { rule: 'reversed range is a Go regexp error', dockerignore: '[b-a]*', path: 'b', ignored: false, error: true },
];

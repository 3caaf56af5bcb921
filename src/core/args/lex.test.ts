import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { envFromMap, goQuote, processWord, processWords, type WordResult } from './lex';

const env = envFromMap({ X: 'hello', EMPTY: '', SP: 'a b  c', PATHV: '/usr/local/bin/app.tar.gz', AA: 'aXbaXc' });

function value(word: string, esc: '\\' | '`' = '\\'): string {
  const r = processWord(word, env, esc);
  expect(r.error).toBeNull();
  return r.value;
}

function err(word: string, esc: '\\' | '`' = '\\'): string {
  const r = processWord(word, env, esc);
  expect(r.value).toBe('');
  expect(r.words).toEqual([]);
  expect(r.error).not.toBeNull();
  return r.error as string;
}

const sets = (r: WordResult) => ({ matched: [...r.matched].sort(), unmatched: [...r.unmatched].sort() });

describe('processWord: plain references', () => {
  it('expands $X and ${X}, unset ones to empty', () => {
    expect(value('$X/${X}/$NOPE/${NOPE}.')).toBe('hello/hello//.');
    expect(value('pre$X-post')).toBe('prehello-post');
  });

  it('a name is letters, digits and _; it stops at anything else', () => {
    expect(value('$X.x')).toBe('hello.x');
    expect(value('$X_1')).toBe(''); // X_1 is one (unset) name
  });

  it('a lone $ or $ before a non-name character stays literal', () => {
    expect(value('$')).toBe('$');
    expect(value('a$ b')).toBe('a$ b');
    expect(value('$/x')).toBe('$/x');
  });

  it('positional and special parameters are looked up as names', () => {
    const r = processWord('$1$23x $@ $* $# $? $- $$ $! $0', env);
    expect(r.value).toBe('x        ');
    expect(sets(r).unmatched).toEqual(['!', '#', '$', '*', '-', '0', '1', '23', '?', '@'].sort());
  });

  it('special parameters can be set and are then matched', () => {
    const r = processWord('${@}:$0:${1}', envFromMap({ '@': 'at', '0': 'zero', '1': 'one' }));
    expect(r.value).toBe('at:zero:one');
    expect(sets(r)).toEqual({ matched: ['0', '1', '@'], unmatched: [] });
  });

  it('keys are case-sensitive (Unix)', () => {
    expect(value('$x')).toBe('');
  });

  it('a plain object env does not see prototype properties', () => {
    expect(processWord('$toString|$constructor|$__proto__', envFromMap({})).value).toBe('||');
    expect(envFromMap(new Map([['A', '1']])).keys()).toEqual(['A']);
  });

  it('a byte-order mark is skipped at the start only (text/scanner)', () => {
    expect(value('\ufeff$X')).toBe('hello');
    expect(value('a\ufeff$X')).toBe('a\ufeffhello');
  });
});

describe('processWord: ${} modifiers', () => {
  it(':- and - choose the default when unset (and, with :, when empty)', () => {
    expect(value('${NOPE:-d}|${NOPE-d}|${EMPTY:-d}|${EMPTY-d}|${X:-d}|${X-d}')).toBe('d|d|d||hello|hello');
  });

  it(':+ and + give the alternative when set (and, with :, non-empty)', () => {
    expect(value('${NOPE:+a}|${NOPE+a}|${EMPTY:+a}|${EMPTY+a}|${X:+a}|${X+a}')).toBe('|||a|a|a');
  });

  it('the default word is itself expanded, quotes included', () => {
    expect(value('${NOPE:-$X.${X}}')).toBe('hello.hello');
    expect(value('${NOPE:-"a }b"}')).toBe('a }b');
    expect(value("${NOPE:-'$X'}")).toBe('$X');
    expect(value('${NOPE:-a\\}b}')).toBe('a}b');
    expect(value('${NOPE:-${NOPE2:-deep}}')).toBe('deep');
  });

  it(':? and ? fail when unset (and, with :, when empty), with the message if given', () => {
    expect(value('${X:?m}${X?m}${EMPTY?m}')).toBe('hellohello');
    expect(err('${NOPE:?}')).toBe('failed to process "${NOPE:?}": NOPE: is not allowed to be unset');
    expect(err('${NOPE?custom text}')).toBe('failed to process "${NOPE?custom text}": NOPE: custom text');
    expect(err('${EMPTY:?}')).toBe('failed to process "${EMPTY:?}": EMPTY: is not allowed to be empty');
    expect(err('${EMPTY:?why $X}')).toBe('failed to process "${EMPTY:?why $X}": EMPTY: why hello');
  });

  it('# / ## trim the shortest / longest prefix, % / %% the suffix', () => {
    expect(value('${PATHV#*/}')).toBe('usr/local/bin/app.tar.gz');
    expect(value('${PATHV##*/}')).toBe('app.tar.gz');
    expect(value('${PATHV%.*}')).toBe('/usr/local/bin/app.tar');
    expect(value('${PATHV%%.*}')).toBe('/usr/local/bin/app');
    expect(value('${PATHV#nomatch}')).toBe('/usr/local/bin/app.tar.gz');
    expect(value('${AA#?X}|${AA%X?}')).toBe('baXc|aXba');
    expect(value('${NOPE#x}')).toBe('');
  });

  it('pattern escapes: \\* \\? \\\\ are literal, \\} and \\/ drop the backslash', () => {
    const e = envFromMap({ S: 'a*b?c\\d}e' });
    expect(processWord('${S#a\\*}', e).value).toBe('b?c\\d}e');
    expect(processWord('${S%\\?c*}', e).value).toBe('a*b');
    expect(processWord('${S#*\\\\}', e).value).toBe('d}e');
    expect(processWord('${S%%\\}*}', e).value).toBe('a*b?c\\d');
    // regexp metacharacters are literal in patterns
    expect(processWord('${V#a.c}', envFromMap({ V: 'abc' })).value).toBe('abc');
    expect(processWord('${V#(a|b)+}', envFromMap({ V: '(a|b)+z' })).value).toBe('z');
  });

  it('an invalid escape in a pattern is an error', () => {
    expect(err('${X#\\a}')).toBe('failed to process "${X#\\\\a}": invalid pattern (\\a) in substitution: invalid escape \'\\a\'');
  });

  it('with the backtick escape, a backslash in a pattern is still the pattern escape', () => {
    expect(processWord('${S#\\*}', envFromMap({ S: '*x' }), '`').value).toBe('x');
    // the escape token is kept in a pattern: here '`}' is a backtick then an escaped '}'
    expect(processWord('${S#a`}}', envFromMap({ S: 'a`}x' }), '`').value).toBe('x');
  });

  it('* and ? never match a newline (Go\'s `.`), but \\r and U+2028 are ordinary', () => {
    const e = envFromMap({ N: 'a\nb', R: 'a\rb\u2028c' });
    expect(processWord('${N#*b}', e).value).toBe('a\nb');
    expect(processWord('${R#a?b?}', e).value).toBe('c');
  });

  it('patterns work on runes, not UTF-16 units', () => {
    expect(processWord('${E#?}|${E%?}', envFromMap({ E: '😀a😀' })).value).toBe('a😀|😀a');
  });

  it('${X/p/r} replaces the first match, literally', () => {
    expect(value('${AA/X/-}')).toBe('a-baXc');
    expect(value('${AA/X*/-}')).toBe('a-');
    expect(value('${AA/nomatch/-}')).toBe('aXbaXc');
    expect(value('${AA/X/$$0}')).toBe('a0baXc'); // $$ is the special parameter $, unset
  });

  it('${X//p/r} replaces every match, as Go\'s ReplaceAllString', () => {
    expect(value('${AA//X/-}')).toBe('a-ba-c');
    expect(value('${AA//?/.}')).toBe('......');
    // an empty match right after a match is not replaced (JS would give "yy")
    expect(value('${AA//*/y}')).toBe('y');
    expect(processWord('${V//x*/-}', envFromMap({ V: 'bxxc' })).value).toBe('b-');
  });

  it('${X//p/r}: the replacement is a Go template ($0 / ${0} = the match), ${X/p/r} is not', () => {
    const e = envFromMap({ V: 'abc' });
    expect(processWord('${V//b/[\\$0]}', e).value).toBe('a[\\b]c');
    // the first } closes the substitution, so the template is `\${0` (malformed: a literal $)
    expect(processWord('${V//b/\\${0}x}', e).value).toBe('a\\${0cx}');
    expect(processWord('${V//b/\\$1}', e).value).toBe('a\\c');
    expect(processWord('${V/b/[\\$0]}', e).value).toBe('a[\\$0]c');
    // a lone $ before } stays literal in both
    expect(processWord('${V//b/$}', e).value).toBe('a$c');
  });

  it('${X/p/r} with an escaped / in the pattern', () => {
    expect(processWord('${P//\\//:}', envFromMap({ P: 'a/b/c' })).value).toBe('a:b:c');
  });

  it('malformed substitutions are errors', () => {
    expect(err('${')).toMatch(/: syntax error: missing '}'$/);
    expect(err('${}')).toMatch(/: syntax error: bad substitution$/);
    expect(err('${:}')).toMatch(/: syntax error: bad substitution$/);
    expect(err('${{X}')).toMatch(/: syntax error: bad substitution$/);
    expect(err('${X:-abc')).toMatch(/: syntax error: missing '}'$/);
    expect(err('${X/abc')).toMatch(/: syntax error: missing '\/' in \$\{\}$/);
    expect(err('${X/a/b')).toMatch(/: syntax error: missing '}'$/);
    expect(err('${X:=y}')).toMatch(/: unsupported modifier \(:=\) in substitution$/);
    expect(err('${X:#y}')).toMatch(/: unsupported modifier \(:#\) in substitution$/);
    expect(err('${X:%y}')).toMatch(/: unsupported modifier \(:%\) in substitution$/);
    expect(err('${X=y}')).toMatch(/: unsupported modifier \(=\) in substitution$/);
    expect(err('${#X}')).toMatch(/: unsupported modifier \(X\) in substitution$/);
    // EOF right after the name: Go prints string(rune(EOF)), U+FFFD
    expect(err('${X')).toBe('failed to process "${X": unsupported modifier (\uFFFD) in substitution');
  });

  it('an inner error is kept when the closing brace follows, replaced by missing } at the end', () => {
    expect(err('${A:-${NOPE:?no}}')).toMatch(/: NOPE: no$/);
    expect(err('${A:-${NOPE:?no}')).toMatch(/: syntax error: missing '}'$/);
  });
});

describe('processWord: quotes and escapes', () => {
  it('single quotes are literal and cannot be escaped', () => {
    expect(value("'$X \\n \"'")).toBe('$X \\n "');
    expect(err("'abc")).toMatch(/looking for matching single-quote$/);
  });

  it('double quotes expand $ and escape only " $ and the escape token', () => {
    expect(value('"$X \'q\' \\" \\$X \\\\ \\n"')).toBe('hello \'q\' " $X \\ \\n');
    expect(err('"abc')).toMatch(/looking for matching double-quote$/);
    expect(err('"abc\\')).toMatch(/looking for matching double-quote$/);
  });

  it('outside quotes the escape token escapes any character; a trailing one is dropped', () => {
    expect(value('\\$X \\a\\\\ \\')).toBe('$X a\\ ');
  });

  it('with escape=` the backslash is an ordinary character', () => {
    expect(value('C:\\dir\\$X `$X `` "`"`$"', '`')).toBe('C:\\dir\\hello $X ` "$');
  });

  it('rawQuotes keeps the quotes, rawEscapes the escapes', () => {
    expect(processWord('"$X" \'$X\'', env, '\\', { rawQuotes: true }).value).toBe('"hello" \'$X\'');
    expect(processWord('\\$X "\\$" "\\a"', env, '\\', { rawEscapes: true }).value).toBe('\\$X \\$ \\\\a');
  });

  it('skipProcessQuotes treats quotes as ordinary characters', () => {
    const r = processWord('"a b" \'$X\'', env, '\\', { skipProcessQuotes: true });
    expect(r.value).toBe('"a b" \'hello\'');
    expect(r.words).toEqual(['"a', 'b"', "'hello'"]);
  });

  it('skipUnsetEnv leaves references to unset names as written (after processing the word)', () => {
    const o = { skipUnsetEnv: true };
    expect(processWord('$NOPE ${NOPE} ${NOPE:-$X} ${X:-d} ${NOPE:=z}', env, '\\', o).value).toBe(
      '$NOPE ${NOPE} ${NOPE:-hello} hello ${NOPE:=z}',
    );
    // BuildKit prints a single slash back, even for //
    expect(processWord('${NOPE//a/b}', env, '\\', o).value).toBe('${NOPE/a/b}');
  });
});

describe('matched / unmatched', () => {
  it('records every name looked up', () => {
    const r = processWord('$X ${NOPE} ${EMPTY:-d}', env);
    expect(sets(r)).toEqual({ matched: ['EMPTY', 'X'], unmatched: ['NOPE'] });
  });

  it('a name only used in a default is looked up even when the variable is set', () => {
    const r = processWord('${X:-$UNDEF}', env);
    expect(r.value).toBe('hello');
    expect(sets(r)).toEqual({ matched: ['X'], unmatched: ['UNDEF'] });
  });

  it('the variable of an unsupported modifier is recorded before the error', () => {
    const r = processWord('${NOPE:=x}', env);
    expect(r.error).not.toBeNull();
    expect(sets(r)).toEqual({ matched: [], unmatched: ['NOPE'] });
  });

  it('single-quoted and escaped references are not looked up', () => {
    expect(sets(processWord("'$A' \\$B \"\\$C\"", env))).toEqual({ matched: [], unmatched: [] });
  });
});

describe('word splitting', () => {
  it('splits on unquoted white space after expansion; quotes and escapes keep spaces', () => {
    expect(processWords('a  $SP "x y" z\\ w', env).words).toEqual(['a', 'a', 'b', 'c', 'x y', 'z w']);
    expect(processWords('"$SP"', env).words).toEqual(['a b  c']);
    expect(processWords('  lead\ttrail \n', env).words).toEqual(['lead', 'trail']);
  });

  it('empty quotes make no word', () => {
    expect(processWords('"" a \'\'', env).words).toEqual(['a']);
    expect(processWords('""', env).words).toEqual([]);
  });

  it('Go unicode.IsSpace: NBSP and NEL split, ZWNBSP does not', () => {
    expect(processWords('a\u00a0b\u0085c\u3000d\ufeffe', env).words).toEqual(['a', 'b', 'c', 'd\ufeffe']);
  });

  it('a nested ${X<op>word} resets the shared buffer: text before it in the same word is lost', () => {
    const r = processWords('a${NOPE:-b}c pre"${NOPE:-q}" x$X', env);
    expect(r.value).toBe('abc preq xhello');
    expect(r.words).toEqual(['bc', 'q', 'xhello']);
  });

  it('heredoc markers stay glued to their word, a single < does not', () => {
    expect(processWords('cat <<  EOF', env).words).toEqual(['cat', '<<  EOF']);
    expect(processWords('a < b', env).words).toEqual(['a', '<', 'b']);
  });

  it('processWord returns the same split', () => {
    expect(processWord('a $SP', env).words).toEqual(['a', 'a', 'b', 'c']);
  });
});

describe('goQuote (%q of the source in errors)', () => {
  it('quotes as strconv.Quote does', () => {
    expect(goQuote('a"b\\c\n\t\x01\x7f\u00a0é😀\u200b')).toBe('"a\\"b\\\\c\\n\\t\\x01\\x7f\\u00a0é😀\\u200b"');
    expect(err('"\n')).toBe('failed to process "\\"\\n": unexpected end of statement while looking for matching double-quote');
  });
});

describe('robustness', () => {
  it('deep nesting is an error, not a crash', () => {
    const deep = '${A:-'.repeat(5000) + 'x' + '}'.repeat(5000);
    const r = processWord(deep, env);
    expect(r.error).toMatch(/nested too deeply$/);
    expect(processWord('${A:-'.repeat(50) + 'x' + '}'.repeat(50), env).value).toBe('x');
  });

  it('never throws, and an error always comes with an empty value', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.constantFrom('$', '${', '}', ':', '-', '+', '?', '#', '%', '/', '\\', '`', '"', "'", ' ', '<<', '*', 'X', 'NOPE', '\n'),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
        fc.constantFrom<'\\' | '`'>('\\', '`'),
        fc.record({ skipUnsetEnv: fc.boolean(), rawQuotes: fc.boolean(), rawEscapes: fc.boolean(), skipProcessQuotes: fc.boolean() }),
        (word, esc, opts) => {
          const r = processWord(word, env, esc, opts);
          if (r.error !== null) {
            expect(r.value).toBe('');
            expect(r.words).toEqual([]);
            expect(r.error.startsWith('failed to process ')).toBe(true);
          }
          processWords(word, env, esc);
        },
      ),
      { numRuns: Number(globalThis.process?.env?.FUZZ_RUNS ?? 2000) },
    );
  });

  it('any string, any env: no exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.dictionary(fc.string(), fc.string()), (word, e) => {
        processWord(word, envFromMap(e));
        processWord(word, envFromMap(e), '`');
      }),
      { numRuns: 1000 },
    );
  });
});

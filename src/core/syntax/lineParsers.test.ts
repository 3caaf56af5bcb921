import { describe, expect, it } from 'vitest';
import {
  LineParseError,
  parseHealthConfig,
  parseJSON,
  parseMaybeJSON,
  parseMaybeJSONToList,
  parseNameOrNameVal,
  parseNameVal,
  parseStringsWhitespaceDelimited,
  parseWords,
} from './lineParsers.ts';
import { chompHeredocContent, heredocsFromLine, parseHeredoc } from './heredoc.ts';
import { processWords } from './shellWords.ts';

describe('parseWords', () => {
  it('splits on whitespace and keeps quotes and escapes', () => {
    expect(parseWords('foo', '\\')).toEqual(['foo']);
    expect(parseWords('foo bar', '\\')).toEqual(['foo', 'bar']);
    expect(parseWords('foo\\ bar', '\\')).toEqual(['foo\\ bar']);
    expect(parseWords("a 'b c' \"d e\"", '\\')).toEqual(['a', "'b c'", '"d e"']);
    expect(parseWords('föo bàr "âbc xÿz"', '\\')).toEqual(['föo', 'bàr', '"âbc xÿz"']);
    expect(parseWords("'a\\'b'", '\\')).toEqual(["'a\\'b'"]);
    expect(parseWords('"a\\"b c"', '\\')).toEqual(['"a\\"b c"']);
    expect(parseWords('x\\', '\\')).toEqual(['x']);
    expect(parseWords("''", '\\')).toEqual(["''"]);
  });
});

describe('parseNameVal (ENV, LABEL)', () => {
  it('reads the key=value form, several pairs', () => {
    expect(parseNameVal('a=1 b="x y" c=', 'ENV', '\\').next).toEqual(['a', '1', '=', 'b', '"x y"', '=', 'c', '', '=']);
  });
  it('reads the legacy `key value` form with the rest of the line as value', () => {
    expect(parseNameVal('NAME  some value  here', 'ENV', '\\').next).toEqual(['NAME', 'some value  here', '']);
  });
  it('errors on a legacy form without value', () => {
    expect(() => parseNameVal('ONLY', 'ENV', '\\')).toThrow(new LineParseError('ENV must have two arguments'));
    expect(() => parseNameVal('ONLY', 'LABEL', '\\')).toThrow('LABEL must have two arguments');
  });
  it('errors on a word without = in the new form', () => {
    expect(() => parseNameVal('a=1 b', 'ENV', '\\')).toThrow(
      `Syntax error - can't find = in "b". Must be of the form: name=value`,
    );
  });
  it('returns nothing for empty input', () => {
    expect(parseNameVal('', 'ENV', '\\').next).toEqual([]);
  });
});

describe('parseNameOrNameVal (ARG) and whitespace lists', () => {
  it('keeps each word', () => {
    expect(parseNameOrNameVal('A B=2 C="x y"', '\\').next).toEqual(['A', 'B=2', 'C="x y"']);
  });
  it('splits on [\\t\\v\\f\\r ] only', () => {
    expect(parseStringsWhitespaceDelimited('a\tb  c').next).toEqual(['a', 'b', 'c']);
    expect(parseStringsWhitespaceDelimited('').next).toEqual([]);
  });
});

describe('parseJSON / parseMaybeJSON / parseMaybeJSONToList', () => {
  it('decodes JSON string arrays', () => {
    expect(parseMaybeJSON('["echo hi", "\\u2603", "\\/"]')).toEqual({ next: ['echo hi', '☃', '/'], json: true });
    expect(parseMaybeJSON('[]')).toEqual({ next: [], json: true });
  });
  it('falls back to the shell form on invalid JSON', () => {
    expect(parseMaybeJSON('["a",]')).toEqual({ next: ['["a",]'], json: false });
    expect(parseMaybeJSON("['a']")).toEqual({ next: ["['a']"], json: false });
    expect(parseMaybeJSONToList('["a" "b"]')).toEqual({ next: ['["a"', '"b"]'], json: false });
  });
  it('errors on arrays of non-strings', () => {
    expect(() => parseMaybeJSON('["a", 1]')).toThrow('when using JSON array syntax, arrays must be comprised of strings only');
    expect(() => parseMaybeJSONToList('[["a"]]')).toThrow('arrays must be comprised of strings only');
    expect(parseJSON('{"a": 1}')).toEqual({ ok: false, notStringArray: false });
  });
});

describe('parseHealthConfig', () => {
  it('splits the type word from the command', () => {
    expect(parseHealthConfig('CMD   curl -f x')).toEqual({ next: ['CMD', 'curl -f x'], json: false });
    expect(parseHealthConfig('CMD ["a", "b"]')).toEqual({ next: ['CMD', 'a', 'b'], json: true });
    expect(parseHealthConfig('NONE')).toEqual({ next: ['NONE'], json: false });
    expect(parseHealthConfig('')).toEqual({ next: [], json: false });
  });
});

describe('heredoc words (ParseHeredoc, heredocsFromLine, ChompHeredocContent)', () => {
  it('accepts the valid forms', () => {
    for (const src of ['<<EOF', "<<'EOF'", '<<"EOF"', '<<-EOF', "<<-'EOF'", '<<-"EOF"', '<<EO"F"', '<< EOF', '<<- EOF']) {
      expect(parseHeredoc(src).heredoc?.name, src).toBe('EOF');
    }
  });
  it('rejects non-heredocs', () => {
    for (const src of ['', 'EOF', '<<', '<<-', '<EOF', '<<<EOF', '<<EOF sh']) {
      expect(parseHeredoc(src), src).toEqual({ heredoc: null, error: null });
    }
  });
  it('errors on unbalanced quotes', () => {
    for (const src of ["<<'EOF", '<<"EOF', "<<EOF'", '<<EOF"']) {
      expect(parseHeredoc(src).error, src).toMatch(/^failed to process/);
    }
  });
  it('finds heredoc words on a line', () => {
    const names = (line: string) => heredocsFromLine(line).heredocs.map((h) => h.name);
    expect(names('RUN <<EOF')).toEqual(['EOF']);
    expect(names('RUN <<-EOF')).toEqual(['EOF']);
    expect(names('RUN << -EOF')).toEqual(['-EOF']);
    expect(names("RUN <<'EOF'")).toEqual(['EOF']);
    expect(names('RUN 4<<EOF')).toEqual(['EOF']);
    expect(names('RUN <<EOF <<EOF2')).toEqual(['EOF', 'EOF2']);
    expect(names("RUN '<<EOF'")).toEqual([]);
    expect(names('RUN "<<EOF"')).toEqual([]);
    // `<<-` followed by a space splits into two words in the shell lexer: not a heredoc
    expect(names('RUN <<- EOF')).toEqual([]);
    // a lexing error anywhere on the line hides every heredoc
    expect(names('RUN <<EOF ${')).toEqual([]);
  });
  it('chomps leading tabs on every line', () => {
    expect(chompHeredocContent('\thello\n\t\tworld\n  x\n')).toBe('hello\nworld\n  x\n');
  });
});

describe('shell word splitting (shell/lex.go ProcessWords)', () => {
  const words = (s: string, raw = false) => processWords(s, { escapeToken: '\\', rawQuotes: raw, rawEscapes: raw }).words;
  it('removes or keeps quotes', () => {
    expect(words(`a "b c" 'd e'`)).toEqual(['a', 'b c', 'd e']);
    expect(words(`a "b c" 'd e'`, true)).toEqual(['a', '"b c"', "'d e'"]);
  });
  it('keeps unset variables as written', () => {
    // the text a `$` produced is split again on spaces (wordsStruct.addString)
    expect(words('$A ${B} ${C:-x y}')).toEqual(['$A', '${B}', '${C:-x', 'y}']);
    // a nested ${...} resets the shared word buffer: the `pre` before it is lost, as in Go
    expect(words('pre${C:-x}post')).toEqual(['${C:-x}post']);
  });
  it('reports lexing errors', () => {
    expect(processWords('"abc', { escapeToken: '\\', rawQuotes: false, rawEscapes: false }).error).toBe(
      'failed to process "\\"abc": unexpected end of statement while looking for matching double-quote',
    );
  });
});

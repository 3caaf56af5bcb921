import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './parse.ts';
import { dumpNodes } from './dump.ts';

const p = (text: string) => parseDockerfile(text);
const dump = (text: string) => dumpNodes(p(text).nodes);

describe('line continuation (parser.Parse, trimContinuationCharacter)', () => {
  it('joins continued lines without the escape and keeps indentation of later lines', () => {
    const r = p('FROM a\nRUN echo one \\\n    two \\\n\tthree\n');
    expect(r.nodes[1].original).toBe('RUN echo one     two \tthree');
    expect(r.nodes[1].next).toEqual(['echo one     two \tthree']);
    expect([r.nodes[1].startLine, r.nodes[1].endLine]).toEqual([2, 4]);
  });

  it('allows spaces and tabs after the escape', () => {
    expect(dump('FROM a\nRUN a \\ \t \nb')).toEqual(['(from "a")', '(run "a b")']);
  });

  it('does not continue a line ending in an escaped escape (`\\\\`)', () => {
    const r = p('FROM a\nRUN echo a\\\\\nRUN echo b\n');
    expect(r.nodes.map((n) => n.next[0])).toEqual(['a', 'echo a\\\\', 'echo b']);
  });

  it('treats an escape alone on a line as a continuation', () => {
    expect(dump('FROM a\nENV A x\\\n\\\ny')).toEqual(['(from "a")', '(env "A" "xy" "")']);
  });

  it('skips comment lines inside a continuation, indented or not', () => {
    const r = p('FROM a\nRUN one \\\n# c1\n   # c2\n  two\n');
    expect(r.nodes[1].next).toEqual(['one   two']);
    expect(r.nodes[1].endLine).toBe(5);
    expect(r.lints).toEqual([]);
  });

  it('drops empty continuation lines and reports NoEmptyContinuation at the last line', () => {
    const r = p('FROM a\nRUN one \\\n\n   \n  two \\\n\nthree\nRUN x\n');
    expect(r.nodes[1].next).toEqual(['one   two three']);
    expect(r.lints).toEqual([{ rule: 'NoEmptyContinuation', message: 'Empty continuation line', line: 7, endLine: 7 }]);
  });

  it('reports one NoEmptyContinuation per instruction (BuildKit testNoEmptyContinuation shape)', () => {
    const r = p('\nFROM scratch\n# warning: empty continuation line\nCOPY Dockerfile \\\n\n.\nCOPY Dockerfile \\\n.\n');
    expect(r.lints.map((l) => [l.rule, l.line])).toEqual([['NoEmptyContinuation', 6]]);
  });

  it('ends a continuation at end of file', () => {
    const r = p('FROM a\nRUN something \\');
    expect(r.nodes[1].next).toEqual(['something']);
    expect(r.nodes[1].endLine).toBe(2);
  });

  it('uses the escape token as continuation character', () => {
    const r = p('# escape=`\nFROM a\nRUN dir `\n  c:\\x\\\n');
    expect(r.directives.escape).toBe('`');
    expect(r.nodes[1].next).toEqual(['dir   c:\\x\\']);
  });
});

describe('directives (directives.go)', () => {
  it('reads escape, syntax and check at the top, keys case-insensitive', () => {
    const r = p('# SYNTAX = docker/dockerfile:1.7\n#Escape=`\n# check=skip=all;error=true\nFROM a\n');
    expect(r.directives.syntax).toBe('docker/dockerfile:1.7');
    expect(r.directives.escape).toBe('`');
    expect(r.directives.check).toBe('skip=all;error=true');
    expect(r.directives.lines).toEqual({ syntax: 1, escape: 2, check: 3 });
    expect(r.nodes[0].prevComment).toEqual([]);
  });

  it('ignores directives after a comment', () => {
    const r = p('# hello\n# escape=`\nFROM a\nENV A \\\nb\n');
    expect(r.directives.escape).toBe('\\');
    expect(r.nodes[1].next).toEqual(['A', 'b', '']);
    expect(r.nodes[0].prevComment).toEqual(['hello', 'escape=`']);
  });

  it('ignores directives after an unknown directive-like comment', () => {
    const r = p('# foo=bar\n# escape=`\nFROM a\n');
    expect(r.directives.escape).toBe('\\');
    expect(r.errors).toEqual([]);
  });

  it('ignores directives after a blank line or an instruction', () => {
    expect(p('\n# escape=`\nFROM a\n').directives.escape).toBe('\\');
    expect(p('FROM a\n# escape=`\nRUN x\n').directives.escape).toBe('\\');
  });

  it('accepts leading whitespace on the directive line', () => {
    expect(p('   # escape=`\nFROM a\n').directives.escape).toBe('`');
  });

  it('rejects an invalid escape token', () => {
    const r = p('# escape=x\nFROM a\n');
    expect(r.errors).toEqual([{ message: "invalid escape token 'x' does not match ` or \\", line: 1, endLine: 1 }]);
    expect(r.directives.escape).toBe('\\');
    expect(r.nodes).toHaveLength(1);
  });

  it('rejects a duplicate directive', () => {
    const r = p('# escape=`\n# ESCAPE=\\\nFROM a\n');
    expect(r.errors.map((e) => [e.message, e.line])).toEqual([['only one escape parser directive can be used', 2]]);
    expect(r.directives.escape).toBe('`');
  });

  it('skips a shebang for syntax and check, but it ends the escape directive block', () => {
    const r = p('#!/usr/bin/env docker-build\n# syntax=example/frontend\n# escape=`\nFROM a\n');
    expect(r.directives.syntax).toBe('example/frontend');
    expect(r.directives.lines.syntax).toBe(2);
    expect(r.directives.escape).toBe('\\');
  });

  it('keeps a directive value with inner spaces and trims the end', () => {
    expect(p('# syntax = img:1 --opt   \nFROM a').directives.syntax).toBe('img:1 --opt');
  });
});

describe('comments, BOM, CRLF, whitespace', () => {
  it('collects comments directly above an instruction; an empty comment resets them', () => {
    const r = p('# one\n#\n# two\n#   three  \nFROM a\n\n# four\n\nRUN x\n');
    expect(r.nodes[0].prevComment).toEqual(['two', 'three']);
    // blank lines do not reset comments in BuildKit
    expect(r.nodes[1].prevComment).toEqual(['four']);
  });

  it('keeps the # of an indented comment (BuildKit drops only the first byte)', () => {
    expect(p(' # indented\nFROM a').nodes[0].prevComment).toEqual(['# indented']);
  });

  it('strips a UTF-8 BOM', () => {
    const r = p('\uFEFF# escape=`\nFROM a\n');
    expect(r.directives.escape).toBe('`');
    expect(r.nodes[0].value).toBe('from');
    expect(r.lines[0]).toBe('# escape=`');
  });

  it('handles CRLF line endings', () => {
    const r = p('FROM a\r\nRUN a \\\r\n  b\r\nCOPY <<EOF /x\r\nhi\r\nEOF\r\n');
    expect(r.nodes[1].next).toEqual(['a   b']);
    expect(r.nodes[2].heredocs[0].content).toBe('hi\r\n');
    expect(r.nodes[2].endLine).toBe(6);
    expect(r.lines).toEqual(['FROM a', 'RUN a \\', '  b', 'COPY <<EOF /x', 'hi', 'EOF']);
  });

  it('trims leading whitespace of an instruction and keeps the keyword as written', () => {
    const r = p('   \tfRoM   a  \n');
    expect(r.nodes[0].value).toBe('from');
    expect(r.nodes[0].keyword).toBe('fRoM');
    expect(r.nodes[0].next).toEqual(['a']);
  });

  it('reports a file with no instructions', () => {
    expect(p('').errors).toEqual([{ message: 'file with no instructions', line: 1, endLine: 1 }]);
    expect(p('# only\n# comments\n\n').errors).toEqual([{ message: 'file with no instructions', line: 3, endLine: 3 }]);
  });

  it('reports lines longer than bufio.Scanner allows', () => {
    const long = 'LABEL a=' + 'x'.repeat(70000);
    const r = p(`FROM a\n${long}\n`);
    expect(r.errors).toEqual([{ message: 'dockerfile line greater than max allowed size of 65535', line: 2, endLine: 2 }]);
  });
});

describe('heredocs (parser.Parse, heredocsFromLine)', () => {
  it('reads the body up to the terminator and covers it in the node lines', () => {
    const r = p('FROM a\nRUN <<EOF\necho hi\nFROM not-an-instruction\nEOF\nRUN after\n');
    expect(r.nodes).toHaveLength(3);
    expect(r.nodes[1].heredocs).toEqual([{ name: 'EOF', content: 'echo hi\nFROM not-an-instruction\n', expand: true, chomp: false, fileDescriptor: 0 }]);
    expect([r.nodes[1].startLine, r.nodes[1].endLine]).toEqual([2, 5]);
    expect(r.nodes[2].startLine).toBe(6);
  });

  it('strips leading tabs for <<- (content and terminator)', () => {
    const r = p('FROM a\nCOPY <<-EOF /x\n\t\tone\n\ttwo\n\tEOF\n');
    expect(r.nodes[1].heredocs[0]).toMatchObject({ content: 'one\ntwo\n', chomp: true });
  });

  it('reads several heredocs on one line in order', () => {
    const r = p('FROM a\nCOPY <<A <<B /dst/\n1\nA\n2\nB\n');
    expect(r.nodes[1].heredocs.map((h) => [h.name, h.content])).toEqual([['A', '1\n'], ['B', '2\n']]);
    expect(r.nodes[1].endLine).toBe(6);
  });

  it('reads a file descriptor prefix', () => {
    expect(p('FROM a\nRUN 3<<EOF cat /dev/fd/3\nx\nEOF').nodes[1].heredocs[0]).toMatchObject({ name: 'EOF', fileDescriptor: 3 });
  });

  it('does not expand quoted delimiters', () => {
    const r = p(`FROM a\nRUN <<'EOF'\n$X\nEOF\nRUN <<"E2"\n$X\nE2\nRUN <<E'3'\nx\nE3\n`);
    expect(r.nodes.slice(1).map((n) => [n.heredocs[0].name, n.heredocs[0].expand])).toEqual([
      ['EOF', false],
      ['E2', false],
      ['E3', false],
    ]);
  });

  it('only RUN, COPY and ADD (also under ONBUILD) take heredocs, never in JSON form', () => {
    const r = p('FROM a\nUSER <<EOF\nEOF\nRUN ["<<EOF"]\nONBUILD RUN <<X\nbody\nX\n');
    expect(dumpNodes(r.nodes)).toEqual(['(from "a")', '(user "<<EOF")', '(eof)', '(run "<<EOF")', '(onbuild (run "<<X"))']);
    expect(r.nodes[4].heredocs).toEqual([{ name: 'X', content: 'body\n', expand: true, chomp: false, fileDescriptor: 0 }]);
    expect(r.nodes[4].endLine).toBe(7);
  });

  it('reports an unterminated heredoc and keeps the body to the end of file', () => {
    const r = p('FROM a\nRUN <<EOF\nline\nmore\n');
    expect(r.errors).toEqual([{ message: 'unterminated heredoc', line: 2, endLine: 4 }]);
    expect(r.nodes[1].heredocs[0].content).toBe('line\nmore\n');
    expect(r.nodes[1].endLine).toBe(4);
  });

  it('detects heredocs on the joined continuation line', () => {
    const r = p('FROM a\nRUN \\\n  <<EOF\nx\nEOF\n');
    expect(r.nodes[1].heredocs[0].content).toBe('x\n');
    expect([r.nodes[1].startLine, r.nodes[1].endLine]).toEqual([2, 5]);
  });
});

describe('line numbers (TestParseIncludesLineNumbers shape)', () => {
  it('covers continuation and blank lines inside an instruction', () => {
    const text = '# escape=\\\n\n\n\nFROM img\n\n\n# note\n\n\nENV P \\\n/go\n\n\n\nRUN a \\\n\tb \\\n\n\n  c\n';
    const r = p(text);
    expect(r.nodes.map((n) => [n.startLine, n.endLine])).toEqual([
      [5, 5],
      [11, 12],
      [16, 20],
    ]);
  });
});

describe('ONBUILD node', () => {
  it('keeps the trigger as a child node and as next words', () => {
    const r = p('FROM a\nONBUILD COPY --from=b x /y\n');
    const n = r.nodes[1];
    expect(n.next).toEqual(['COPY', 'x', '/y']);
    expect(n.child?.flags).toEqual(['--from=b']);
    expect(n.child?.value).toBe('copy');
  });
});

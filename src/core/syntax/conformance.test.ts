/**
 * Conformance with BuildKit's parser golden files (`frontend/dockerfile/parser/testfiles/*`)
 * and `TestParseExtractsHeredoc`. The Dockerfiles here are our own, written in the spirit of
 * each golden directory (named in the test title); the expectations are BuildKit's `Node.Dump`
 * format, derived by reading its parser.
 */
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './parse.ts';
import { dumpNodes } from './dump.ts';
import type { Heredoc } from './types.ts';

const dump = (text: string) => {
  const r = parseDockerfile(text);
  expect(r.errors).toEqual([]);
  return dumpNodes(r.nodes);
};
const raw = String.raw;

describe('golden files, our own versions', () => {
  it('ADD-COPY-with-JSON: tabs as separators and the JSON form', () => {
    const text = 'FROM\tdebian:12\nLABEL\tmaintainer\tJane Roe <jane@example.com>\nCOPY\tsrc\t/app/src\nADD\t\tarchive.tar\t/opt/\nADD\t\tnull /\nCOPY\t[ "my file.txt", "/data/my file.txt" ]\nADD\t[ "a", "b", "/dst/" ]\n';
    expect(dump(text)).toEqual([
      '(from "debian:12")',
      '(label "maintainer" "Jane Roe <jane@example.com>" "")',
      '(copy "src" "/app/src")',
      '(add "archive.tar" "/opt/")',
      '(add "null" "/")',
      '(copy "my file.txt" "/data/my file.txt")',
      '(add "a" "b" "/dst/")',
    ]);
  });

  it('args: ARG words keep their quotes', () => {
    expect(dump('ARG VERSION LEVEL=3\nFROM alpine\nARG greeting="hello world" target\n')).toEqual([
      '(arg "VERSION" "LEVEL=3")',
      '(from "alpine")',
      raw`(arg "greeting=\"hello world\"" "target")`,
    ]);
  });

  it('continue-at-eof: a continuation on the last line', () => {
    expect(dump('FROM busybox\n\nRUN make \\')).toEqual(['(from "busybox")', '(run "make")']);
  });

  it('continueIndent: indentation of continued lines is kept, comments and blanks dropped', () => {
    const text = [
      'FROM busybox',
      'RUN echo one\\',
      '  two\\',
      'three',
      'RUN printf a  \\',
      '  b',
      'RUN echo x \\  ',
      'y',
      'RUN echo p \\',
      ' \\',
      ' q',
      'RUN echo start \\',
      '# a comment inside',
      '',
      '# another one',
      'the end',
      '',
    ].join('\n');
    expect(dump(text)).toEqual([
      '(from "busybox")',
      '(run "echo one  twothree")',
      '(run "printf a    b")',
      '(run "echo x y")',
      '(run "echo p   q")',
      '(run "echo start the end")',
    ]);
    expect(parseDockerfile(text).lints.map((l) => l.line)).toEqual([16]);
  });

  it('escape-after-comment: the escape directive is ignored after a comment', () => {
    const r = parseDockerfile('# just a comment\n# escape=`\n\nFROM busybox\nENV DIR \\\n/srv');
    expect(r.directives.escape).toBe('\\');
    expect(dumpNodes(r.nodes)).toEqual(['(from "busybox")', '(env "DIR" "/srv" "")']);
  });

  it('escape-nonewline: directive directly followed by a comment', () => {
    const r = parseDockerfile('# escape = `\n# no blank line after the directive\nFROM busybox\nENV DIR `\nC:\\data\n');
    expect(r.directives.escape).toBe('`');
    expect(dumpNodes(r.nodes)).toEqual(['(from "busybox")', raw`(env "DIR" "C:\\data" "")`]);
  });

  it('escape-with-syntax: escape after a syntax directive', () => {
    const r = parseDockerfile('# syntax = docker/dockerfile:1\n# escape = `\n\nFROM `\n    busybox\n');
    expect(r.directives).toEqual({ escape: '`', syntax: 'docker/dockerfile:1', check: null, lines: { syntax: 1, escape: 2 } });
    expect(dumpNodes(r.nodes)).toEqual(['(from "busybox")']);
  });

  it('escape: backtick continuation keeps backslashes literal', () => {
    expect(dump('#escape = `\n\nFROM busybox\nWORKDIR `\nC:\\app')).toEqual(['(from "busybox")', raw`(workdir "C:\\app")`]);
  });

  it('escapes: the default escape inside words and continuations', () => {
    const text = 'FROM busybox\nLABEL note Keep \\\\these\\\\ as "written"\\"\nRUN echo \\a && \\\n  echo \\"b\nCOPY \\src\\\\" /dst\nRUN x \\\n\ny \\\n\nz\nCMD [ "\\/usr\\\\\\"/bin", "-f" ]\n';
    expect(dump(text)).toEqual([
      '(from "busybox")',
      raw`(label "note" "Keep \\\\these\\\\ as \"written\"\\\"" "")`,
      raw`(run "echo \\a &&   echo \\\"b")`,
      raw`(copy "\\src\\\\\"" "/dst")`,
      '(run "x y z")',
      raw`(cmd "/usr\\\"/bin" "-f")`,
    ]);
  });

  it('env: new and legacy forms, quotes and escapes kept for the dispatcher', () => {
    const text = [
      'FROM busybox',
      'ENV k v',
      'ENV k=v',
      'ENV k=v k2=v2',
      'ENV k="v v1"',
      'ENV k=v\\ v2',
      `ENV k="v'q s'v2"`,
      `ENV k='v"d q"v2'`,
      'ENV k="a\\"b"',
      `ENV k='a\\'b'`,
      'ENV k=1 \\',
      '    k1=2 \\',
      '    k2="3a \\',
      '        3b" \\',
      '    k3="4\\n\\"x\\""',
      '',
    ].join('\n');
    expect(dump(text)).toEqual([
      '(from "busybox")',
      '(env "k" "v" "")',
      '(env "k" "v" "=")',
      '(env "k" "v" "=" "k2" "v2" "=")',
      raw`(env "k" "\"v v1\"" "=")`,
      raw`(env "k" "v\\ v2" "=")`,
      raw`(env "k" "\"v'q s'v2\"" "=")`,
      raw`(env "k" "'v\"d q\"v2'" "=")`,
      raw`(env "k" "\"a\\\"b\"" "=")`,
      raw`(env "k" "'a\\'b'" "=")`,
      raw`(env "k" "1" "=" "k1" "2" "=" "k2" "\"3a         3b\"" "=" "k3" "\"4\\n\\\"x\\\"\"" "=")`,
    ]);
  });

  it('flags: raw flags on the node, -- ends them', () => {
    const text = 'FROM scratch\nCOPY --chown=app:app src /dst/\nCOPY --unknown=1 src /dst/\nCOPY --a=1 --b -- --not-a-flag /dst/\nCOPY -- src /dst/\nCMD --verbose [ "run", "fast" ]\nCMD --x=1 -- [ ]\n';
    expect(dump(text)).toEqual([
      '(from "scratch")',
      '(copy ["--chown=app:app"] "src" "/dst/")',
      '(copy ["--unknown=1"] "src" "/dst/")',
      '(copy ["--a=1" "--b"] "--not-a-flag" "/dst/")',
      '(copy "src" "/dst/")',
      '(cmd ["--verbose"] "run" "fast")',
      '(cmd ["--x=1"])',
    ]);
  });

  it('health: HEALTHCHECK type word and command', () => {
    const text = 'FROM alpine\nHEALTHCHECK\nHEALTHCHECK --interval=30s --retries=5 \\\n  CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD\nHEALTHCHECK   CMD   x  y\nHEALTHCHECK --timeout=2s CMD ["probe"]\nHEALTHCHECK NONE\nHEALTHCHECK PING 1 2\n';
    expect(dump(text)).toEqual([
      '(from "alpine")',
      '(healthcheck)',
      '(healthcheck ["--interval=30s" "--retries=5"] "CMD" "curl -f http://localhost/ || exit 1")',
      '(healthcheck "CMD")',
      '(healthcheck "CMD" "x  y")',
      '(healthcheck ["--timeout=2s"] "CMD" "probe")',
      '(healthcheck "NONE")',
      '(healthcheck "PING" "1 2")',
    ]);
  });

  it('jeztah-invalid-json-*: invalid JSON falls back to the shell form', () => {
    const lines = [`CMD "[\\"sh\\", \\"-c\\"]"`, `CMD '["sh", "-c"]'`, `CMD ['sh','-c']`, `CMD ["sh", "-c"`, `CMD ["sh", "-c]`, `CMD ["sh", "-c",]`];
    const r = parseDockerfile(lines.join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.nodes.map((n) => [n.json, n.next])).toEqual(lines.map((l) => [false, [l.slice(4)]]));
  });

  it('json: the exec form decodes JSON strings', () => {
    const r = parseDockerfile('CMD []\nCMD [""]\nCMD ["x"]\nCMD [ "x" , "y" ]\nCMD\t[\t"x",\t"y"\t]\t\nCMD ["é ü", "\\u2603", "tab\\there", "\\" \\\\ \\/ \\u0000"]\n');
    expect(r.nodes.map((n) => [n.json, n.next])).toEqual([
      [true, []],
      [true, ['']],
      [true, ['x']],
      [true, ['x', 'y']],
      [true, ['x', 'y']],
      [true, ['é ü', '☃', 'tab\there', '" \\ / \u0000']],
    ]);
    expect(dumpNodes(r.nodes).at(-1)).toBe(raw`(cmd "é ü" "☃" "tab\there" "\" \\ / \x00")`);
  });

  it('kartar-entrypoint-oddities: legacy LABEL with quotes, JSON ENTRYPOINT with spaces', () => {
    expect(dump('FROM ubuntu\nLABEL maintainer Ann Example "ann@example.com"\nENV UPDATED_AT 2024-01-01\nEXPOSE 6379\nENTRYPOINT [ "/usr/bin/server" ]\n')).toEqual([
      '(from "ubuntu")',
      raw`(label "maintainer" "Ann Example \"ann@example.com\"" "")`,
      '(env "UPDATED_AT" "2024-01-01" "")',
      '(expose "6379")',
      '(entrypoint "/usr/bin/server")',
    ]);
  });

  it('lk4d4-the-edge-case-generator: ONBUILD, comments ending in a backslash, every form', () => {
    const text = [
      'FROM busybox',
      'ONBUILD RUN ["echo", "hi"]',
      'ONBUILD RUN echo hi',
      'ONBUILD COPY . /src',
      '# a comment ending in a backslash \\',
      'RUN ["ls", "-l"]',
      `RUN ["echo", "'1'"]`,
      `RUN echo 'x' && \\`,
      '    echo "y"',
      `RUN    sh -c 'echo a \\`,
      `        > /tmp/f'`,
      'ENV ALPHA 1 BETA 2',
      'ENV ALPHA "1 BETA 2"',
      '# CMD \\',
      `CMD echo 'done' | cat`,
      'EXPOSE 80 443 8080',
      'USER app:app',
      'VOLUME ["/data", "/logs"]',
      'VOLUME /cache',
      'WORKDIR /srv',
    ].join('\n');
    expect(dump(text)).toEqual([
      '(from "busybox")',
      '(onbuild (run "echo" "hi"))',
      '(onbuild (run "echo hi"))',
      '(onbuild (copy "." "/src"))',
      '(run "ls" "-l")',
      `(run "echo" "'1'")`,
      raw`(run "echo 'x' &&     echo \"y\"")`,
      `(run "sh -c 'echo a         > /tmp/f'")`,
      '(env "ALPHA" "1 BETA 2" "")',
      raw`(env "ALPHA" "\"1 BETA 2\"" "")`,
      `(cmd "echo 'done' | cat")`,
      '(expose "80" "443" "8080")',
      '(user "app:app")',
      '(volume "/data" "/logs")',
      '(volume "/cache")',
      '(workdir "/srv")',
    ]);
  });

  it('multiple-volumes: VOLUME with several paths', () => {
    expect(dump('FROM x\n\nVOLUME /var/a /etc/b /usr/c\n')).toEqual(['(from "x")', '(volume "/var/a" "/etc/b" "/usr/c")']);
  });

  it('trailing-backslash: an escaped backslash ends the line; a lone backslash continues', () => {
    const text = 'FROM scratch\nENV P C:\\\\dir\\\\\nENV Q next line\nENV R one\\\n\\\ntwo\nENV S one\\\n \\\ntwo\nENV T one \\\n\\\ntwo\n';
    expect(dump(text)).toEqual([
      '(from "scratch")',
      raw`(env "P" "C:\\\\dir\\\\" "")`,
      '(env "Q" "next line" "")',
      '(env "R" "onetwo" "")',
      '(env "S" "one two" "")',
      '(env "T" "one two" "")',
    ]);
  });

  it('brimstone-*: escape directive with the default token, tab-indented continuations with blank lines', () => {
    const text = '#escape=\\\nFROM golang:1.22\n\nENV GOPATH /go\n\n# Build it\nRUN apt-get update \\\n\t&& apt-get install -y git \\\n\n\t&& go build ./... \\\n    && rm -rf /var/lib/apt/lists\n';
    const r = parseDockerfile(text);
    expect(r.directives.lines).toEqual({ escape: 1 });
    expect(dumpNodes(r.nodes)).toEqual([
      '(from "golang:1.22")',
      '(env "GOPATH" "/go" "")',
      raw`(run "apt-get update \t&& apt-get install -y git \t&& go build ./...     && rm -rf /var/lib/apt/lists")`,
    ]);
    expect(r.lints.map((l) => [l.rule, l.line])).toEqual([['NoEmptyContinuation', 11]]);
    expect(r.nodes[2].prevComment).toEqual(['Build it']);
  });

  it('docker: a long comment header, tabs after keywords, continued ENV lists', () => {
    const text = '# How to build\n#\n# Usage:\n#   docker build -t x .\n#\n\nFROM\tubuntu:24.04\nLABEL\tmaintainer\tJane Doe <jane@example.com> (@jane)\n\nRUN\tapt-get update && apt-get install -y \\\n\tcurl \\\n\tgit\nENV\tPATH /usr/local/go/bin:$PATH\nENV PLATFORMS linux/amd64 linux/arm64 \\\n\tdarwin/amd64\n';
    const r = parseDockerfile(text);
    expect(dumpNodes(r.nodes)).toEqual([
      '(from "ubuntu:24.04")',
      '(label "maintainer" "Jane Doe <jane@example.com> (@jane)" "")',
      raw`(run "apt-get update && apt-get install -y \tcurl \tgit")`,
      '(env "PATH" "/usr/local/go/bin:$PATH" "")',
      raw`(env "PLATFORMS" "linux/amd64 linux/arm64 \tdarwin/amd64" "")`,
    ]);
    // the empty `#` that closes the header resets the comments
    expect(r.nodes[0].prevComment).toEqual([]);
  });

  it('cpuguy83-nagios, influxdb, mail, mumble, nginx, tf2, weechat, znc: everyday Dockerfiles', () => {
    const text = [
      'FROM ubuntu:22.04',
      'ENV APP_HOME /opt/app',
      'ENV APP_USER app',
      "RUN sed -i 's/main/main universe/' /etc/apt/sources.list",
      'RUN ( id -u $APP_USER || useradd --system $APP_USER -d ${APP_HOME} ) && mkdir -p ${APP_HOME}/etc',
      'ADD https://example.com/app-1.0.tar.gz?x=1&y=2 /tmp/app.tar.gz',
      'ADD conf /etc/app',
      'RUN export ROOT="DocumentRoot $(echo $APP_HOME/share)"; sed -i "s,Root.*,$ROOT," /etc/app/app.conf',
      'EXPOSE 80',
      'EXPOSE 443',
      'VOLUME ["/var/lib/app"]',
      'CMD [ "/usr/bin/app", "-f", "-r" ]',
      'CMD app --serve; tail -f /dev/null',
    ].join('\n');
    expect(dump(text)).toEqual([
      '(from "ubuntu:22.04")',
      '(env "APP_HOME" "/opt/app" "")',
      '(env "APP_USER" "app" "")',
      `(run "sed -i 's/main/main universe/' /etc/apt/sources.list")`,
      '(run "( id -u $APP_USER || useradd --system $APP_USER -d ${APP_HOME} ) && mkdir -p ${APP_HOME}/etc")',
      '(add "https://example.com/app-1.0.tar.gz?x=1&y=2" "/tmp/app.tar.gz")',
      '(add "conf" "/etc/app")',
      raw`(run "export ROOT=\"DocumentRoot $(echo $APP_HOME/share)\"; sed -i \"s,Root.*,$ROOT,\" /etc/app/app.conf")`,
      '(expose "80")',
      '(expose "443")',
      '(volume "/var/lib/app")',
      '(cmd "/usr/bin/app" "-f" "-r")',
      '(cmd "app --serve; tail -f /dev/null")',
    ]);
  });

  it('testfile-line: node lines (TestParseIncludesLineNumbers)', () => {
    const text = '# ESCAPE=\\\n\n\nFROM base\n\n# comment\n\nENV A \\\nb\n\nRUN one \\\n\t&& two \\\n\n    && three\n\n';
    expect(parseDockerfile(text).nodes.map((n) => [n.startLine, n.endLine])).toEqual([
      [4, 4],
      [8, 9],
      [11, 14],
    ]);
  });

  it('testfiles-negative: inputs BuildKit refuses', () => {
    expect(parseDockerfile('').errors.map((e) => e.message)).toEqual(['file with no instructions']);
    expect(parseDockerfile('# a\n# b\n').errors.map((e) => e.message)).toEqual(['file with no instructions']);
    expect(parseDockerfile('FROM a\nENV NOVALUE\n').errors.map((e) => [e.line, e.message])).toEqual([[2, 'ENV must have two arguments']]);
    expect(parseDockerfile('CMD [ "a", [ "b" ] ]\n').errors.map((e) => e.message)).toEqual([
      'when using JSON array syntax, arrays must be comprised of strings only',
    ]);
  });
});

describe('TestParseExtractsHeredoc, in our words', () => {
  const h = (name: string, content: string, more: Partial<Heredoc> = {}): Heredoc => ({
    name,
    content,
    expand: true,
    chomp: false,
    fileDescriptor: 0,
    ...more,
  });
  const text = [
    'FROM busybox',
    '',
    'ENV WHO=me',
    'RUN true',
    'USER <<NOTHERE',
    'NOTHERE',
    'RUN <<NONE',
    'NONE',
    'RUN 4<<FD4',
    'FD4',
    'RUN "<<QUOTED"',
    'RUN <<KEEP',
    '\tone',
    '\ttwo',
    'KEEP',
    'RUN <<-STRIP',
    '\tthree',
    '\tfour',
    'STRIP',
    'RUN <<-STRIP2',
    '\tfive',
    '\t\tSTRIP2',
    "RUN <<-'RAW'",
    '\tno $WHO here',
    'RAW',
    'RUN <<BODY',
    '# not a comment',
    'echo ok # trailing',
    'BODY',
    'RUN --mount=type=cache,target=/c <<M',
    'echo m',
    'M',
    'COPY <<A <<B /out/',
    'a',
    'A',
    'b',
    'B',
    'COPY <<P <<Q /swap/',
    'Q',
    'P',
    'P',
    'Q',
    'COPY <<EOF /quotes',
    '"x"',
    "'y'",
    'EOF',
    'RUN <<PY python3',
    'print(1)',
    'PY',
    'COPY <<name.conf /etc/',
    'x=1',
    'name.conf',
    "RUN <<ab'c'",
    'body',
    'abc',
    "RUN <<ab\\'c",
    'body',
    "ab'c",
    "RUN <<'a'b\\'c",
    'body',
    "ab'c",
    "RUN <<'two words'",
    'body',
    'two words',
    'RUN <<$VAR',
    '$VAR',
    'RUN <<  SPACED',
    'SPACED',
    'RUN <<  SPACED2  > out',
    'SPACED2',
    '\t',
  ].join('\n');

  it('extracts every heredoc with name, body, expansion, chomp and descriptor', () => {
    const r = parseDockerfile(text);
    expect(r.errors).toEqual([]);
    const expected: (Heredoc[] | null)[] = [
      null, // ENV
      null, // RUN true
      null, // USER <<NOTHERE (USER takes no heredoc)
      null, // NOTHERE becomes an instruction of its own
      [h('NONE', '')],
      [h('FD4', '', { fileDescriptor: 4 })],
      null, // RUN "<<QUOTED"
      [h('KEEP', '\tone\n\ttwo\n')],
      // our model applies the <<- tab stripping to the content (BuildKit does it later)
      [h('STRIP', 'three\nfour\n', { chomp: true })],
      [h('STRIP2', 'five\n', { chomp: true })],
      [h('RAW', 'no $WHO here\n', { chomp: true, expand: false })],
      [h('BODY', '# not a comment\necho ok # trailing\n')],
      [h('M', 'echo m\n')],
      [h('A', 'a\n'), h('B', 'b\n')],
      [h('P', 'Q\n'), h('Q', 'P\n')],
      [h('EOF', `"x"\n'y'\n`)],
      [h('PY', 'print(1)\n')],
      [h('name.conf', 'x=1\n')],
      [h('abc', 'body\n', { expand: false })],
      [h("ab'c", 'body\n')],
      [h("ab'c", 'body\n', { expand: false })],
      [h('two words', 'body\n', { expand: false })],
      [h('$VAR', '')],
      [h('SPACED', '')],
      [h('SPACED2', '')],
    ];
    const got = r.nodes.slice(1).map((n) => (n.heredocs.length ? n.heredocs : null));
    expect(got).toEqual(expected);
  });

  it('leaves JSON-form instructions alone (TestParseJSONHeredoc)', () => {
    const r = parseDockerfile(`FROM a\nRUN ["whoami"]\nRUN ["<<EOF"]\nRUN ["<<'EOF'"]\n`);
    expect(r.nodes.slice(1).map((n) => n.heredocs)).toEqual([[], [], []]);
  });
});

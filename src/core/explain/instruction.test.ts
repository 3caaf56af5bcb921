/** The explain panel's text, reads, writes and links, about THIS Dockerfile. */
import { describe, expect, it } from 'vitest';
import { explainInstruction } from './instruction.ts';
import { detailOf, DIAMOND, GO_APP, GO_FILES, GO_IGNORE, NODE_FILES, NODE_GOOD, NODE_IGNORE, NODE_WRONG } from './fixtures.ts';

const node = () => detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE);
const go = () => detailOf(GO_APP, GO_FILES, GO_IGNORE);
const at = (d: ReturnType<typeof node>, line: number) => {
  const e = explainInstruction(d, line);
  if (!e) throw new Error(`no explanation at line ${line}`);
  return e;
};
const examples = (e: { links: { example?: string }[] }) => e.links.map((l) => l.example).filter(Boolean);
const rules = (e: { links: { rule?: string }[] }) => e.links.map((l) => l.rule).filter(Boolean);

describe('explainInstruction: locating', () => {
  it('null outside instructions, for bad lines, and without a dispatch', () => {
    const d = node();
    expect(explainInstruction(d, 7)).toBeNull(); // blank line between stages
    expect(explainInstruction(d, 0)).toBeNull();
    expect(explainInstruction(d, 999)).toBeNull();
    expect(explainInstruction(d, 1.5)).toBeNull();
    expect(explainInstruction({ ...d, dispatch: null }, 1)).toBeNull();
  });

  it('every line of a multi-line instruction (continuations, heredoc body) explains that instruction', () => {
    const df = ['FROM alpine', 'RUN apk add \\', '    curl', 'COPY <<EOF /etc/motd', 'hello', 'EOF', ''].join('\n');
    const d = detailOf(df);
    expect([2, 3].map((l) => at(d, l).line)).toEqual([2, 2]);
    expect([4, 5, 6].map((l) => [at(d, l).line, at(d, l).endLine])).toEqual([[4, 6], [4, 6], [4, 6]]);
  });
});

describe('explainInstruction: COPY', () => {
  it('COPY . . in the Node build stage: the files, the ignored ones, where they go, the cache', () => {
    const e = at(node(), 5);
    expect(e.title).toBe('COPY · line 5 · stage "build"');
    expect(e).toMatchObject({ keyword: 'COPY', stage: 0, runsForTarget: true, line: 5, endLine: 5 });
    expect(e.text).toBe(
      [
        'Copies 7 files from the build context (src/… (2 files), .dockerignore, Dockerfile, package-lock.json and 2 more) into /app ("." is relative to WORKDIR /app) in stage "build".' +
          ' "." is the whole build context, after .dockerignore.' +
          ' .dockerignore keeps 2 files under it out of the context (README.md, node_modules/… (1 file)).' +
          ' 2 of them reach the final image through another instruction, not this one. 5 of them do not reach the final image.',
        'BuildKit re-runs this step when any of these 7 files changes, and then every build step after it in stage "build".',
        'Stage "build" runs for target "runtime" (line 12 copies from it), but is not shipped: only what is copied out of it reaches the image.',
      ].join('\n\n'),
    );
    expect(e.reads).toEqual(['.dockerignore', 'Dockerfile', 'package-lock.json', 'package.json', 'src/index.ts', 'src/util.ts', 'tsconfig.json']);
    expect(e.readsFrom.every((r) => r.from === 'context')).toBe(true);
    expect(e.writes).toEqual(['/app/.dockerignore', '/app/Dockerfile', '/app/package-lock.json', '/app/package.json', '/app/src/index.ts', '/app/src/util.ts', '/app/tsconfig.json']);
    expect(e.links).toContainEqual({ label: 'Dockerfile reference: COPY', url: 'https://docs.docker.com/reference/dockerfile/#copy' });
  });

  it('the lockfile COPY before npm ci: the install stays cached', () => {
    const e = at(node(), 3);
    expect(e.reads).toEqual(['package-lock.json', 'package.json']);
    expect(e.text).toContain('It copies only dependency manifests, so "npm ci" at line 4 stays cached while other sources change.');
    expect(examples(e)).toEqual(['node-typescript']);
  });

  it('the wrong order: COPY . . before npm ci says the install re-runs on every edit', () => {
    const e = at(detailOf(NODE_WRONG, NODE_FILES, NODE_IGNORE), 3);
    expect(e.text).toContain('Because "npm ci" (line 4) comes after it, editing any of these files (src/… (2 files), .dockerignore, Dockerfile and 1 more) installs the dependencies again.');
    expect(e.text).toContain('All of them reach the final image through this copy.');
    expect(examples(e)).toEqual(['node-typescript']);
  });

  it('COPY --from a stage: paths from its root, it waits, unknown RUN output', () => {
    const e = at(node(), 12);
    expect(e.text.split('\n\n')[0]).toBe(
      'Copies /app/dist from stage "build" (line 1) into /app/dist ("./dist" is relative to WORKDIR /app) in stage "runtime".' +
        ' BuildKit waits here until stage "build" is built, and this step re-runs when that stage changes what it copies.' +
        ' What it holds is made by RUN steps in stage "build", so the exact files are not known until the build runs.',
    );
    expect(e.reads).toEqual(['stage "build": /app/dist']);
    expect(e.readsFrom).toEqual([{ from: 'stage:0', path: '/app/dist' }]);
    expect(e.writes).toEqual(['/app/dist']);
  });

  it('COPY --from with a relative source: not relative to the source stage WORKDIR', () => {
    const df = ['FROM alpine AS b', 'WORKDIR /work', 'COPY a.txt out/a.txt', 'FROM alpine', 'COPY --from=b out /srv/', ''].join('\n');
    const e = at(detailOf(df, ['a.txt']), 5);
    expect(e.text).toContain('Source paths are taken from the root of stage "b", not from its WORKDIR: "out" means /out (its WORKDIR /work does not apply).');
  });

  it('COPY --from a Go/Rust toolchain stage onto another C library: the static-linking hint', () => {
    const hint = (build: string, run: string) =>
      at(detailOf([`FROM ${build} AS build`, 'RUN go build -o /app .', `FROM ${run}`, 'COPY --from=build /app /app', ''].join('\n')), 4).text.includes('If this is a compiled binary');
    expect(hint('golang:1.22', 'alpine:3.20')).toBe(true);
    expect(hint('golang:1.22', 'scratch')).toBe(true);
    expect(hint('rust:1.83', 'gcr.io/distroless/static-debian12')).toBe(true);
    expect(hint('golang:1.22-alpine', 'alpine:3.20')).toBe(false);
    expect(hint('golang:1.22', 'gcr.io/distroless/base-debian12')).toBe(false);
    expect(hint('node:22', 'nginx:alpine')).toBe(false);
    const text = at(detailOf(['FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM scratch', 'COPY --from=build /app /app', ''].join('\n')), 4).text;
    expect(text).toContain(
      'If this is a compiled binary: stage "build" builds on golang:1.22 (glibc), while stage 1 runs on scratch (no C library at all). A dynamically linked binary will not start there: link it statically (CGO_ENABLED=0 for Go, the musl target for Rust) or use a matching base.',
    );
  });

  it('COPY --from a name that is no stage: an image pull, with a typo hint', () => {
    const df = ['FROM golang:1.22 AS build', 'RUN go build -o /app', 'FROM alpine', 'COPY --from=biuld /app /app', ''].join('\n');
    const e = at(detailOf(df), 4);
    expect(e.text).toContain('--from=biuld names no stage of this file, so BuildKit pulls biuld and copies from it');
    expect(e.text).toContain('Did you mean stage "build"?');
    expect(e.readsFrom).toEqual([{ from: 'image:biuld', path: '/app' }]);
  });

  it('--exclude, a directory source and .dockerignore in one COPY', () => {
    const df = ['FROM nginx:alpine', 'COPY --exclude=*.map static/ /usr/share/nginx/html/', ''].join('\n');
    const e = at(detailOf(df, ['static/app.js', 'static/app.js.map', 'static/tmp.log'], '*.log\n**/*.log\n'), 2);
    expect(e.reads).toEqual(['static/app.js']);
    expect(e.text).toContain('"static/" is a directory: its contents are copied into the destination, not the directory itself.');
    expect(e.text).toContain('.dockerignore keeps 1 file under it out of the context (static/… (1 file)).');
    expect(e.text).toContain('--exclude=*.map leaves out 1 more file (static/… (1 file)).');
    expect(e.writes).toEqual(['/usr/share/nginx/html/app.js']);
  });

  it('a heredoc COPY, an ADD of a URL and of a local archive', () => {
    const df = ['FROM alpine', 'COPY <<EOF /etc/motd', 'hi $USER', 'EOF', 'ADD https://example.com/a.tgz /dl/', 'ADD vendor.tar.gz /opt/', ''].join('\n');
    const d = detailOf(df, ['vendor.tar.gz']);
    const h = at(d, 3);
    expect(h.text).toContain('Writes the heredoc <<EOF (1 line) to /etc/motd in stage 0. Variables in it are expanded, because the delimiter is not quoted.');
    expect(h.readsFrom).toEqual([{ from: 'heredoc', path: 'EOF' }]);
    expect(h.writes).toEqual(['/etc/motd']);
    const url = at(d, 5);
    expect(url.text).toContain('Downloads https://example.com/a.tgz into /dl. It is not read from the build context; add --checksum=sha256:… to pin its content.');
    expect(url.readsFrom).toEqual([{ from: 'url', path: 'https://example.com/a.tgz' }]);
    expect(at(d, 6).text).toContain('ADD unpacks local tar archives: vendor.tar.gz is extracted into the destination, not copied as a file.');
  });

  it('COPY after USER: the files still belong to root', () => {
    const df = ['FROM alpine', 'USER app', 'COPY a.txt /home/app/', 'COPY --chown=app a.txt /home/app/b.txt', ''].join('\n');
    const d = detailOf(df, ['a.txt']);
    expect(at(d, 3).text).toContain('The files belong to root (0:0): COPY ignores USER app; add --chown=app if that user must write them.');
    expect(at(d, 4).text).toContain('--chown=app sets the owner of the copied files.');
  });

  it('a COPY in a stage the target skips: would copy, resolved against the inherited WORKDIR', () => {
    const e = at(go(), 10);
    expect(e.runsForTarget).toBe(false);
    expect(e.text).toBe(
      'Would copy testdata/ from the build context into /src/testdata ("./testdata/" is relative to WORKDIR /src) in stage "test".\n\n' +
        'Stage "test" does not run for target "runtime": the target neither builds on it, copies from it nor mounts it, so BuildKit skips it. Values here are shown as written, not expanded.',
    );
    expect(e.reads).toEqual([]);
  });
});

describe('explainInstruction: RUN', () => {
  it('npm ci after COPY . .: the install re-runs on every source edit', () => {
    const e = at(detailOf(NODE_WRONG, NODE_FILES, NODE_IGNORE), 4);
    expect(e.text).toContain('Runs "npm ci" with /bin/sh -c in /app, in stage 0.');
    expect(e.text).toContain('So it re-runs when any of the 7 context files copied before it in this stage changes (line 3).');
    expect(e.text).toContain('This looks like a dependency install, yet source files (src/… (2 files), .dockerignore, Dockerfile and 1 more) are copied before it');
    expect(examples(e)).toEqual(['node-typescript', 'cache-mounts']);
    expect(e.reads).toEqual([]);
    expect(e.writes).toEqual([]);
  });

  it('which RUN steps count as a dependency install (the lockfile-first advice)', () => {
    const flagged = (run: string) =>
      at(detailOf(['FROM python:3.12', 'WORKDIR /src', 'COPY . .', `RUN ${run}`, ''].join('\n'), ['pyproject.toml', 'app/main.py']), 4).text.includes('This looks like a dependency install');
    expect(flagged('pip install -r requirements.txt')).toBe(true);
    expect(flagged('./mvnw dependency:go-offline')).toBe(true);
    expect(flagged('go mod download')).toBe(true);
    expect(flagged('poetry install --no-root')).toBe(true);
    expect(flagged('pip install .')).toBe(false); // installs the project: it needs the sources
    expect(flagged('pip install --no-deps -e .')).toBe(false);
    expect(flagged('poetry install')).toBe(false);
    expect(flagged('cargo build --release')).toBe(false);
    expect(flagged('make')).toBe(false);
  });

  it('one file copied before a RUN: singular wording', () => {
    const e = at(detailOf(['FROM python:3.12', 'COPY requirements.txt /src/', 'RUN pip install -r /src/requirements.txt', ''].join('\n'), ['requirements.txt']), 3);
    expect(e.text).toContain('So it re-runs when the context file copied before it in this stage (requirements.txt, line 2) changes.');
    expect(e.text).toContain('Only dependency manifests are copied before it, so editing your sources leaves it cached.');
  });

  it('npm ci after the lockfile only: cached while sources change', () => {
    expect(at(node(), 4).text).toContain('Only dependency manifests are copied before it, so editing your sources leaves it cached.');
  });

  it('mounts: cache, secret, bind of the context (relative target joined to WORKDIR), tmpfs, ssh', () => {
    const df = [
      'FROM golang:1.22',
      'WORKDIR /src',
      'RUN --mount=type=cache,target=/go/pkg/mod \\',
      '    --mount=type=secret,id=netrc,target=/root/.netrc \\',
      '    --mount=type=bind,source=internal,target=internal \\',
      '    --mount=type=tmpfs,target=/tmp \\',
      '    --mount=type=ssh \\',
      '    go mod download',
      '',
    ].join('\n');
    const e = at(detailOf(df, ['internal/a.go', 'internal/b.go', 'main.go']), 3);
    expect(e.endLine).toBe(8);
    expect(e.text).toContain('Runs "go mod download" with /bin/sh -c in /src');
    expect(e.text).toContain('A cache mount at /go/pkg/mod: its contents stay on this builder between builds');
    expect(e.text).toContain('are not part of the cache key, so they never make this step re-run');
    expect(e.text).toContain('The secret "netrc" is available at /root/.netrc only while this command runs: it is not stored in the image, in any layer, or in the cache key');
    expect(e.text).toContain('Mounts internal from the build context (2 files) at /src/internal, read-only');
    expect(e.text).toContain('A tmpfs at /tmp');
    expect(e.text).toContain('Forwards the SSH agent');
    expect(e.text).toContain('unless a step before it in stage 0 re-ran, or a mounted context file changed');
    expect(e.reads).toEqual(['internal/a.go', 'internal/b.go']);
    expect(examples(e)).toContain('secret-mount');
  });

  it('a mount from another stage', () => {
    const df = ['FROM alpine AS tools', 'RUN apk add jq', 'FROM alpine', 'RUN --mount=from=tools,source=/usr/bin/jq,target=/jq /jq --version', ''].join('\n');
    const e = at(detailOf(df), 4);
    expect(e.text).toContain('Mounts /usr/bin/jq of stage "tools" at /jq, read-only: nothing of it is stored in the image.');
    expect(e.text).toContain('BuildKit waits for stage "tools" first, and this step re-runs when that stage changes.');
    expect(e.readsFrom).toEqual([{ from: 'stage:0', path: '/usr/bin/jq' }]);
  });

  it('exec form, scratch, a variable in a mount option that is not defined', () => {
    const df = ['ARG V=1', 'FROM scratch', 'RUN --mount=type=cache,target=/c/$V echo hi', 'RUN ["/bin/true"]', ''].join('\n');
    const d = detailOf(df);
    const shell = at(d, 3);
    expect(shell.text).toContain('This stage starts from scratch, which has no /bin/sh');
    expect(shell.text).toContain('A cache mount at /c:');
    expect(shell.text).toContain('$V is not defined at this point of the stage (an ARG before the first FROM must be redeclared inside the stage).');
    expect(rules(shell)).toContain('UndefinedVar');
    expect(at(d, 4).text).toContain('Runs ["/bin/true"] directly (exec form: no shell, so no $VARIABLE expansion, && or pipes) in /, in stage 0.');
  });
});

describe('explainInstruction: FROM, ARG, ENV, WORKDIR, USER, CMD', () => {
  it('FROM with a global ARG, a platform, a mixed-case name and the size hint', () => {
    const df = ['ARG GO_VERSION=1.22', 'FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS Build', 'RUN go version', ''].join('\n');
    const e = at(detailOf(df), 2);
    expect(e.title).toBe('FROM · line 2 · stage "build"');
    expect(e.text).toContain('Starts stage "build" from the image golang:1.22-alpine.');
    expect(e.text).toMatch(/Size: ~250 MB unpacked, ~75 MB to download \(a rough approximation for golang:\*-alpine as of \d{4}-\d{2}, not a measurement\)\./);
    expect(e.text).toContain('"golang:${GO_VERSION}-alpine" expands to "golang:1.22-alpine" with GO_VERSION="1.22" (line 1). FROM only sees ARGs declared before the first FROM');
    expect(e.text).toContain('Using $BUILDPLATFORM runs the stage natively on the builder');
    expect(e.text).toContain('BuildKit lower-cases stage names ("Build" becomes "build").');
    expect(e.readsFrom).toEqual([{ from: 'image:golang:1.22-alpine', path: '/' }]);
    expect(examples(e)).toContain('arg-variants');
  });

  it('FROM an undeclared ARG', () => {
    const e = at(detailOf('FROM alpine:${TAG}\n'), 1);
    expect(e.text).toContain('TAG is not declared before the first FROM, so it expands to an empty string.');
    expect(rules(e)).toContain('UndefinedArgInFrom');
  });

  it('FROM a stage, FROM a stage defined later, FROM scratch', () => {
    const d = detailOf(DIAMOND);
    expect(at(d, 3).text).toContain('Starts stage "build" from where stage "deps" (line 1) ends: its files');
    expect(at(d, 8).text).toContain('Starts stage "lint" from scratch');
    expect(examples(at(d, 8))).toEqual(['go-scratch', 'test-stage']);
    const later = at(detailOf('FROM later\nFROM alpine AS later\n'), 1);
    expect(later.text).toContain('Stage "later" is defined later (line 2): FROM only links to stages defined before it, so this is an image pull.');
  });

  it('stage roles: target, base of the target, copied from, skipped', () => {
    const d = detailOf(DIAMOND);
    expect(at(d, 12).text.endsWith('Stage "final" is the target: what it ends with is the image.')).toBe(true);
    expect(at(d, 1).text.endsWith('Stage "deps" runs for target "final" (line 3 builds on it), but is not shipped: only what is copied out of it reaches the image.')).toBe(true);
    expect(at(d, 6).text.endsWith('Stage "web" runs for target "final" (line 13 copies from it), but is not shipped: only what is copied out of it reaches the image.')).toBe(true);
    expect(at(d, 9).runsForTarget).toBe(false);
    const r = detailOf(DIAMOND, [], null, 'report');
    expect(at(r, 9).text.endsWith('Stage "lint" runs for target "report", which builds on it (FROM), so its files and settings carry into the image.')).toBe(true);
  });

  it('global ARG: FROM-only scope, redeclaration, uses that expand to nothing', () => {
    const df = ['ARG V=1.0', 'FROM alpine:${V} AS a', 'WORKDIR /opt/$V', 'FROM alpine AS b', 'ARG V', 'WORKDIR /opt/$V', ''].join('\n');
    const d = detailOf(df, [], null, 'b');
    const e = at(d, 1);
    expect(e.title).toBe('ARG · line 1 · global (before the first FROM)');
    expect(e.stage).toBeNull();
    expect(e.runsForTarget).toBeNull();
    expect(e.text).toContain('Declares the global build argument V with default "1.0". FROM uses it at line 2.');
    expect(e.text).toContain('To use V inside a stage, write "ARG V" (no value) in that stage: it then takes this value. Redeclared in stage "b" at line 5.');
    const a = detailOf(df, [], null, 'a');
    expect(at(a, 1).text).toContain('line 3 uses $V in a stage that does not redeclare it, where it expands to an empty string.');
    expect(rules(at(a, 1))).toContain('UndefinedVar');
    expect(at(a, 3).writes).toEqual(['/opt']);
    expect(at(d, 6).writes).toEqual(['/opt/1.0']);
  });

  it('ARG in a stage: global value, predeclared platform args, build args', () => {
    const df = ['ARG V=1.0', 'FROM alpine', 'ARG V', 'ARG TARGETARCH', 'ARG MODE=dev', ''].join('\n');
    const d = detailOf(df);
    expect(at(d, 3).text).toContain('no default here, so it takes the global value "1.0" declared before the first FROM (line 1)');
    expect(at(d, 4).text).toContain('BuildKit predeclares it ("amd64" here');
    expect(at(d, 5).text).toContain('Declares the build argument MODE in stage 0: default "dev".');
    const withArg = detailOf(df.replace('FROM alpine', 'FROM alpine'), [], null, null);
    expect(explainInstruction({ ...withArg, dispatch: { ...withArg.dispatch!, buildArgs: { MODE: 'prod' } } }, 5)!.text).toContain('--build-arg sets it to "prod"');
  });

  it('ENV: scope, image config, pairs of one ENV do not see each other', () => {
    const d = detailOf(['FROM alpine AS b', 'ENV A=1 B=$A', 'FROM alpine', 'ENV C=3', 'COPY --from=b /x /x', ''].join('\n'));
    const e = at(d, 2);
    expect(e.text).toContain('Sets A=1 and B= for every later instruction of stage "b"');
    expect(e.text).toContain("The target does not build on this stage, so it is not in the image's environment.");
    expect(e.text).toContain('The pairs of one ENV do not see each other: B uses the value from before this line.');
    expect(at(d, 4).text).toContain('It is stored in the image config, so containers started from the image see it too.');
  });

  it('WORKDIR: relative to the previous one, and the first relative one', () => {
    const d = detailOf(['FROM alpine', 'WORKDIR app', 'WORKDIR src', ''].join('\n'));
    const first = at(d, 2);
    expect(first.text).toContain('"app" is relative: it joins the previous working directory /, giving /app.');
    expect(rules(first)).toEqual(['WorkdirRelativePath']);
    expect(first.writes).toEqual(['/app']);
    const second = at(d, 3);
    expect(second.text).toContain('"src" is relative: it joins the previous working directory /app, giving /app/src.');
    expect(rules(second)).toEqual([]);
  });

  it('USER on distroless by name, CMD in shell form before an ENTRYPOINT, an overridden CMD', () => {
    const df = ['FROM gcr.io/distroless/static-debian12', 'USER app', 'CMD /app --serve', 'CMD ["--serve"]', 'ENTRYPOINT ["/app"]', ''].join('\n');
    const d = detailOf(df);
    expect(at(d, 2).text).toContain('which has only the root, nonroot and nobody users: use a numeric UID such as 65532.');
    const cmd = at(d, 3);
    expect(cmd.text).toContain('Shell form: it runs as /bin/sh -c "/app --serve", so the shell is usually PID 1');
    expect(cmd.text).toContain('Only the last CMD of a stage counts: line 4 replaces this one.');
    expect(rules(cmd)).toEqual(expect.arrayContaining(['JSONArgsRecommended', 'MultipleInstructionsDisallowed']));
    expect(at(d, 4).text).toContain('With the ENTRYPOINT at line 5, this CMD becomes its default arguments.');
  });

  it('metadata in a stage the image does not build on', () => {
    const d = detailOf(['FROM alpine AS b', 'EXPOSE 8080', 'LABEL a=b', 'FROM alpine', ''].join('\n'));
    expect(at(d, 2).text).toContain('Stage "b" is not the target and the target does not build on it, so this setting is not in the image.');
  });

  it('parser directives', () => {
    const d = detailOf('# syntax=docker/dockerfile:1\n# check=skip=all\nFROM alpine\n');
    expect(at(d, 1)).toMatchObject({ keyword: '# syntax', stage: null, runsForTarget: null });
    expect(at(d, 1).text).toContain('Selects the Dockerfile frontend docker/dockerfile:1');
    expect(at(d, 2).text).toContain("Configures BuildKit's build checks: skip=all.");
  });
});

describe('explainInstruction: every line of every fixture', () => {
  it('never throws, and each answer covers its line', () => {
    const cases = [node(), go(), detailOf(NODE_WRONG, NODE_FILES, NODE_IGNORE), detailOf(DIAMOND), detailOf(DIAMOND, [], null, 'report')];
    for (const d of cases) {
      const n = d.dispatch!.instructions.parsed.lines.length;
      for (let l = 1; l <= n; l++) {
        const e = explainInstruction(d, l);
        if (!e) continue;
        expect(l).toBeGreaterThanOrEqual(e.line);
        expect(l).toBeLessThanOrEqual(e.endLine);
        expect(e.text.length).toBeGreaterThan(0);
        expect(e.reads.length).toBe(e.readsFrom.length);
      }
    }
  });
});

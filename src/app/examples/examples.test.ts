import { describe, expect, test } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import type { Analysis } from '../../core/types.ts';
import type { Workspace } from '../workspace.ts';
import { decodeShareLink, encodeShareLink } from '../share/link.ts';
import { examples, exampleById, pristineWorkspaces, type Example } from './index.ts';

/** The page's build context (CONTRACT.md section 4): the file list plus Dockerfile and .dockerignore. */
function contextOf(ws: Workspace): string[] {
  const files = new Set(['Dockerfile', ...(ws.dockerignore !== '' ? ['.dockerignore'] : []), ...ws.files]);
  return [...files];
}

function run(ws: Workspace, patch: Partial<Workspace> = {}): Analysis {
  const w = { ...ws, ...patch };
  return analyze({ dockerfile: w.dockerfile, files: contextOf(w), dockerignore: w.dockerignore, target: w.target, buildArgs: w.buildArgs });
}

const finalPaths = (a: Analysis) => a.final.map((f) => f.path).sort();
const withStatus = (a: Analysis, status: string) => Object.keys(a.context).filter((p) => a.context[p] === status);
const stageIndex = (a: Analysis, name: string) => {
  const s = a.stages.find((st) => st.name === name);
  if (!s) throw new Error(`no stage ${name}`);
  return s.index;
};
const get = (id: string): Example => {
  const e = exampleById(id);
  if (!e) throw new Error(`no example ${id}`);
  return e;
};
const diagnosticsText = (a: Analysis) => a.diagnostics.map((d) => `${d.severity} ${d.rule} line ${d.line}: ${d.message}`).join('\n');

describe('the gallery', () => {
  test('at least 12 examples with unique, stable ids', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
    const ids = examples.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(exampleById('go-distroless')?.title).toMatch(/distroless/);
    expect(exampleById('nope')).toBeUndefined();
    expect(exampleById(null)).toBeUndefined();
  });

  test.each(examples.map((e) => [e.id, e] as const))('%s: complete, realistic and in the house style', (_id, e) => {
    expect(e.title.length).toBeGreaterThan(5);
    expect(e.summary.length).toBeGreaterThan(20);
    const sentences = e.notice.split(/(?<=[.!?])\s+(?=[A-Z"(.])/).length;
    expect(sentences, e.notice).toBeGreaterThanOrEqual(2);
    expect(sentences, e.notice).toBeLessThanOrEqual(4);
    expect(e.notice).not.toMatch(/[<>]/); // plain text
    expect(e.tags.length).toBeGreaterThan(0);
    for (const ws of [e.workspace, e.before].filter((w): w is Workspace => w !== undefined)) {
      expect(ws.example).toBe(e.id);
      expect(ws.target).toBeNull();
      expect(ws.files.length).toBeGreaterThanOrEqual(20);
      expect(ws.files.length).toBeLessThanOrEqual(80);
      expect(new Set(ws.files).size).toBe(ws.files.length);
      expect(ws.files).toContain('.git/HEAD');
      expect(ws.dockerignore).not.toBe('');
      const lines = ws.dockerfile.split('\n');
      expect(lines[0]).toBe('# syntax=docker/dockerfile:1');
      expect(ws.dockerfile.endsWith('\n')).toBe(true);
      for (const line of lines) {
        expect(line, line).not.toMatch(/^FROM .* as /); // AS in upper case
        expect(line, line).not.toMatch(/^(CMD|ENTRYPOINT) [^[]/); // JSON form
        expect(line, line).not.toMatch(/:latest\b/);
        expect(line, line).not.toMatch(/\s$/);
      }
    }
  });

  test('every example survives a share link', () => {
    for (const e of examples) {
      expect(decodeShareLink(encodeShareLink(e.workspace, 'https://stagecraft.example/'))).toEqual({
        ok: true,
        workspace: e.workspace,
        source: 'fragment',
      });
    }
  });

  test('pristine workspaces: every after and before', () => {
    expect(pristineWorkspaces()).toHaveLength(examples.length + examples.filter((e) => e.before).length);
  });
});

describe('each example analyses cleanly', () => {
  test.each(examples.map((e) => [e.id, e] as const))('%s', (_id, e) => {
    const a = run(e.workspace);
    const problems = a.diagnostics.filter((d) => d.severity !== 'info');
    // The "after" shows good practice: no error, no warning.
    expect(problems, diagnosticsText(a)).toEqual([]);
    expect(a.target).toBe(a.stages.length - 1);
    expect(a.stages.length).toBeGreaterThanOrEqual(2);
    // Things that must never be sent to the builder are ignored.
    for (const p of e.workspace.files) {
      if (/^(\.git|node_modules|\.venv|target)\//.test(p) || (/^\.env(\.[a-z]+)?$/.test(p) && p !== '.env.example')) {
        expect(a.context[p], p).toBe('ignored');
      }
    }
    if (e.before) {
      const b = run(e.before);
      expect(b.diagnostics.filter((d) => d.severity === 'error'), diagnosticsText(b)).toEqual([]);
      expect(b.stages).toHaveLength(1);
      // the single-stage variant ships more of the context
      expect(withStatus(b, 'final').length).toBeGreaterThan(withStatus(a, 'final').length);
    }
  });
});

describe('each example shows its point', () => {
  test('go-distroless: the final image holds only the binary', () => {
    const a = run(get('go-distroless').workspace);
    expect(finalPaths(a)).toEqual(['/api']);
    expect(a.stages[a.target!].base).toMatch(/^gcr\.io\/distroless\/static/);
    expect(a.context['cmd/api/main.go']).toBe('build-only');
    expect(a.context['go.sum']).toBe('build-only');
    expect(withStatus(a, 'final')).toEqual([]);
    const before = run(get('go-distroless').before!);
    expect(before.context['cmd/api/main.go']).toBe('final');
    expect(before.diagnostics.map((d) => d.rule)).toContain('ToolchainInFinalStage');
  });

  test('go-scratch: the binary and the CA bundle, nothing else', () => {
    const a = run(get('go-scratch').workspace);
    expect(finalPaths(a)).toEqual(['/etc/ssl/certs/ca-certificates.crt', '/worker']);
    expect(a.stages[a.target!].base).toBe('scratch');
    expect(a.context['vendor/modules.txt']).toBe('build-only');
  });

  test('node-typescript: dist from the build, production manifests, sources build-only', () => {
    const a = run(get('node-typescript').workspace);
    const build = stageIndex(a, 'build');
    expect(a.final.find((f) => f.path === '/app/dist')?.from).toBe(`stage:${build}`);
    expect(a.context['package.json']).toBe('final');
    expect(a.context['src/server.ts']).toBe('build-only');
    expect(a.context['tsconfig.json']).toBe('build-only');
    expect(a.context['node_modules/express/package.json']).toBe('ignored');
    expect(a.context['dist/server.js']).toBe('ignored');
    expect(get('node-typescript').workspace.dockerfile).toContain('npm ci --omit=dev');
  });

  test('vite-nginx: the built site and the server config on nginx', () => {
    const a = run(get('vite-nginx').workspace);
    expect(finalPaths(a)).toEqual(['/etc/nginx/conf.d/default.conf', '/usr/share/nginx/html']);
    expect(a.context['src/App.tsx']).toBe('build-only');
    expect(a.context['src/components/ProductList.test.tsx']).toBe('ignored');
    expect(a.stages[a.target!].base).toMatch(/nginx/);
  });

  test('python-wheels: wheels arrive through a bind mount, never a layer', () => {
    const a = run(get('python-wheels').workspace);
    const build = stageIndex(a, 'build');
    expect(a.edges).toContainEqual(expect.objectContaining({ from: `stage:${build}`, to: a.target, kind: 'mount' }));
    expect(a.edges.filter((e) => e.kind === 'copy')).toEqual([]);
    expect(a.final.some((f) => f.path.startsWith('/wheels'))).toBe(false);
    expect(a.context['app/views.py']).toBe('build-only');
    expect(a.context['tests/test_views.py']).toBe('ignored');
  });

  test('python-venv: one virtualenv copied in', () => {
    const a = run(get('python-venv').workspace);
    const build = stageIndex(a, 'build');
    expect(a.final.find((f) => f.path === '/opt/venv')?.from).toBe(`stage:${build}`);
    expect(a.context['src/shop/api.py']).toBe('build-only');
    expect(a.stages[0].base).toBe(a.stages[1].base); // same Python at the same path
  });

  test('rust-cached-deps: manifests first, one binary out', () => {
    const e = get('rust-cached-deps');
    const a = run(e.workspace);
    expect(finalPaths(a)).toEqual(['/usr/local/bin/ledger']);
    expect(a.context['Cargo.lock']).toBe('build-only');
    expect(a.context['target/release/ledger']).toBe('ignored');
    const lines = e.workspace.dockerfile.split('\n');
    expect(lines.findIndex((l) => l.startsWith('COPY Cargo.toml'))).toBeLessThan(lines.findIndex((l) => l.startsWith('COPY src/')));
  });

  test('java-spring-layers: three stages, four layers copied from extract', () => {
    const a = run(get('java-spring-layers').workspace);
    expect(a.stages).toHaveLength(3);
    expect(a.needed).toEqual([0, 1, 2]);
    const extract = stageIndex(a, 'extract');
    expect(a.final.map((f) => f.from)).toEqual(Array(4).fill(`stage:${extract}`));
    expect(a.edges.filter((e) => e.kind === 'copy' && e.from === `stage:${extract}`)).toHaveLength(4);
    expect(a.context['src/main/java/com/example/booking/BookingApplication.java']).toBe('build-only');
  });

  test('test-stage: not built by default, built with --target test', () => {
    const ws = get('test-stage').workspace;
    const a = run(ws);
    const test = stageIndex(a, 'test');
    expect(a.needed).not.toContain(test);
    expect(a.context['test/helpers.ts']).toBe('unused');
    const t = run(ws, { target: 'test' });
    expect(t.target).toBe(test);
    expect(t.needed).toEqual([stageIndex(t, 'deps'), test]);
    expect(t.context['test/helpers.ts']).toBe('final');
    expect(t.context['src/queue.test.ts']).toBe('final');
    expect(t.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('cache-mounts: no COPY in the build stage, the sources still read through a bind mount', () => {
    const e = get('cache-mounts');
    const a = run(e.workspace);
    expect(finalPaths(a)).toEqual(['/bin/server']);
    expect(a.context['main.go']).toBe('build-only');
    expect(a.context['handlers/upload.go']).toBe('build-only');
    expect(a.context['uploads/2024/06/cat.jpg']).toBe('ignored');
    const build = e.workspace.dockerfile.split('\n\n')[1];
    expect(build).toMatch(/--mount=type=cache/);
    expect(build).not.toMatch(/^COPY /m);
  });

  test('secret-mount: the token file is never in the context, the ARG version warns', () => {
    const e = get('secret-mount');
    const a = run(e.workspace);
    expect(a.context['.npmrc']).toBe('ignored');
    expect(a.final.some((f) => /npmrc/.test(f.path))).toBe(false);
    expect(e.workspace.dockerfile).toMatch(/--mount=type=secret,id=npmrc/);
    const before = run(e.before!);
    expect(before.diagnostics.map((d) => d.rule)).toContain('SecretsUsedInArgOrEnv');
  });

  test('external-tools-image: an image arrow into the build stage, no uv in the final image', () => {
    const a = run(get('external-tools-image').workspace);
    const build = stageIndex(a, 'build');
    expect(a.edges).toContainEqual(expect.objectContaining({ from: 'image:ghcr.io/astral-sh/uv:0.5.11', to: build, kind: 'copy' }));
    expect(finalPaths(a)).toEqual(['/app/.venv']);
    expect(a.context['uv.lock']).toBe('build-only');
  });

  test('arg-variants: VARIANT picks the stage the last one builds on', () => {
    const ws = get('arg-variants').workspace;
    const a = run(ws);
    const dev = stageIndex(a, 'base-dev');
    const prod = stageIndex(a, 'base-prod');
    expect(a.stages[a.target!].baseStage).toBe(prod);
    expect(a.needed).not.toContain(dev);
    expect(a.context['nodemon.json']).toBe('unused');
    const d = run(ws, { buildArgs: { VARIANT: 'dev' } });
    expect(d.stages[d.target!].baseStage).toBe(dev);
    expect(d.needed).toContain(dev);
    expect(d.needed).not.toContain(prod);
    expect(d.context['nodemon.json']).toBe('final');
    expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });
});

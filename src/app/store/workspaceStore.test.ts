import { beforeEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/types.ts';
import { analysisPhase, useWorkspaceStore } from './workspaceStore.ts';
import { contextFilesOf, normalizeContextPath } from './contextPaths.ts';
import { analyzeInputOf } from '../analysis/analyzeInput.ts';

const empty: Analysis = { schemaVersion: 1, stages: [], edges: [], target: null, needed: [], context: {}, final: [], diagnostics: [] };

beforeEach(() => {
  useWorkspaceStore.getState().loadWorkspace({ dockerfile: 'FROM a', files: ['a.txt'], dockerignore: '', target: null, buildArgs: {}, example: null });
  useWorkspaceStore.getState().setEditorReady(true);
});

describe('workspace store', () => {
  it('bumps the revision only when something changed (the editor echo guard)', () => {
    const s = useWorkspaceStore.getState();
    const r = s.revision;
    s.setDockerfile('FROM a');
    expect(useWorkspaceStore.getState().revision).toBe(r);
    s.setDockerfile('FROM b');
    expect(useWorkspaceStore.getState().revision).toBe(r + 1);
  });

  it('stores only the analysis of the current revision', () => {
    const s = useWorkspaceStore.getState();
    const r = s.revision;
    s.setDockerfile('FROM c');
    s.receiveAnalysis(r, { analysis: empty, facts: [], context: { reads: {}, ignoredBy: {} }, references: [] }, 1);
    expect(analysisPhase(useWorkspaceStore.getState())).toBe('pending');
    s.receiveAnalysis(r + 1, { analysis: empty, facts: [], context: { reads: {}, ignoredBy: {} }, references: [] }, 1);
    expect(analysisPhase(useWorkspaceStore.getState())).toBe('ready');
  });

  it('adds, renames and deletes files, refusing duplicates and bad paths', () => {
    const s = useWorkspaceStore.getState();
    expect(s.addFile('./src//main.go')).toBeNull();
    expect(useWorkspaceStore.getState().workspace.files).toEqual(['a.txt', 'src/main.go']);
    expect(s.addFile('a.txt')).toMatch(/already/);
    expect(s.addFile('Dockerfile')).toMatch(/already/);
    expect(s.addFile('../x')).toMatch(/relative path/);
    expect(s.renameFile('a.txt', 'b.txt')).toBeNull();
    s.deleteFile('src/main.go');
    expect(useWorkspaceStore.getState().workspace.files).toEqual(['b.txt']);
  });

  it('edits build args in place', () => {
    const s = useWorkspaceStore.getState();
    s.setBuildArg('A', '1');
    s.setBuildArg('B', '2');
    s.setBuildArg('A', '3');
    expect(Object.entries(useWorkspaceStore.getState().workspace.buildArgs)).toEqual([['A', '3'], ['B', '2']]);
    s.removeBuildArg('A');
    expect(useWorkspaceStore.getState().workspace.buildArgs).toEqual({ B: '2' });
  });
});

describe('the build context', () => {
  it('is the files plus Dockerfile, plus .dockerignore when it has text', () => {
    expect(contextFilesOf({ files: ['x'], dockerignore: '' })).toEqual(['Dockerfile', 'x']);
    expect(contextFilesOf({ files: ['x', 'Dockerfile'], dockerignore: '*.md' })).toEqual(['Dockerfile', '.dockerignore', 'x']);
    const input = analyzeInputOf({ dockerfile: 'FROM a', files: ['x'], dockerignore: '', target: 'T', buildArgs: { K: 'v' }, example: null });
    expect(input).toEqual({ dockerfile: 'FROM a', files: ['Dockerfile', 'x'], dockerignore: null, target: 'T', buildArgs: { K: 'v' } });
  });

  it('normalises paths', () => {
    expect(normalizeContextPath(' a\\b/./c ')).toBe('a/b/c');
    expect(normalizeContextPath('/abs')).toBe('abs');
    expect(normalizeContextPath('dir/')).toBeNull();
    expect(normalizeContextPath('')).toBeNull();
  });
});

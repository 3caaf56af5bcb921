/**
 * Monaco, bundled locally (nothing from a CDN): the core API, the editor features, the
 * Dockerfile grammar, and the one worker Monaco asks for. Imported only by the lazy editor
 * chunk, so the first paint does not wait for ~1 MB of editor.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/dockerfile/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { registerDockerfileFeatures } from './languageFeatures.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.editor.defineTheme('stagecraft-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#f8fafc' },
});
monaco.editor.defineTheme('stagecraft-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#0f172a', 'editorGutter.background': '#0b1222' },
});

registerDockerfileFeatures(monaco);

export { monaco };

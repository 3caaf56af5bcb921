/**
 * Completion, hover, go-to-definition and quick fixes for the Dockerfile language in Monaco.
 * Stage knowledge comes from the engine: its analysis, and its list of the words that name a
 * stage (core/edit/references.ts, resolved by BuildKit's rules), computed in the worker.
 */
import type * as Monaco from 'monaco-editor/editor';
import type { Analysis } from '../../core/types.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import type { StageReferenceFact } from '../analysis/stageFacts.ts';
import { INSTRUCTIONS, docUrlOf, instructionDocOf } from './instructionDocs.ts';

let registered = false;

export function registerDockerfileFeatures(monaco: typeof Monaco): void {
  if (registered) return;
  registered = true;
  const analysis = () => useWorkspaceStore.getState().analysis;

  monaco.languages.registerCompletionItemProvider('dockerfile', {
    triggerCharacters: ['-', '=', ' '],
    provideCompletionItems(model, position) {
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const previous = position.lineNumber > 1 ? model.getLineContent(position.lineNumber - 1) : '';
      const continued = /[\\`]\s*$/.test(previous);

      // an instruction keyword at the start of a line
      if (!continued && /^\s*[A-Za-z]*$/.test(before)) {
        return {
          suggestions: INSTRUCTIONS.map((doc) => ({
            label: doc.keyword,
            kind: monaco.languages.CompletionItemKind.Keyword,
            insertText: doc.snippet,
            insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
            documentation: { value: `${doc.summary}\n\n[Reference](${docUrlOf(doc.keyword)})` },
            range,
          })),
        };
      }

      // a stage name after --from= / from= / FROM
      const valueMatch = /(?:--from=|[\s,=]from=)([\w.-]*)$/i.exec(before) ?? /^\s*from\s+(?:--\S+\s+)*([\w.-]*)$/i.exec(before);
      if (valueMatch) {
        const start = position.column - valueMatch[1].length;
        const valueRange = new monaco.Range(position.lineNumber, start, position.lineNumber, position.column);
        const isFrom = /^\s*from\b/i.test(before) && !/--from=|from=/i.test(before.replace(/^\s*from/i, ''));
        const stages = (analysis()?.stages ?? []).filter((s) => s.name !== null && (!isFrom || s.line < position.lineNumber));
        return {
          suggestions: stages.map((s) => ({
            label: s.name!,
            kind: monaco.languages.CompletionItemKind.Reference,
            detail: `stage ${s.index}: FROM ${s.base}`,
            insertText: s.name!,
            range: valueRange,
          })),
        };
      }

      // a flag of the current instruction
      const flagMatch = /^\s*(\w+)\s+(?:--[\w-]+(?:=\S*)?\s+)*(-{1,2}[\w-]*)$/.exec(before);
      if (flagMatch) {
        const doc = instructionDocOf(flagMatch[1]);
        if (doc && doc.flags.length) {
          const start = position.column - flagMatch[2].length;
          const flagRange = new monaco.Range(position.lineNumber, start, position.lineNumber, position.column);
          return {
            suggestions: doc.flags.map((f) => ({
              label: `--${f.name}`,
              kind: monaco.languages.CompletionItemKind.Property,
              documentation: { value: f.summary },
              insertText: f.takesValue ? `--${f.name}=` : `--${f.name}`,
              range: flagRange,
              command: f.takesValue ? { id: 'editor.action.triggerSuggest', title: 'values' } : undefined,
            })),
          };
        }
      }
      return { suggestions: [] };
    },
  });

  monaco.languages.registerHoverProvider('dockerfile', {
    provideHover(model, position) {
      const a = analysis();
      const ref = referenceAt(position.lineNumber, position.column);
      if (a && ref?.span) {
        const { line, column, endLine, endColumn } = ref.span;
        const range = new monaco.Range(line, column, endLine, endColumn);
        if (ref.target !== null && a.stages[ref.target]) return { range, contents: [{ value: stageSummary(ref.target, a) }] };
        if (ref.value.toLowerCase() !== 'scratch') {
          return { range, contents: [{ value: `Image \`${escapeCode(ref.value)}\`: no stage of this name ${ref.kind === 'base' ? 'before this line' : 'exists'}, so BuildKit pulls it.` }] };
        }
      }
      const line = model.getLineContent(position.lineNumber);

      // the stage's own name: `FROM ... AS <name>`
      const stage = a?.stages.find((s) => s.line === position.lineNumber && s.nameAsWritten !== null);
      if (a && stage && ready()) {
        const m = new RegExp(`\\s[Aa][Ss]\\s+(${escapeRegExp(stage.nameAsWritten!)})\\s*$`).exec(line);
        if (m) {
          const nameEnd = m.index + m[0].trimEnd().length; // 0-based, exclusive
          const start = nameEnd - m[1].length + 1;
          const end = start + m[1].length;
          if (position.column >= start && position.column <= end) {
            return { range: new monaco.Range(position.lineNumber, start, position.lineNumber, end), contents: [{ value: stageSummary(stage.index, a) }, { value: usedBy(stage.index) }] };
          }
        }
      }

      // a flag: `--from=`, `--mount=` ...
      const flag = flagAt(line, position.column);
      if (flag) {
        const keyword = /^\s*(\w+)/.exec(line)?.[1] ?? '';
        const doc = instructionDocOf(keyword)?.flags.find((f) => f.name === flag.name);
        if (doc) return { range: new monaco.Range(position.lineNumber, flag.start, position.lineNumber, flag.end), contents: [{ value: `**--${doc.name}** (${keyword.toUpperCase()}): ${doc.summary}` }] };
      }

      const word = model.getWordAtPosition(position);
      if (word && line.slice(0, word.startColumn - 1).trim() === '') {
        const doc = instructionDocOf(word.word);
        if (doc) {
          return {
            range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
            contents: [{ value: `**${doc.keyword}**: ${doc.summary}\n\n[Dockerfile reference](${docUrlOf(doc.keyword)})` }],
          };
        }
      }
      return null;
    },
  });

  monaco.languages.registerDefinitionProvider('dockerfile', {
    provideDefinition(model, position) {
      const ref = referenceAt(position.lineNumber, position.column);
      const stage = ref?.target != null ? analysis()?.stages[ref.target] : undefined;
      if (!stage || stage.line > model.getLineCount()) return null;
      return { uri: model.uri, range: new monaco.Range(stage.line, 1, stage.line, model.getLineMaxColumn(stage.line)) };
    },
  });

  monaco.languages.registerCodeActionProvider('dockerfile', {
    provideCodeActions(model, range, context) {
      const a = analysis();
      if (!a) return { actions: [], dispose() {} };
      const actions: Monaco.languages.CodeAction[] = [];
      for (const marker of context.markers) {
        const d = a.diagnostics.find((x) => x.fix && x.line === marker.startLineNumber && marker.message.startsWith(x.message));
        if (!d?.fix) continue;
        actions.push({
          title: d.fix.title,
          kind: 'quickfix',
          diagnostics: [marker],
          isPreferred: true,
          edit: {
            edits: d.fix.edits.map((e) => ({
              resource: model.uri,
              versionId: model.getVersionId(),
              textEdit: { range: new monaco.Range(e.line, e.column, e.endLine, e.endColumn), text: e.text },
            })),
          },
        });
      }
      void range;
      return { actions, dispose() {} };
    },
  });
}

/**
 * The stage reference under a position, from the latest analysis, and only while that analysis
 * is of the current text (positions from older text would point at the wrong words).
 */
function referenceAt(line: number, column: number): StageReferenceFact | null {
  const s = useWorkspaceStore.getState();
  if (s.analysisRevision !== s.revision) return null;
  for (const ref of s.references) {
    const span = ref.span;
    if (!span) continue;
    const after = line > span.line || (line === span.line && column >= span.column);
    const before = line < span.endLine || (line === span.endLine && column <= span.endColumn);
    if (after && before) return ref;
  }
  return null;
}

function ready(): boolean {
  const s = useWorkspaceStore.getState();
  return s.analysisRevision === s.revision;
}

/** Which lines name a stage (FROM, --from, from=), for the hover on its own name. */
function usedBy(index: number): string {
  const lines = [...new Set(useWorkspaceStore.getState().references.filter((r) => r.target === index).map((r) => r.line))];
  return lines.length ? `Used on line${lines.length === 1 ? '' : 's'} ${lines.join(', ')}.` : 'No other stage uses it.';
}

/** The `--name` flag word under a column (1-based), with its 1-based start and end columns. */
function flagAt(line: string, column: number): { name: string; start: number; end: number } | null {
  for (const m of line.matchAll(/--([a-z][a-z-]*)/g)) {
    const start = m.index + 1;
    const end = start + m[0].length;
    if (column >= start && column <= end) return { name: m[1], start, end };
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function stageSummary(index: number, a: Analysis): string {
  const s = a.stages[index];
  const name = s.nameAsWritten ?? s.name;
  const title = name ? `Stage \`${escapeCode(name)}\` (#${s.index})` : `Stage #${s.index}`;
  const needed = a.needed.includes(index) ? (a.target === index ? 'the target' : 'built for the target') : 'not built for the target';
  return `${title}: FROM \`${escapeCode(s.base)}\`, lines ${s.line}–${s.endLine}, ${needed}.`;
}

/** text inside a markdown code span: backticks would end it */
function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}


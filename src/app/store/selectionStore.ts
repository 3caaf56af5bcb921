/**
 * What the person is pointing at, shared by every view: the stage (from the editor's cursor or
 * a click on a node), the context file they clicked, and requests for the editor to reveal a
 * line. Selection is view state: it never touches the workspace or its undo history.
 */
import { create } from 'zustand';

export interface RevealRequest {
  line: number;
  endLine: number;
  column: number;
  /** distinguishes two requests for the same line */
  nonce: number;
}

export interface SelectionState {
  stage: number | null;
  file: string | null;
  cursor: { line: number; column: number } | null;
  reveal: RevealRequest | null;

  /** a stage was picked in the graph: select it and show its lines */
  pickStage(index: number, line: number, endLine: number): void;
  /** the editor's cursor moved into a stage (or out of every stage) */
  cursorMoved(line: number, column: number, stage: number | null): void;
  pickFile(path: string | null): void;
  revealLine(line: number, column?: number, endLine?: number): void;
}

let nonce = 0;

export const useSelectionStore = create<SelectionState>()((set, get) => ({
  stage: null,
  file: null,
  cursor: null,
  reveal: null,

  pickStage: (index, line, endLine) =>
    set({ stage: index, reveal: { line, endLine, column: 1, nonce: ++nonce } }),
  cursorMoved: (line, column, stage) => {
    const { cursor, stage: current } = get();
    if (cursor && cursor.line === line && cursor.column === column && current === stage) return;
    set({ cursor: { line, column }, stage });
  },
  pickFile: (path) => set({ file: get().file === path ? null : path }),
  revealLine: (line, column = 1, endLine = line) => set({ reveal: { line, endLine, column, nonce: ++nonce } }),
}));

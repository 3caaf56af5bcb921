/**
 * View state of graph editing: which inline field or dialog is open, which edge is selected,
 * and the message about the last action. Never part of the workspace: the text is changed only
 * through the editor bridge.
 */
import { create } from 'zustand';
import type { BrokenReference } from '../../core/edit/index.ts';

export type Dialog =
  | { kind: 'add-stage'; /** preselected "based on" stage */ baseStage: number | null }
  | { kind: 'connect'; /** `stage:N` or `image:REF` */ from: string; /** null: the person picks it */ to: number | null }
  | { kind: 'delete-stage'; stage: number; broken: BrokenReference[] }
  | { kind: 'replace-base'; stage: number; /** the base edge's source, `stage:N` or `image:REF` */ from: string };

export interface GraphMessage {
  kind: 'done' | 'refused';
  text: string;
  /** a Ctrl+Z in the editor takes it back */
  undoable: boolean;
  /** distinguishes two equal messages */
  id: number;
}

export interface GraphEditState {
  renaming: number | null;
  editingBase: number | null;
  /** the selected edge's id */
  edge: string | null;
  dialog: Dialog | null;
  message: GraphMessage | null;
  /** an action is being computed (the core chunk may still be loading) */
  busy: boolean;

  startRename(stage: number): void;
  startBaseEdit(stage: number): void;
  stopInline(): void;
  selectEdge(id: string | null): void;
  openDialog(dialog: Dialog): void;
  closeDialog(): void;
  say(kind: GraphMessage['kind'], text: string, undoable?: boolean): void;
  clearMessage(): void;
  setBusy(busy: boolean): void;
}

let messageId = 0;

export const useGraphEditStore = create<GraphEditState>()((set) => ({
  renaming: null,
  editingBase: null,
  edge: null,
  dialog: null,
  message: null,
  busy: false,

  startRename: (stage) => set({ renaming: stage, editingBase: null, dialog: null }),
  startBaseEdit: (stage) => set({ editingBase: stage, renaming: null, dialog: null }),
  stopInline: () => set({ renaming: null, editingBase: null }),
  selectEdge: (id) => set({ edge: id }),
  openDialog: (dialog) => set({ dialog, renaming: null, editingBase: null }),
  closeDialog: () => set({ dialog: null }),
  say: (kind, text, undoable = false) => set({ message: { kind, text, undoable, id: ++messageId } }),
  clearMessage: () => set({ message: null }),
  setBusy: (busy) => set({ busy }),
}));

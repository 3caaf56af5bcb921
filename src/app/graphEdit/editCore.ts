/**
 * The core's graph-editing actions, in their own chunk (loaded by loadEditCore.ts): they bring
 * the Dockerfile parser, which the page's entry chunk otherwise does without (the analysis
 * runs in a worker). Import this module only dynamically.
 */
export {
  addStage,
  applyEdits,
  changeBase,
  connectBase,
  connectCopy,
  connectMount,
  deleteEdge,
  deleteStage,
  moveStage,
  renameStage,
} from '../../core/edit/index.ts';
export type { BrokenReference, EditResult, StageReference } from '../../core/edit/index.ts';
export { editContext, uniqueStageName } from '../../core/edit/textEdits.ts';
export { namesInUse } from '../../core/edit/references.ts';

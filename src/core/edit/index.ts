/** Graph editing (issue 6): every graph action is a pure function text + action -> TextEdit[]. */
export { applyEdits } from './textEdits.ts';
export type { EditResult } from './textEdits.ts';
export { addStage, type AddStageOptions } from './addStage.ts';
export { connectCopy, type ConnectCopyOptions } from './connectCopy.ts';
export { connectBase, type ConnectBaseOptions } from './connectBase.ts';
export { connectMount, type ConnectMountOptions } from './connectMount.ts';
export { changeBase, type ChangeBaseOptions } from './changeBase.ts';
export { deleteEdge, type DeleteEdgeOptions } from './deleteEdge.ts';
export { renameStage, type RenameStageOptions } from './renameStage.ts';
export { deleteStage, type DeleteStageOptions, type BrokenReference } from './deleteStage.ts';
export { moveStage, type MoveStageOptions } from './moveStage.ts';
export { stageReferences, type StageReference } from './references.ts';

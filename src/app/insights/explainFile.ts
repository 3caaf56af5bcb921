/** Asking "why?" about a path of the final image: select it and open the Why tab. */
import { useSelectionStore } from '../store/selectionStore.ts';
import { useInsightsStore } from './insightsStore.ts';

export function explainImagePath(path: string): void {
  if (useSelectionStore.getState().file !== path) useSelectionStore.getState().pickFile(path);
  useInsightsStore.getState().setTab('why');
}

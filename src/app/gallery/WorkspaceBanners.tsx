/**
 * Everything about the workspace as a whole that is not in the toolbar: the other-tab banner,
 * the open example's notes, and the dialogs and overlays (gallery, "replace your work?",
 * folder import progress and drop target, links arriving while there is work).
 */
import { TabConflictBanner } from '../autosave/TabConflictBanner.tsx';
import { ReplaceDialog } from '../autosave/ReplaceDialog.tsx';
import { LinkGuard } from '../share/LinkGuard.tsx';
import { ImportOverlay } from '../importExport/ImportFolder.tsx';
import { ExampleBar } from './ExampleBar.tsx';
import { GalleryDialog } from './GalleryDialog.tsx';

export function WorkspaceBanners() {
  return (
    <>
      <TabConflictBanner />
      <ExampleBar />
      <GalleryDialog />
      <ReplaceDialog />
      <ImportOverlay />
      <LinkGuard />
    </>
  );
}

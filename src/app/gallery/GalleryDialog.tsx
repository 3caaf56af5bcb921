/** The examples gallery: every example with its title, summary and tags; one click opens it. */
import { examples, type Example } from '../examples/index.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';
import { Modal } from '../toolbar/Modal.tsx';
import { newWorkspace, openExample, useGallery } from './galleryActions.ts';
import './gallery.css';

const close = () => useGallery.setState({ open: false });

export function GalleryDialog() {
  const open = useGallery((s) => s.open);
  const current = useWorkspaceStore((s) => s.workspace.example);
  return (
    <Modal open={open} onClose={close} labelledBy="gallery-title" testId="gallery-dialog" className="gallery">
      <header className="gallery__header">
        <div>
          <h2 id="gallery-title">Examples</h2>
          <p className="muted">Realistic multi-stage builds, each with its build context and .dockerignore, and a note on what to notice.</p>
        </div>
        <button type="button" className="gallery__close" aria-label="Close the examples" onClick={close}>
          ✕
        </button>
      </header>
      <ul className="gallery__grid">
        {examples.map((e) => (
          <ExampleCard key={e.id} example={e} current={e.id === current} />
        ))}
        <li className="gallery__card gallery__card--empty">
          <h3>Empty workspace</h3>
          <p>No Dockerfile, no files: start from nothing.</p>
          <div className="gallery__card-actions">
            <button
              type="button"
              data-testid="gallery-new"
              onClick={() => {
                close();
                void newWorkspace();
              }}
            >
              New
            </button>
          </div>
        </li>
      </ul>
    </Modal>
  );
}

function ExampleCard({ example, current }: { example: Example; current: boolean }) {
  const open = () => {
    close();
    void openExample(example, 'after');
  };
  return (
    <li className={`gallery__card${current ? ' is-current' : ''}`} data-testid="example-card" data-example-id={example.id}>
      <h3>{example.title}</h3>
      <p>{example.summary}</p>
      <ul className="gallery__tags" aria-label="Tags">
        {example.tags.map((t) => (
          <li key={t}>{t}</li>
        ))}
        {example.before && <li className="gallery__tag--before">before / after</li>}
      </ul>
      <div className="gallery__card-actions">
        {current && <span className="muted">open now</span>}
        <button type="button" className="button--primary" data-testid="open-example" aria-label={`Open ${example.title}`} onClick={open}>
          Open
        </button>
      </div>
    </li>
  );
}

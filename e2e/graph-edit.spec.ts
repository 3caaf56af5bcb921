/**
 * Issue 6: the stage graph is an editor. Every action is done as a person does it (the mouse
 * on handles, nodes, arrows and the palette; the keyboard on focused nodes), the text is
 * checked in Monaco, and Ctrl+Z gives the previous text back in one step.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import {
  addStageFromPalette,
  dockerfileInEditor,
  dragConnection,
  edgeLabel,
  editorCursorLine,
  expectDockerfile,
  graphMessage,
  imageNode,
  openPlayground,
  readableLink,
  stageNode,
  undo,
  waitUntilAnalysed,
} from './helpers.ts';

const goApp = `FROM golang:1.24 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/app

FROM build AS test
RUN go test ./...

FROM alpine:3.20 AS certs
RUN apk add --no-cache ca-certificates

FROM gcr.io/distroless/static-debian12 AS runtime
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;

const shot = (name: string) => `/tmp/h8-${name}.png`;

test.describe('editing the Dockerfile from the graph', () => {
  test('add a stage from the palette; Ctrl+Z takes it back', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await expect(page.getByTestId('stage-node')).toHaveCount(4);

    await page.getByTestId('add-stage-button').click();
    const dialog = page.getByTestId('add-stage-dialog');
    await expect(dialog).toBeVisible();
    await page.screenshot({ path: shot('palette') });
    await dialog.getByTestId('new-stage-name').fill('lint');
    await dialog.getByRole('button', { name: 'Add a stage FROM golang:1.24' }).click();

    await expectDockerfile(page, `${goApp}\nFROM golang:1.24 AS lint\n`);
    await expect(page.getByTestId('stage-node')).toHaveCount(5);
    await expect(stageNode(page, 'lint')).toHaveAttribute('data-stage-index', '4');
    await expect(graphMessage(page)).toContainText('Added stage lint');

    await undo(page);
    await expectDockerfile(page, goApp);
    await expect(page.getByTestId('stage-node')).toHaveCount(4);
  });

  test('a stage based on another goes right after it', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await stageNode(page, 'build').click();
    await page.getByTestId('stage-action-add-based').click();
    const dialog = page.getByTestId('add-stage-dialog');
    await expect(dialog).toContainText('Add a stage based on build');
    await dialog.getByTestId('new-stage-name').fill('vet');
    await dialog.getByTestId('new-stage-name').press('Enter');
    await expectDockerfile(page, goApp.replace('RUN go build -o /out/app ./cmd/app\n', 'RUN go build -o /out/app ./cmd/app\n\nFROM build AS vet\n'));
    await expect(page.locator('[data-testid="stage-edge"][data-kind="base"][data-from="stage:0"][data-to="1"]')).toHaveCount(1);
    await expect(stageNode(page, 'vet')).toHaveClass(/is-selected/);
    await undo(page);
    await expectDockerfile(page, goApp);
  });

  test('connect by dragging: copy artifacts, prefilled from what the stage writes', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await dragConnection(page, stageNode(page, 'build'), stageNode(page, 'certs'));
    const dialog = page.getByTestId('connect-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Connect build');
    await expect(dialog.getByTestId('connect-how-copy')).toBeChecked();
    // what build holds: the COPY --from=build the file already has
    await expect(dialog.getByTestId('connect-src')).toHaveValue('/out/app');
    await dialog.getByTestId('connect-dest').fill('/usr/local/bin/app');
    await expect(dialog.getByTestId('action-preview')).toContainText('COPY --from=build /out/app /usr/local/bin/app');
    await page.screenshot({ path: shot('connect-copy') });
    await dialog.getByTestId('connect-apply').click();

    const after = goApp.replace('RUN apk add --no-cache ca-certificates\n', 'RUN apk add --no-cache ca-certificates\nCOPY --from=build /out/app /usr/local/bin/app\n');
    await expectDockerfile(page, after);
    await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="stage:0"][data-to="2"]')).toHaveCount(1);

    await undo(page);
    await expectDockerfile(page, goApp);
    await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="stage:0"][data-to="2"]')).toHaveCount(0);
  });

  test('connect by dragging: build on (FROM) and mount into a chosen RUN', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));

    await dragConnection(page, stageNode(page, 'certs'), stageNode(page, 'runtime'));
    let dialog = page.getByTestId('connect-dialog');
    await dialog.getByTestId('connect-how-base').check();
    await expect(dialog.getByTestId('action-preview')).toContainText('FROM certs AS runtime');
    await dialog.getByTestId('connect-apply').click();
    await expectDockerfile(page, goApp.replace('FROM gcr.io/distroless/static-debian12 AS runtime', 'FROM certs AS runtime'));
    await expect(page.locator('[data-testid="stage-edge"][data-kind="base"][data-from="stage:2"][data-to="3"]')).toHaveCount(1);
    await undo(page);
    await expectDockerfile(page, goApp);

    await dragConnection(page, stageNode(page, 'build'), stageNode(page, 'test'));
    dialog = page.getByTestId('connect-dialog');
    await dialog.getByTestId('connect-how-mount').check();
    await expect(dialog.getByTestId('connect-run')).toHaveValue('7');
    await dialog.getByTestId('connect-target').fill('/out');
    await dialog.getByTestId('connect-source').fill('/out');
    await page.screenshot({ path: shot('connect-mount') });
    await dialog.getByTestId('connect-apply').click();
    await expectDockerfile(page, goApp.replace('RUN go test ./...', 'RUN --mount=type=bind,from=build,source=/out,target=/out go test ./...'));
    await expect(page.locator('[data-testid="stage-edge"][data-kind="mount"][data-from="stage:0"][data-to="1"]')).toHaveCount(1);
    await undo(page);
    await expectDockerfile(page, goApp);
  });

  test('an image node can be the source: COPY --from=<image>', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await dragConnection(page, imageNode(page, 'alpine:3.20'), stageNode(page, 'runtime'));
    const dialog = page.getByTestId('connect-dialog');
    await expect(dialog).toContainText('Connect image alpine:3.20');
    await expect(dialog.getByTestId('connect-src')).toHaveValue('/etc/ssl/certs/ca-certificates.crt');
    await dialog.getByTestId('connect-apply').click();
    await expectDockerfile(
      page,
      goApp.replace('COPY --from=build /out/app /app\n', 'COPY --from=build /out/app /app\nCOPY --from=alpine:3.20 /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt\n'),
    );
    await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="image:alpine:3.20"][data-to="3"]')).toHaveCount(1);
    await undo(page);
    await expectDockerfile(page, goApp);
  });

  test('a connection BuildKit would reject is refused with the reason, and writes nothing', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await dragConnection(page, stageNode(page, 'runtime'), stageNode(page, 'build'));
    const dialog = page.getByTestId('connect-dialog');
    await expect(dialog.getByTestId('action-refusal')).toContainText('COPY --from can only use a stage defined before the current one');
    await expect(dialog.getByTestId('connect-apply')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await dockerfileInEditor(page)).toBe(goApp);
  });

  test('delete arrows: a COPY (Delete key), a mount flag (keyboard focus), a base (asks for the new one)', async ({ page }) => {
    const withMount = goApp.replace('RUN go test ./...', 'RUN --mount=type=bind,from=build,target=/src go test ./...');
    await openPlayground(page, readableLink({ dockerfile: withMount }));

    // COPY --from: click its label, press Delete
    await edgeLabel(page, 'copy', 'stage:0', 3).click();
    await expect(page.getByTestId('edge-actions')).toContainText('runtime copies from build');
    await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="stage:0"][data-to="3"]')).toHaveAttribute('data-selected', 'true');
    await page.screenshot({ path: shot('edge-selected') });
    await page.keyboard.press('Delete');
    await expectDockerfile(page, withMount.replace('COPY --from=build /out/app /app\n', ''));
    await expect(graphMessage(page)).toContainText('Removed the COPY --from at line 13');
    await undo(page);
    await expectDockerfile(page, withMount);

    // the same with the bar's button
    await edgeLabel(page, 'copy', 'stage:0', 3).click();
    await page.getByRole('button', { name: 'Delete the arrow: runtime copies from build, line 13' }).click();
    await expectDockerfile(page, withMount.replace('COPY --from=build /out/app /app\n', ''));
    await undo(page);
    await expectDockerfile(page, withMount);

    // the mount: focus the arrow from the keyboard, Delete
    const mount = page.locator('[data-testid="stage-edge"][data-kind="mount"][data-from="stage:0"][data-to="1"]');
    await mount.locator('xpath=..').focus();
    await page.keyboard.press('Delete');
    await expectDockerfile(page, goApp);
    await undo(page);
    await expectDockerfile(page, withMount);

    // a base arrow: every stage builds on something, so it asks what instead
    await edgeLabel(page, 'base', 'stage:0', 1).click();
    await page.getByTestId('edge-action-delete').click();
    const dialog = page.getByTestId('replace-base-dialog');
    await expect(dialog.getByTestId('replace-base-input')).toHaveValue('golang:1.24');
    await dialog.getByTestId('replace-base-input').fill('golang:1.24-alpine');
    await expect(dialog.getByTestId('action-preview')).toContainText('FROM golang:1.24-alpine AS test');
    await dialog.getByTestId('replace-base-apply').click();
    await expectDockerfile(page, withMount.replace('FROM build AS test', 'FROM golang:1.24-alpine AS test'));
    await undo(page);
    await expectDockerfile(page, withMount);
  });

  test('rename by double-click updates every reference; F2 on the target moves the target too; Ctrl+Z restores both', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp, target: 'runtime' }));
    await stageNode(page, 'build').dblclick();
    const input = page.getByTestId('stage-rename-input');
    await expect(input).toBeFocused();
    await input.fill('compile');
    await page.screenshot({ path: shot('rename') });
    await input.press('Enter');
    await expectDockerfile(page, goApp.replace('AS build', 'AS compile').replace('FROM build AS test', 'FROM compile AS test').replace('--from=build', '--from=compile'));
    await expect(stageNode(page, 'compile')).toHaveAttribute('data-stage-index', '0');
    await undo(page);
    await expectDockerfile(page, goApp);

    // an invalid name is refused in place
    await stageNode(page, 'test').click();
    await page.keyboard.press('F2');
    await page.getByTestId('stage-rename-input').fill('9lives');
    await page.getByTestId('stage-rename-input').press('Enter');
    await expect(page.getByTestId('stage-rename-input-error')).toContainText('invalid name for build stage');
    await page.getByTestId('stage-rename-input').press('Escape');
    expect(await dockerfileInEditor(page)).toBe(goApp);

    // the target follows a rename
    await expect(page.getByTestId('target-select')).toHaveValue('runtime');
    await stageNode(page, 'runtime').click();
    await page.keyboard.press('F2');
    await page.getByTestId('stage-rename-input').fill('release');
    await page.getByTestId('stage-rename-input').press('Enter');
    await expectDockerfile(page, goApp.replace('AS runtime', 'AS release'));
    await expect(page.getByTestId('target-select')).toHaveValue('release');
    await expect(stageNode(page, 'release')).toHaveAttribute('data-target', 'true');
    await undo(page);
    await expectDockerfile(page, goApp);
    await expect(page.getByTestId('target-select')).toHaveValue('runtime');
  });

  test('change a base from the node, set a target', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await stageNode(page, 'certs').click();
    await page.getByTestId('stage-action-base').click();
    const input = page.getByTestId('stage-base-input');
    await expect(input).toHaveValue('alpine:3.20');
    await input.fill('alpine:3.22');
    await input.press('Enter');
    await expectDockerfile(page, goApp.replace('FROM alpine:3.20 AS certs', 'FROM alpine:3.22 AS certs'));
    await expect(imageNode(page, 'alpine:3.22')).toBeVisible();
    await undo(page);
    await expectDockerfile(page, goApp);

    // double-click on the node's FROM line does the same
    await stageNode(page, 'certs').locator('.stage-node__base').dblclick();
    await page.getByTestId('stage-base-input').fill('debian:bookworm-slim');
    await page.getByTestId('stage-base-input').press('Enter');
    await expectDockerfile(page, goApp.replace('FROM alpine:3.20 AS certs', 'FROM debian:bookworm-slim AS certs'));
    await undo(page);
    await expectDockerfile(page, goApp);

    await stageNode(page, 'test').click();
    await page.getByTestId('stage-action-target').click();
    await expect(page.getByTestId('target-select')).toHaveValue('test');
    await expect(stageNode(page, 'test')).toHaveAttribute('data-target', 'true');
    await expect(stageNode(page, 'runtime')).toHaveAttribute('data-needed', 'false');
    await expect(page.getByTestId('stage-action-target')).toBeDisabled();
  });

  test('delete a stage: the references it would break are listed first', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await stageNode(page, 'build').click();
    await page.keyboard.press('Delete');
    const dialog = page.getByTestId('delete-stage-dialog');
    await expect(dialog).toBeVisible();
    const broken = dialog.getByTestId('broken-references').locator('li');
    await expect(broken).toHaveCount(2);
    await expect(broken.nth(0)).toContainText('line 6: FROM build (stage test) would build on an image named “build”');
    await expect(broken.nth(1)).toContainText('line 13: COPY --from=build (stage runtime) would copy from an image named “build”');
    await page.screenshot({ path: shot('delete-stage') });
    await dialog.getByTestId('confirm-delete-stage').click();
    await expectDockerfile(page, goApp.replace('FROM golang:1.24 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/app ./cmd/app\n\n', ''));
    await expect(page.getByTestId('stage-node')).toHaveCount(3);
    await undo(page);
    await expectDockerfile(page, goApp);
    await expect(page.getByTestId('stage-node')).toHaveCount(4);
  });

  test('move a stage: refused with the reason when it would break a reference, else done', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await stageNode(page, 'build').click();
    await page.getByTestId('stage-action-later').click();
    await expect(graphMessage(page)).toHaveAttribute('data-kind', 'refused');
    await expect(graphMessage(page)).toContainText("Can't move build later: FROM build (line 6) would no longer build on stage 0");
    await page.screenshot({ path: shot('move-refused') });
    expect(await dockerfileInEditor(page)).toBe(goApp);

    await stageNode(page, 'certs').click();
    await page.getByTestId('stage-action-later').click();
    const moved = goApp.replace(
      'FROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\n\nFROM gcr.io/distroless/static-debian12 AS runtime\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
      'FROM gcr.io/distroless/static-debian12 AS runtime\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n\nFROM alpine:3.20 AS certs\nRUN apk add --no-cache ca-certificates\n',
    );
    await expectDockerfile(page, moved);
    await expect(stageNode(page, 'certs')).toHaveAttribute('data-stage-index', '3');
    await expect(stageNode(page, 'certs')).toHaveAttribute('data-target', 'true');
    await undo(page);
    await expectDockerfile(page, goApp);
  });

  test('the graph from the keyboard: Tab to a node, arrows, Enter, F2, Delete, Ctrl+Z', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await page.getByTestId('add-stage-button').focus();
    // Tab until a stage has the focus
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-id')?.startsWith('stage:') ?? false)) break;
    }
    const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? '');
    expect(await focusedId()).toMatch(/^stage:\d$/);
    await expect(page.locator('.react-flow__node:focus')).toHaveAttribute('aria-label', /^Stage /);

    // arrows move between nodes: right goes to a node further right, left to one further left
    const focusedX = () => page.evaluate(() => document.activeElement?.getBoundingClientRect().x ?? 0);
    await page.locator('.react-flow__node[data-id="stage:0"]').focus();
    const x0 = await focusedX();
    await page.keyboard.press('ArrowRight');
    expect(await focusedId()).not.toBe('stage:0');
    const x1 = await focusedX();
    expect(x1).toBeGreaterThan(x0);
    await page.keyboard.press('ArrowLeft');
    expect(await focusedX()).toBeLessThan(x1);
    await page.locator('.react-flow__node[data-id="stage:0"]').focus();

    // F2 renames
    await page.keyboard.press('F2');
    await expect(page.getByTestId('stage-rename-input')).toBeFocused();
    await page.keyboard.insertText('builder');
    await page.keyboard.press('Enter');
    await expectDockerfile(page, goApp.replace('AS build', 'AS builder').replace('FROM build AS test', 'FROM builder AS test').replace('--from=build', '--from=builder'));
    // the focus is back on the node: Ctrl+Z there undoes the rename
    await expect.poll(focusedId).toBe('stage:0');
    await page.keyboard.press('ControlOrMeta+Z');
    await expectDockerfile(page, goApp);

    // Delete asks first; Escape cancels
    await page.locator('.react-flow__node[data-id="stage:2"]').focus();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('delete-stage-dialog')).toBeVisible();
    await expect(page.getByTestId('delete-stage-dialog')).toContainText('No other stage refers to it.');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('delete-stage-dialog')).toBeHidden();
    // the focus goes back to the stage the dialog was about (asserted before moving it on, so
    // that its return cannot land after the next focus and take the next key)
    await expect.poll(focusedId).toBe('stage:2');

    // T makes the focused stage the target; Alt+Right moves it later, Ctrl+Z moves it back
    await page.locator('.react-flow__node[data-id="stage:1"]').focus();
    await page.keyboard.press('t');
    await expect(page.getByTestId('target-select')).toHaveValue('test');
    await page.locator('.react-flow__node[data-id="stage:2"]').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(stageNode(page, 'certs')).toHaveAttribute('data-stage-index', '3');
    await expect.poll(focusedId).toBe('stage:3');
    await page.keyboard.press('ControlOrMeta+Z');
    await expectDockerfile(page, goApp);

    // Enter shows the stage's lines in the editor
    await page.locator('.react-flow__node[data-id="stage:2"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => editorCursorLine(page)).toBe(9);
    expect(await dockerfileInEditor(page)).toBe(goApp);
  });

  test('every action has an accessible name; no serious axe violations with a dialog open', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: goApp }));
    await stageNode(page, 'build').click();
    for (const name of ['Rename stage build', 'Change the base of stage build', 'Set stage build as the target', 'Connect stage build to another stage', 'Move stage build later', 'Add a stage based on build', 'Delete stage build']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('button', { name: 'Move stage build earlier' })).toBeDisabled();
    await page.getByRole('button', { name: 'Connect stage build to another stage' }).click();
    await expect(page.getByRole('dialog', { name: /Connect build/ })).toBeVisible();
    await expect(page.getByRole('radio', { name: /Copy artifacts/ })).toBeChecked();
    // the graph panel is ours (accessibility.spec.ts covers the whole page)
    const results = await new AxeBuilder({ page }).include('.graph-panel').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByTestId('add-stage-button').click();
    await expect(page.getByRole('dialog', { name: 'Add a stage' })).toBeVisible();
    const palette = await new AxeBuilder({ page }).include('.graph-panel').analyze();
    expect(palette.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  test('names and images from the text are shown as text, never as markup', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const evil = 'FROM <img/src=x/onerror=alert(1)> AS evil\nRUN true\n\nFROM evil AS next\n';
    await openPlayground(page, readableLink({ dockerfile: evil }));
    await expect(stageNode(page, 'evil')).toContainText('FROM <img/src=x/onerror=alert(1)>');
    await dragConnection(page, imageNode(page, '<img/src=x/onerror=alert(1)>'), stageNode(page, 'next'));
    await expect(page.getByTestId('connect-dialog')).toContainText('Connect image <img/src=x/onerror=alert(1)>');
    await expect(page.locator('.stage-graph img')).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });

  test('a whole multi-stage Dockerfile (build, test, runtime on distroless) drafted from an empty page with graph actions only', async ({ page }) => {
    await openPlayground(page, readableLink({ dockerfile: '' }));
    await expect(page.getByTestId('stage-node')).toHaveCount(0);

    // build, then the runtime
    await addStageFromPalette(page, 'golang', 'build');
    await expectDockerfile(page, 'FROM golang:1.24 AS build\n');
    await addStageFromPalette(page, 'distroless-static', 'runtime');
    await expectDockerfile(page, 'FROM golang:1.24 AS build\n\nFROM gcr.io/distroless/static-debian12:nonroot AS runtime\n');

    // test builds on build: "+ Based on" on the build node; it goes right after build
    await stageNode(page, 'build').click();
    await page.getByTestId('stage-action-add-based').click();
    await page.getByTestId('new-stage-name').fill('test');
    await page.getByTestId('add-based-on-submit').click();
    await expectDockerfile(page, 'FROM golang:1.24 AS build\n\nFROM build AS test\n\nFROM gcr.io/distroless/static-debian12:nonroot AS runtime\n');

    // the runtime copies the binary from build: drag build -> runtime, copy artifacts, type the paths
    await dragConnection(page, stageNode(page, 'build'), stageNode(page, 'runtime'));
    const connect = page.getByTestId('connect-dialog');
    await connect.getByTestId('connect-src').fill('/out/app');
    await connect.getByTestId('connect-dest').fill('/app');
    await connect.getByTestId('connect-apply').click();
    await waitUntilAnalysed(page);

    // the runtime (the last stage) is the default target; try test as the target, then name runtime explicitly
    await expect(stageNode(page, 'runtime')).toHaveAttribute('data-target', 'true');
    await stageNode(page, 'test').click();
    await page.getByTestId('stage-action-target').click();
    await expect(page.getByTestId('target-select')).toHaveValue('test');
    await expect(stageNode(page, 'runtime')).toHaveAttribute('data-needed', 'false');
    await stageNode(page, 'runtime').click();
    await page.getByTestId('stage-action-target').click();
    await expect(page.getByTestId('target-select')).toHaveValue('runtime');

    const drafted = [
      'FROM golang:1.24 AS build',
      '',
      'FROM build AS test',
      '',
      'FROM gcr.io/distroless/static-debian12:nonroot AS runtime',
      'COPY --from=build /out/app /app',
      '',
    ].join('\n');
    await expectDockerfile(page, drafted);
    await expect(page.getByTestId('stage-node')).toHaveCount(3);
    await expect(page.locator('[data-testid="stage-edge"][data-kind="base"][data-from="stage:0"][data-to="1"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="stage:0"][data-to="2"]')).toHaveCount(1);
    await expect(stageNode(page, 'runtime')).toHaveAttribute('data-target', 'true');
    await expect(stageNode(page, 'test')).toHaveAttribute('data-needed', 'false');
    // written the way a careful person would: nothing to warn about
    await expect(page.locator('[data-testid="diagnostic"][data-severity="error"]')).toHaveCount(0);
    await expect(page.locator('[data-testid="diagnostic"][data-severity="warning"]')).toHaveCount(0);
    await page.screenshot({ path: shot('drafted') });

    // every step was one undo step: undo them all, back to the empty page
    for (let i = 0; i < 4; i++) await undo(page);
    await expectDockerfile(page, '');
    await expect(page.getByTestId('stage-node')).toHaveCount(0);
  });
});

import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  pyproject.toml
  uv.lock
  .python-version
  src/notes/__init__.py
  src/notes/__main__.py
  src/notes/app.py
  src/notes/db.py
  src/notes/search.py
  src/notes/templates/index.html
  src/notes/static/style.css
  tests/conftest.py
  tests/test_app.py
  tests/test_search.py
  docs/index.md
  docs/deploy.md
  mkdocs.yml
  README.md
  .env
  .venv/pyvenv.cfg
  .venv/bin/python
  .venv/lib/python3.12/site-packages/flask/__init__.py
  src/notes/__pycache__/app.cpython-312.pyc
  .pytest_cache/v/cache/nodeids
  .ruff_cache/CACHEDIR.TAG
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .github/workflows/ci.yml
  .github/workflows/docs.yml
`);

const dockerignore = `.git
.github
.venv
.env
**/__pycache__
.pytest_cache
.ruff_cache
tests/
docs/
mkdocs.yml
`;

export const externalToolsImage: Example = {
  id: 'external-tools-image',
  title: 'COPY --from an external tools image',
  summary: 'Take the uv binary straight from its published image, no install step and no extra stage.',
  notice:
    'COPY --from=ghcr.io/astral-sh/uv:0.5.11 names an image, not a stage: BuildKit pulls it and copies two files out of it, which the graph shows as an image arrow into the build stage. ' +
    'uv then installs the locked dependencies and the project into /app/.venv, with its download cache in a cache mount. ' +
    'The final stage receives only that virtualenv: uv itself, the lock file and the sources are build-only, and the tests and docs are not even sent to the builder.',
  tags: ['python', 'uv', 'COPY --from image', 'cache mount'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM python:3.12.8-slim-bookworm AS build
COPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /uvx /bin/
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
WORKDIR /app
RUN --mount=type=cache,target=/root/.cache/uv \\
    --mount=type=bind,source=uv.lock,target=uv.lock \\
    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\
    uv sync --frozen --no-install-project --no-dev
COPY pyproject.toml uv.lock README.md ./
COPY src/ ./src/
RUN --mount=type=cache,target=/root/.cache/uv \\
    uv sync --frozen --no-dev --no-editable

FROM python:3.12.8-slim-bookworm
RUN useradd --system --uid 10001 notes
COPY --from=build /app/.venv /app/.venv
ENV PATH="/app/.venv/bin:$PATH"
USER notes
EXPOSE 8000
CMD ["python", "-m", "notes"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'external-tools-image',
  },
};

import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  pyproject.toml
  requirements.txt
  requirements-dev.txt
  src/shop/__init__.py
  src/shop/api.py
  src/shop/db.py
  src/shop/models.py
  src/shop/schemas.py
  src/shop/routers/__init__.py
  src/shop/routers/cart.py
  src/shop/routers/catalog.py
  src/shop/__pycache__/api.cpython-312.pyc
  tests/conftest.py
  tests/test_cart.py
  tests/test_catalog.py
  alembic.ini
  migrations/env.py
  migrations/versions/20240611_create_tables.py
  notebooks/pricing-analysis.ipynb
  README.md
  Makefile
  .env
  .venv/bin/python
  .venv/bin/uvicorn
  .venv/pyvenv.cfg
  .venv/lib/python3.12/site-packages/fastapi/__init__.py
  .pytest_cache/README.md
  .ruff_cache/0.8.4/12345
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .github/workflows/test.yml
  .pre-commit-config.yaml
`);

const dockerignore = `.git
.github
.venv
.env
**/__pycache__
.pytest_cache
.ruff_cache
notebooks/
tests/
*.md
`;

export const pythonVenv: Example = {
  id: 'python-venv',
  title: 'Python: copy a virtualenv into slim',
  summary: 'Install into /opt/venv in a builder, copy the whole environment into python:slim.',
  notice:
    'Everything pip installs goes into /opt/venv, so the final stage needs one COPY --from=build of that directory and a PATH change. ' +
    'Both stages start from the same python:3.12.8-slim image: a virtualenv holds absolute paths to its interpreter, so it only works where Python sits at the same place. ' +
    'The sources are installed into the venv as a package, so src/ is build-only and the image carries no copy of the tests or notebooks.',
  tags: ['python', 'venv', 'slim', 'fastapi'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM python:3.12.8-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
WORKDIR /src
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY pyproject.toml ./
COPY src/ ./src/
RUN pip install --no-deps .

FROM python:3.12.8-slim-bookworm
ENV PATH="/opt/venv/bin:$PATH" PYTHONUNBUFFERED=1
COPY --from=build /opt/venv /opt/venv
RUN useradd --system --uid 10001 shop
WORKDIR /app
COPY alembic.ini ./
COPY migrations/ ./migrations/
USER shop
EXPOSE 8000
CMD ["uvicorn", "shop.api:app", "--host", "0.0.0.0", "--port", "8000"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'python-venv',
  },
  before: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM python:3.12.8-bookworm
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt && pip install .
EXPOSE 8000
CMD ["uvicorn", "shop.api:app", "--host", "0.0.0.0", "--port", "8000"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'python-venv',
  },
};

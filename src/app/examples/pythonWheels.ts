import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  pyproject.toml
  requirements.txt
  requirements-dev.txt
  app/__init__.py
  app/wsgi.py
  app/settings.py
  app/models.py
  app/views.py
  app/reports/__init__.py
  app/reports/pdf.py
  app/templates/base.html
  app/templates/report.html
  tests/__init__.py
  tests/conftest.py
  tests/test_views.py
  tests/test_reports.py
  manage.py
  gunicorn.conf.py
  README.md
  .env
  .python-version
  .venv/bin/python
  .venv/lib/python3.12/site-packages/django/__init__.py
  .venv/pyvenv.cfg
  app/__pycache__/views.cpython-312.pyc
  app/__pycache__/models.cpython-312.pyc
  .pytest_cache/v/cache/lastfailed
  .mypy_cache/3.12/app/views.data.json
  htmlcov/index.html
  .coverage
  .git/HEAD
  .git/config
  .git/index
  .gitlab-ci.yml
`);

const dockerignore = `.git
.gitlab-ci.yml
.venv
.env
**/__pycache__
*.pyc
.pytest_cache
.mypy_cache
htmlcov
.coverage
tests/
`;

export const pythonWheels: Example = {
  id: 'python-wheels',
  title: 'Python: build wheels, install them into slim',
  summary: 'Compile wheels with a C toolchain, then install them into python:slim without one.',
  notice:
    'psycopg and other packages with C extensions need gcc and libpq-dev to build, and those weigh hundreds of megabytes; only the build stage installs them. ' +
    'The final stage installs the finished wheels through a bind mount from the build stage (RUN --mount=type=bind,from=build), so the wheels are never stored in a layer of the final image. ' +
    'Copying them in with COPY --from and deleting them in a later RUN would not help: the deleted files would still be in the COPY layer.',
  tags: ['python', 'wheels', 'slim', 'bind mount', 'gunicorn'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM python:3.12.8-slim-bookworm AS build
RUN apt-get update \\
 && apt-get install -y --no-install-recommends build-essential libpq-dev \\
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY requirements.txt ./
RUN pip wheel --no-cache-dir --wheel-dir /wheels -r requirements.txt
COPY pyproject.toml manage.py gunicorn.conf.py ./
COPY app/ ./app/
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.12.8-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update \\
 && apt-get install -y --no-install-recommends libpq5 \\
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \\
    pip install --no-cache-dir --no-index --find-links=/wheels /wheels/*.whl
RUN useradd --system --uid 10001 app
WORKDIR /srv
COPY gunicorn.conf.py ./
USER app
EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py", "app.wsgi:application"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'python-wheels',
  },
  before: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM python:3.12.8-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /srv
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py", "app.wsgi:application"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'python-wheels',
  },
};

import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  package.json
  package-lock.json
  nodemon.json
  src/index.js
  src/app.js
  src/config.js
  src/routes/health.js
  src/routes/links.js
  src/store/redis.js
  src/store/memory.js
  src/links.test.js
  scripts/seed.js
  scripts/wait-for-redis.sh
  compose.yaml
  compose.override.yaml
  README.md
  .env
  .env.example
  node_modules/.package-lock.json
  node_modules/express/package.json
  node_modules/ioredis/package.json
  node_modules/nodemon/package.json
  node_modules/.bin/nodemon
  .git/HEAD
  .git/config
  .git/index
  .github/workflows/ci.yml
  .editorconfig
`);

const dockerignore = `node_modules
.git
.github
.env
compose*.yaml
**/*.test.js
README.md
`;

export const argVariants: Example = {
  id: 'arg-variants',
  title: 'ARG-selected variants: FROM base-${VARIANT}',
  summary: 'One Dockerfile, a prod and a dev image, chosen with --build-arg VARIANT=dev.',
  notice:
    'ARG VARIANT=prod is declared before the first FROM, so it can be used in FROM base-${VARIANT}; BuildKit expands it and the last stage builds on base-prod or base-dev. ' +
    'Only the chosen variant is needed: by default base-dev is skipped with its dev dependencies and COPY . ., and setting the build argument VARIANT=dev flips that. ' +
    'The default value matters: without it the FROM line would have nothing to expand, and BuildKit warns about that (InvalidDefaultArgInFrom).',
  tags: ['node', 'ARG', 'build args', 'variants'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
ARG VARIANT=prod
ARG NODE_VERSION=22.12.0

FROM node:\${NODE_VERSION}-alpine3.21 AS base
WORKDIR /app
COPY package.json package-lock.json ./

FROM base AS base-dev
ENV NODE_ENV=development
RUN npm ci
COPY . .
CMD ["npx", "nodemon", "src/index.js"]

FROM base AS base-prod
ENV NODE_ENV=production
RUN npm ci --omit=dev && npm cache clean --force
COPY src/ ./src/
USER node
CMD ["node", "src/index.js"]

FROM base-\${VARIANT}
EXPOSE 3000
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'arg-variants',
  },
};

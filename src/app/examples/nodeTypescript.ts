import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  package.json
  package-lock.json
  tsconfig.json
  tsconfig.build.json
  src/index.ts
  src/server.ts
  src/app.ts
  src/config.ts
  src/routes/health.ts
  src/routes/invoices.ts
  src/routes/invoices.test.ts
  src/services/pdf.ts
  src/services/pdf.test.ts
  src/db/client.ts
  src/db/schema.ts
  test/setup.ts
  vitest.config.ts
  eslint.config.js
  .prettierrc
  .nvmrc
  README.md
  .env
  .env.test
  dist/server.js
  dist/app.js
  coverage/lcov.info
  coverage/index.html
  node_modules/.package-lock.json
  node_modules/.bin/tsc
  node_modules/express/package.json
  node_modules/express/index.js
  node_modules/typescript/package.json
  node_modules/typescript/lib/typescript.js
  node_modules/pdfkit/package.json
  node_modules/vitest/package.json
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .github/workflows/ci.yml
  .husky/pre-commit
  .vscode/settings.json
`);

const dockerignore = `node_modules
dist
coverage
.git
.github
.husky
.vscode
.env*
*.md
`;

export const nodeTypescript: Example = {
  id: 'node-typescript',
  title: 'Node.js + TypeScript to node:alpine',
  summary: 'Compile TypeScript with dev dependencies, run the JavaScript with production dependencies only.',
  notice:
    'The build stage installs every dependency, TypeScript and the test runner included, and compiles src/ to dist/. ' +
    'The runtime stage installs again with npm ci --omit=dev and copies only dist/ from the build, so the TypeScript sources, tsconfig and test files are build-only. ' +
    'The local node_modules, dist and .env never leave your machine: .dockerignore keeps them out of the build context.',
  tags: ['node', 'typescript', 'npm ci', 'alpine'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM node:22.12.0-alpine3.21 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src/ ./src/
RUN npm run build

FROM node:22.12.0-alpine3.21 AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/server.js"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'node-typescript',
  },
  before: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM node:22.12.0
WORKDIR /app
COPY . .
RUN npm ci && npm run build
EXPOSE 3000
CMD ["node", "dist/server.js"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'node-typescript',
  },
};

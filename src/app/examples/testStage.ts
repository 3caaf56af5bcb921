import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  package.json
  package-lock.json
  tsconfig.json
  eslint.config.js
  vitest.config.ts
  src/index.ts
  src/queue.ts
  src/queue.test.ts
  src/mailer/index.ts
  src/mailer/templates.ts
  src/mailer/templates.test.ts
  src/mailer/smtp.ts
  src/jobs/digest.ts
  src/jobs/digest.test.ts
  src/jobs/cleanup.ts
  test/fixtures/users.json
  test/helpers.ts
  templates/digest.mjml
  templates/welcome.mjml
  README.md
  .env
  .env.example
  dist/index.js
  coverage/coverage-final.json
  node_modules/.package-lock.json
  node_modules/bullmq/package.json
  node_modules/nodemailer/package.json
  node_modules/vitest/package.json
  node_modules/.bin/vitest
  .git/HEAD
  .git/config
  .git/index
  .github/workflows/ci.yml
`);

const dockerignore = `node_modules
dist
coverage
.git
.github
.env
README.md
`;

export const testStage: Example = {
  id: 'test-stage',
  title: 'A test stage built only with --target test',
  summary: 'Lint and unit tests run in their own stage; the default build skips it entirely.',
  notice:
    'Without a target, BuildKit builds the last stage and only the stages it needs (deps, build, runtime), so the test stage never runs and its COPY . . reads nothing. ' +
    'Pick "test" in the target chooser (docker build --target test) and the graph changes: deps and test are needed, and the whole context goes into the test image. ' +
    'CI builds the test target; the image you ship never holds the test files, the dev dependencies or the linter.',
  tags: ['node', 'testing', '--target', 'ci'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM node:22.12.0-alpine3.21 AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS test
COPY . .
RUN npm run lint && npm test

FROM deps AS build
COPY tsconfig.json ./
COPY src/ ./src/
RUN npm run build && npm prune --omit=dev

FROM node:22.12.0-alpine3.21 AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY templates/ ./templates/
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
CMD ["node", "dist/index.js"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'test-stage',
  },
};

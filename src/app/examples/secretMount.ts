import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  package.json
  package-lock.json
  .npmrc
  server.js
  lib/auth.js
  lib/auth.test.js
  lib/billing.js
  lib/billing.test.js
  lib/db.js
  routes/index.js
  routes/webhooks.js
  config/default.json
  config/production.json
  public/logo.png
  README.md
  .env
  .env.production
  node_modules/.package-lock.json
  node_modules/@acme/design-tokens/package.json
  node_modules/@acme/billing-client/package.json
  node_modules/express/package.json
  node_modules/jest/package.json
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .github/workflows/publish.yml
  .gitignore
`);

const dockerignore = `# .npmrc holds the registry token: it must never enter the build context
.npmrc
.env*
node_modules
.git
.gitignore
.github
**/*.test.js
README.md
`;

export const secretMount: Example = {
  id: 'secret-mount',
  title: 'Secret mount for a private registry token',
  summary: 'Install @acme packages from a private registry without the token ever touching a layer.',
  notice:
    'The token reaches npm ci through RUN --mount=type=secret,id=npmrc: it is mounted at /root/.npmrc for that one command and is in no layer, no build cache and no image history. Build it with docker build --secret id=npmrc,src=$HOME/.npmrc . ' +
    'The .npmrc in the project folder is excluded by .dockerignore, so it is not even sent to the builder. ' +
    'The "before" passes the token as a build argument, which BuildKit warns about (SecretsUsedInArgOrEnv): build arguments are recorded in the image history for anyone who pulls it.',
  tags: ['node', 'secret mount', 'private registry', 'security'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM node:22.12.0-alpine3.21 AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc \\
    npm ci --omit=dev

FROM node:22.12.0-alpine3.21
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json server.js ./
COPY lib/ ./lib/
COPY routes/ ./routes/
COPY config/ ./config/
COPY public/ ./public/
USER node
EXPOSE 8080
CMD ["node", "server.js"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'secret-mount',
  },
  before: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM node:22.12.0-alpine3.21
ARG NPM_TOKEN
ENV NODE_ENV=production
WORKDIR /app
COPY . .
RUN echo "//npm.pkg.github.com/:_authToken=\${NPM_TOKEN}" > .npmrc \\
 && echo "@acme:registry=https://npm.pkg.github.com" >> .npmrc \\
 && npm ci --omit=dev \\
 && rm .npmrc
USER node
EXPOSE 8080
CMD ["node", "server.js"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'secret-mount',
  },
};

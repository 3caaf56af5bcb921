import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  package.json
  package-lock.json
  index.html
  vite.config.ts
  tsconfig.json
  tsconfig.app.json
  tsconfig.node.json
  eslint.config.js
  public/favicon.svg
  public/robots.txt
  src/main.tsx
  src/App.tsx
  src/App.css
  src/index.css
  src/api/client.ts
  src/components/Header.tsx
  src/components/ProductList.tsx
  src/components/ProductList.test.tsx
  src/assets/logo.svg
  src/vite-env.d.ts
  nginx/default.conf
  README.md
  .env.local
  .env.production
  dist/index.html
  dist/assets/index-8f3a1c.js
  dist/assets/index-2b9e4d.css
  node_modules/.vite/deps/react.js
  node_modules/react/package.json
  node_modules/react-dom/package.json
  node_modules/vite/package.json
  node_modules/.bin/vite
  playwright-report/index.html
  .git/HEAD
  .git/config
  .git/index
  .github/workflows/deploy.yml
  .DS_Store
`);

const dockerignore = `node_modules
dist
playwright-report
.git
.github
.env*
.DS_Store
**/*.test.tsx
README.md
`;

export const viteNginx: Example = {
  id: 'vite-nginx',
  title: 'Vite + React build served by nginx',
  summary: 'Build static assets with Node, serve them from an unprivileged nginx image with no Node at all.',
  notice:
    'Node.js, node_modules and the TypeScript sources exist only in the build stage; the final image is nginx plus the built dist/ folder and one server config. ' +
    'The nginx stage copies a whole directory out of the build stage: the files in it are made by RUN npm run build, so the final-image panel shows the directory, not its contents. ' +
    'nginx-unprivileged runs as a normal user, which is why it listens on 8080 instead of 80.',
  tags: ['frontend', 'vite', 'react', 'nginx', 'static site'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM node:22.12.0-alpine3.21 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY index.html vite.config.ts tsconfig.json tsconfig.app.json tsconfig.node.json ./
COPY public/ ./public/
COPY src/ ./src/
RUN npm run build

# nginx-unprivileged: the official nginx build, running as user nginx (uid 101) on port 8080
FROM nginxinc/nginx-unprivileged:1.27.3-alpine
COPY nginx/default.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/dist /usr/share/nginx/html
USER 101
EXPOSE 8080
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'vite-nginx',
  },
  before: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM node:22.12.0
WORKDIR /app
COPY . .
RUN npm ci && npm run build
EXPOSE 5173
CMD ["npx", "vite", "preview", "--host", "0.0.0.0", "--port", "5173"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'vite-nginx',
  },
};

import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  Cargo.toml
  Cargo.lock
  rust-toolchain.toml
  src/main.rs
  src/cli.rs
  src/config.rs
  src/ledger/mod.rs
  src/ledger/account.rs
  src/ledger/journal.rs
  src/ledger/report.rs
  src/storage/mod.rs
  src/storage/sqlite.rs
  tests/integration.rs
  tests/fixtures/journal.csv
  benches/report.rs
  examples/import_csv.rs
  README.md
  LICENSE-MIT
  LICENSE-APACHE
  CHANGELOG.md
  clippy.toml
  rustfmt.toml
  target/CACHEDIR.TAG
  target/release/ledger
  target/release/deps/ledger-4b1f0c2a9e.d
  target/debug/ledger
  target/debug/incremental/ledger-2xq1/s-h3k.lock
  .env
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .github/workflows/ci.yml
`);

const dockerignore = `target/
.git
.github
.env
*.md
LICENSE-*
`;

export const rustCachedDeps: Example = {
  id: 'rust-cached-deps',
  title: 'Rust with the dependency-caching dummy build',
  summary: 'Compile the dependencies against an empty main.rs so code changes rebuild only your crate.',
  notice:
    'The first cargo build runs with only Cargo.toml and Cargo.lock copied in and a dummy src/main.rs, so its layer (all dependencies compiled) is reused until those two files change. ' +
    'Then the real src/ is copied and touched, and only the ledger crate itself is recompiled. ' +
    'The final stage is debian:bookworm-slim with CA certificates and the one release binary; the Rust toolchain and target/ stay behind.',
  tags: ['rust', 'cargo', 'layer caching', 'debian-slim'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM rust:1.83.0-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
# Build the dependencies alone against a dummy main.rs: this layer stays cached
# until Cargo.toml or Cargo.lock change.
RUN mkdir src \\
 && echo 'fn main() {}' > src/main.rs \\
 && cargo build --release --locked \\
 && rm -rf src target/release/deps/ledger-* target/release/ledger*
COPY src/ ./src/
# touch: make cargo see main.rs as newer than the dummy build
RUN touch src/main.rs && cargo build --release --locked

FROM debian:bookworm-20241223-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends ca-certificates \\
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/target/release/ledger /usr/local/bin/ledger
USER nobody
ENTRYPOINT ["/usr/local/bin/ledger"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'rust-cached-deps',
  },
  before: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM rust:1.83.0-bookworm
WORKDIR /src
COPY . .
RUN cargo build --release --locked
ENTRYPOINT ["/src/target/release/ledger"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'rust-cached-deps',
  },
};

/**
 * Frozen share links of format v1, generated once by `encodeShareLink` and never regenerated.
 * `link.test.ts` asserts that each still decodes to its workspace: links people have shared must
 * open the same way in every later release. Add new fixtures; never edit or remove one.
 */
import type { Workspace } from '../workspace.ts';

export interface ShareFixture {
  name: string;
  link: string;
  workspace: Workspace;
}

export const fixturesV1: readonly ShareFixture[] = [
  {
    name: 'empty workspace (every field at its default: the payload is {})',
    link: 'https://stagecraft.example/#v1=q64FAA',
    workspace: { dockerfile: '', files: [], dockerignore: '', target: null, buildArgs: {}, example: null },
  },
  {
    name: 'Go to distroless, from a gallery example',
    link: 'https://stagecraft.example/#v1=TVFNTwIxEP0rTb0ZtxW8bcIBYVWi7JIVYwglpmzLprE7Q9riR4z_3S4LwqGZmTevb-ZlfqiiKb0g_huC_BoorN61413YGKvTnoC7spiSGq2EOu2x_k0i7daAJsNnst4ZqwS8FuXjeFIS7l0lYFTMFpHPGlRt8LuGMC6gfMljSVpU4SdYlPHnnssI69qj--Ity4e3T9l4cN2S9_okQcJxF7jX7kO7KFY16lAIOO5XOWaQK-ODQ6u95z7IYKpE6bWR0OungOAQw2FmkmwcNoNuwLn6v3CWz8vFrJjkc7IU9AjTlQB6RTc0XdLOY6w6lzE5LcYbaYDVGEEDQTuQlsutaV-HstoE_pANxzEvY5hmrFF0FenxIG1TwGVE9tN0hGpMTubo7x8',
    workspace: {
      dockerfile:
        '# syntax=docker/dockerfile:1\nFROM golang:1.23-alpine AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/server ./cmd/server\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/server /server\nENTRYPOINT ["/server"]\n',
      files: ['go.mod', 'go.sum', 'cmd/server/main.go', 'internal/api/api.go', '.git/HEAD', 'README.md'],
      dockerignore: '.git\n*.md\n',
      target: null,
      buildArgs: {},
      example: 'go-distroless',
    },
  },
  {
    name: 'CRLF, tabs, non-ASCII, odd paths, build args with = and &, a target in mixed case',
    link: 'https://stagecraft.example/#v1=VY8xTsMwGIWv8vODMkQhRrBFyhCkAh1aSgggFGdwE5cGEidKjChUlTgCEgsDUmcmBhYGttyEE_QI2CEduvk9v_f0f3NM0EHPP4ZLz-97w8AtqyKhFRVH_ukAWFamgjsH9v4eeOcwZjXf3Qi0zs68Ky-0718MgcfTAig2P6L5jJvvpPmA3_dXWC1fvigCpTpHpWGArO65FmjhBJ0Qk7SCh1ROoS5ZzMkkzbgtZ1J9x0WeM0uwfG2042S1fHvuDEbGJCYJ4fZtXQiMLEwV2zboJheSCtMkpp0VN1Rs3XFe_j9VUarYoQYZKTQ9pC4JsWNSWhOruRB7g1FwrYxWXPWDE7d3puTMfTSeMIoWfw',
    workspace: {
      dockerfile: 'ARG VARIANT=prod\r\nFROM alpine:3.20 AS base-prod\r\nFROM base-${VARIANT}\r\nRUN echo "ünïcødé ✓ 🐳" \\\r\n\t&& true\r\n',
      files: ['dir with space/file.txt', 'comma,name.txt', 'ünï/😀.txt', 'a/b/c/d/e.json'],
      dockerignore: '# comment\n**/*.log\n!keep.log\n',
      target: 'Base-Prod',
      buildArgs: { VARIANT: 'prod', EMPTY: '', 'WITH=EQ': 'x=y&z' },
      example: null,
    },
  },
  {
    name: 'an empty-string target is kept apart from "no target"',
    link: 'https://stagecraft.example/#v1=q1ZKUbJScgvy91UoTi5KLEnOiMlT0lEqAQoq1QIA',
    workspace: { dockerfile: 'FROM scratch\n', files: [], dockerignore: '', target: '', buildArgs: {}, example: null },
  },
];

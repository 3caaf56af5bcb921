/**
 * The stage graph as a standalone SVG document: the on-page graph's nodes and arrows, placed
 * by the same dagre layout (graph/layout.ts), drawn with plain SVG so it opens anywhere (a
 * browser, an image viewer, a README) and can be drawn on a canvas for the PNG export.
 *
 * Every piece of Dockerfile text goes through `xmlText`: nothing from the Dockerfile can
 * become markup, a script or an external reference in the exported file.
 */
import type { Analysis, EdgeKind } from '../../core/types.ts';
import { graphModelOf } from '../graph/graphModel.ts';
import { IMAGE_SIZE, STAGE_SIZE, layoutGraph, type Positions } from '../graph/layout.ts';
import { imageTitle } from './graphText.ts';

/** Escapes text for an SVG/XML text node or attribute value; drops characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Cuts text to about `max` characters (by code point), with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export interface SvgTheme {
  background: string;
  panel: string;
  text: string;
  muted: string;
  border: string;
  target: string;
  needed: string;
  skipped: string;
  edge: Record<EdgeKind, string>;
}

export const lightTheme: SvgTheme = {
  background: '#f8fafc',
  panel: '#ffffff',
  text: '#0f172a',
  muted: '#5b6577',
  border: '#cbd5e1',
  target: '#7c3aed',
  needed: '#2563eb',
  skipped: '#94a3b8',
  edge: { base: '#64748b', copy: '#2563eb', mount: '#b45309' },
};

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export interface GraphSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * An SVG document of the analysis' stage graph. `positions` defaults to the page's dagre layout
 * (top-left corners, as React Flow uses them).
 */
export function graphToSvg(analysis: Analysis, dockerfile: string, opts: { positions?: Positions; theme?: SvgTheme; title?: string } = {}): GraphSvg {
  const lines = dockerfile.split(/\r?\n/);
  const model = graphModelOf(analysis, lines);
  const positions = opts.positions ?? layoutGraph(model);
  const theme = opts.theme ?? lightTheme;
  const pad = 24;

  const boxes = new Map<string, { x: number; y: number; w: number; h: number }>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of model.nodes) {
    const size = n.kind === 'stage' ? STAGE_SIZE : IMAGE_SIZE;
    const p = positions[n.id] ?? { x: 0, y: 0 };
    boxes.set(n.id, { x: p.x, y: p.y, w: size.width, h: size.height });
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + size.width);
    maxY = Math.max(maxY, p.y + size.height);
  }
  if (model.nodes.length === 0) [minX, minY, maxX, maxY] = [0, 0, 240, 60];
  const titleHeight = opts.title ? 28 : 0;
  const width = Math.ceil(maxX - minX + pad * 2);
  const height = Math.ceil(maxY - minY + pad * 2 + titleHeight);
  const dx = pad - minX;
  const dy = pad - minY + titleHeight;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlText(FONT)}" role="img">`,
  );
  out.push(`<title>${xmlText(opts.title ?? 'Stage graph')}</title>`);
  out.push('<defs>');
  for (const kind of ['base', 'copy', 'mount'] as const) {
    out.push(
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${theme.edge[kind]}"/></marker>`,
    );
  }
  out.push('</defs>');
  out.push(`<rect width="100%" height="100%" fill="${theme.background}"/>`);
  if (opts.title) out.push(`<text x="${pad}" y="${pad + 4}" font-size="14" font-weight="600" fill="${theme.text}">${xmlText(clip(opts.title, 90))}</text>`);

  // arrows first, so nodes sit on top of them
  out.push(`<g class="edges" fill="none">`);
  for (const e of model.edges) {
    const s = boxes.get(e.source)!;
    const t = boxes.get(e.target)!;
    const x1 = s.x + s.w + dx;
    const y1 = s.y + s.h / 2 + dy;
    const x2 = t.x + dx;
    const y2 = t.y + t.h / 2 + dy;
    const c = Math.max(40, Math.abs(x2 - x1) / 2);
    const colour = theme.edge[e.kind];
    const dash = e.kind === 'mount' ? ' stroke-dasharray="6 4"' : '';
    out.push(
      `<path class="edge edge--${e.kind}" data-from="${xmlText(e.from)}" data-to="${e.to}" d="M${r(x1)},${r(y1)} C${r(x1 + c)},${r(y1)} ${r(x2 - c)},${r(y2)} ${r(x2)},${r(y2)}" stroke="${colour}" stroke-width="1.6"${dash} marker-end="url(#arrow-${e.kind})"/>`,
    );
  }
  out.push('</g>');
  out.push(`<g class="nodes">`);
  const needed = new Set(analysis.needed);
  for (const n of model.nodes) {
    const b = boxes.get(n.id)!;
    const x = b.x + dx;
    const y = b.y + dy;
    if (n.kind === 'stage') {
      const stage = analysis.stages[n.index!];
      const isTarget = analysis.target === stage.index;
      const isNeeded = needed.has(stage.index);
      const stroke = isTarget ? theme.target : isNeeded ? theme.needed : theme.skipped;
      const name = stage.nameAsWritten ?? stage.name ?? `#${stage.index}`;
      const badge = isTarget ? 'target' : isNeeded ? '' : 'skipped';
      out.push(
        `<g class="stage" data-stage-index="${stage.index}" data-stage-name="${xmlText(stage.name ?? '')}" data-target="${isTarget}" data-needed="${isNeeded}"${isNeeded ? '' : ' opacity="0.75"'}>`,
      );
      out.push(
        `<rect x="${r(x)}" y="${r(y)}" width="${b.w}" height="${b.h}" rx="8" fill="${theme.panel}" stroke="${stroke}" stroke-width="${isTarget ? 2.5 : 1.5}"${isNeeded ? '' : ' stroke-dasharray="5 4"'}/>`,
      );
      out.push(`<text x="${r(x + 12)}" y="${r(y + 24)}" font-size="14" font-weight="600" fill="${theme.text}">${xmlText(clip(name, badge ? 17 : 24))}</text>`);
      if (badge) {
        const bw = badge.length * 6.4 + 12;
        out.push(
          `<rect x="${r(x + b.w - bw - 10)}" y="${r(y + 11)}" width="${r(bw)}" height="17" rx="8.5" fill="${isTarget ? theme.target : theme.skipped}"/><text x="${r(x + b.w - bw / 2 - 10)}" y="${r(y + 23.5)}" font-size="10.5" text-anchor="middle" fill="#ffffff">${badge}</text>`,
        );
      }
      out.push(`<text x="${r(x + 12)}" y="${r(y + 48)}" font-size="11.5" font-family="${xmlText(MONO)}" fill="${theme.muted}">${xmlText(clip(`FROM ${stage.base}`, 27))}</text>`);
      out.push(`<text x="${r(x + 12)}" y="${r(y + 72)}" font-size="11" fill="${theme.muted}">${xmlText(`lines ${stage.line}–${stage.endLine}`)}</text>`);
      out.push('</g>');
    } else {
      const ref = n.ref ?? '';
      const used = analysis.edges.some((e) => e.from === n.id && needed.has(e.to));
      out.push(`<g class="image" data-image="${xmlText(ref)}"${used ? '' : ' opacity="0.75"'}>`);
      out.push(
        `<rect x="${r(x)}" y="${r(y)}" width="${b.w}" height="${b.h}" rx="${b.h / 2}" fill="${theme.background}" stroke="${theme.border}" stroke-width="1.2" stroke-dasharray="4 3"/>`,
      );
      out.push(`<text x="${r(x + 16)}" y="${r(y + 18)}" font-size="9.5" fill="${theme.muted}">${ref === 'scratch' ? 'EMPTY' : 'IMAGE'}</text>`);
      out.push(`<text x="${r(x + 16)}" y="${r(y + 34)}" font-size="11.5" font-family="${xmlText(MONO)}" fill="${theme.text}">${xmlText(clip(imageTitle(ref), 21))}</text>`);
      out.push('</g>');
    }
  }
  out.push('</g>');
  // labels last: readable on top of the boxes they may overlap in a tight layout
  out.push(`<g class="edge-labels" font-size="11">`);
  for (const e of model.edges) {
    if (e.kind === 'base') continue;
    const s = boxes.get(e.source)!;
    const t = boxes.get(e.target)!;
    const mx = (s.x + s.w + t.x) / 2 + dx;
    const my = (s.y + s.h / 2 + t.y + t.h / 2) / 2 + dy + e.parallel * 16;
    const text = clip(e.label, 28);
    const w = text.length * 6.2 + 10;
    out.push(
      `<g><rect x="${r(mx - w / 2)}" y="${r(my - 9)}" width="${r(w)}" height="17" rx="4" fill="${theme.panel}" stroke="${theme.edge[e.kind]}" stroke-width="0.8"/><text x="${r(mx)}" y="${r(my + 3.5)}" text-anchor="middle" fill="${theme.edge[e.kind]}">${xmlText(text)}</text></g>`,
    );
  }
  out.push('</g>');

  out.push('</svg>');
  return { svg: `${out.join('\n')}\n`, width, height };
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

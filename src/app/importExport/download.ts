/** Saving a file from the page: a Blob handed to the browser's download, nothing sent anywhere. */

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // the download has started by the next turn; keep the URL a little longer for slow browsers
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Saves text as a file. The default type is a plain byte stream: with `text/plain`, browsers
 * append `.txt` to names without an extension (`Dockerfile` would become `Dockerfile.txt`).
 */
export function downloadText(text: string, filename: string, type = 'application/octet-stream'): void {
  downloadBlob(new Blob([text], { type: type.startsWith('text/') || type.includes('xml') ? `${type};charset=utf-8` : type }), filename);
}

/**
 * Draws an SVG document on a canvas and encodes it as PNG (`scale` 2: sharp on high-density
 * screens and in READMEs). The SVG is self-contained (no external images or fonts), so the
 * canvas is never tainted.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** `go-scratch`, or `dockerfile` when the workspace is not an example: a base for file names. */
export function fileStem(example: string | null): string {
  const stem = (example ?? '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return stem === '' ? 'dockerfile' : stem;
}

/**
 * An in-memory `Storage`: for tests, and as the fallback when localStorage is unavailable
 * (blocked cookies, some private modes, sandboxed iframes), so autosave code has one path.
 */
export class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();

  /** @param quota maximum total characters (keys + values) before setItem throws, like a full localStorage */
  constructor(private readonly quota = Infinity) {}

  get length(): number {
    return this.map.size;
  }

  key(index: number): string | null {
    return [...this.map.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.map.get(String(key)) ?? null;
  }

  setItem(key: string, value: string): void {
    const k = String(key);
    const v = String(value);
    let used = k.length + v.length;
    for (const [ok, ov] of this.map) if (ok !== k) used += ok.length + ov.length;
    if (used > this.quota) {
      throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
    }
    this.map.set(k, v);
  }

  removeItem(key: string): void {
    this.map.delete(String(key));
  }

  clear(): void {
    this.map.clear();
  }

  [name: string]: unknown;
}

/**
 * A list of many same-height rows that renders only the rows in view (and a margin around
 * them): the rows above and below are stood in for by the list's padding, so the scroll bar is
 * that of the whole list. One row may be taller (the selected file with its journey); its
 * height is measured. The rows in view are where the scrolling panel and the window both show
 * the list, so a page that scrolls as a whole (narrow screens) works too.
 *
 * The keyboard walks the whole list, not only the rendered rows: ArrowUp/ArrowDown move to the
 * previous/next row, Home/End to the first/last.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface WindowedListProps {
  count: number;
  /** every row's height in px, but the tall one's */
  rowHeight: number;
  /** renders row `index` as an `<li data-row-index={index}>` */
  renderRow(index: number): ReactNode;
  /** the element that scrolls (the panel body) */
  scrollRef: RefObject<HTMLElement | null>;
  /** a row that may be taller than `rowHeight`, or -1 */
  tallIndex?: number;
  /** when this changes, the list scrolls back to its top (a new filter) */
  resetKey?: unknown;
  /** keys the list does not handle itself (runs first; preventDefault to take the key) */
  onKeyDown?(event: KeyboardEvent<HTMLUListElement>, index: number): void;
  ariaLabel: string;
  testId?: string;
}

/** rows rendered beyond each edge of the view */
const OVERSCAN = 24;
/** the rendered range moves in steps of this many rows (fewer re-renders while scrolling) */
const STEP = 8;
/** what a list not laid out yet (hidden) renders: a first screenful */
const FALLBACK_HEIGHT = 900;

interface Range {
  start: number;
  end: number;
}

export function WindowedList({ count, rowHeight: H, renderRow, scrollRef, tallIndex = -1, resetKey, onKeyDown, ariaLabel, testId }: WindowedListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const [range, setRange] = useState<Range>(() => ({ start: 0, end: Math.min(count, 64) }));
  const [tallExtra, setTallExtra] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  const tall = tallIndex >= 0 && tallIndex < count ? tallIndex : -1;
  const extra = tall >= 0 ? tallExtra : 0;
  /** where row `i` starts, from the list's top */
  const topOf = (i: number) => i * H + (tall >= 0 && i > tall ? extra : 0);

  /** the rows from list offset `y` over `height` px, with the margin */
  const rangeAt = useCallback(
    (y: number, height: number): Range => {
      if (count === 0) return { start: 0, end: 0 };
      const indexAt = (at: number) => {
        const i = tall < 0 || at < tall * H ? Math.floor(at / H) : at < (tall + 1) * H + extra ? tall : Math.floor((at - extra) / H);
        return Math.max(0, Math.min(count - 1, i));
      };
      const start = Math.max(0, Math.floor((indexAt(y) - OVERSCAN) / STEP) * STEP);
      const end = Math.min(count, Math.ceil((indexAt(y + height) + 1 + OVERSCAN) / STEP) * STEP);
      return { start, end };
    },
    [count, H, tall, extra],
  );

  const update = useCallback(() => {
    const box = scrollRef.current;
    const list = listRef.current;
    if (!box || !list) return;
    const boxRect = box.getBoundingClientRect();
    const listTop = list.getBoundingClientRect().top;
    const top = Math.max(boxRect.top, 0);
    const bottom = boxRect.height === 0 ? top + FALLBACK_HEIGHT : Math.min(boxRect.bottom, window.innerHeight);
    const next = rangeAt(Math.max(0, top - listTop), Math.max(0, bottom - top));
    setRange((r) => (r.start === next.start && r.end === next.end ? r : next));
  }, [scrollRef, rangeAt]);

  // follow scrolling (the panel's or the page's) and resizing, at most once a frame
  useEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    let frame = 0;
    const schedule = () => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          update();
        });
    };
    box.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    resize?.observe(box);
    return () => {
      box.removeEventListener('scroll', schedule);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      resize?.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [scrollRef, update]);

  // a new row count or tall row: the range is worked out again before the browser paints
  useLayoutEffect(update, [update]);

  // a new filter: back to the list's top
  const firstReset = useRef(true);
  useLayoutEffect(() => {
    if (firstReset.current) {
      firstReset.current = false;
      return;
    }
    const box = scrollRef.current;
    const list = listRef.current;
    if (!box || !list) return;
    const above = list.getBoundingClientRect().top - box.getBoundingClientRect().top;
    if (above < 0) box.scrollTop += above;
  }, [resetKey, scrollRef]);

  const start = Math.min(range.start, count);
  const end = Math.min(Math.max(range.end, start), count);

  // the tall row's height, measured while it is rendered (its journey grows when the worker answers)
  useLayoutEffect(() => {
    if (tall < start || tall >= end) return;
    const row = rowElement(listRef.current, tall);
    if (!row) return;
    const measure = () => setTallExtra(Math.max(0, row.offsetHeight - H));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(row);
    return () => observer.disconnect();
  }, [tall, start, end, H]);

  // a row asked for by the keyboard: focus it once it is rendered (focus scrolls it into view)
  useLayoutEffect(() => {
    const want = pendingFocus.current;
    if (want === null || want < start || want >= end) return;
    pendingFocus.current = null;
    focusable(rowElement(listRef.current, want))?.focus();
  });

  const focusRow = (index: number) => {
    if (index >= start && index < end) {
      focusable(rowElement(listRef.current, index))?.focus();
      return;
    }
    // render the rows around it first; the layout effect above focuses it
    pendingFocus.current = index;
    setRange(rangeAt(topOf(index), FALLBACK_HEIGHT / 2));
  };

  const keyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, form')) return;
    const row = target.closest<HTMLElement>('[data-row-index]');
    if (!row) return;
    const index = Number(row.dataset.rowIndex);
    onKeyDown?.(e, index);
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const to = e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? count - 1 : null;
    if (to === null || to < 0 || to >= count) return;
    e.preventDefault();
    focusRow(to);
  };

  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) rows.push(renderRow(i));
  return (
    <ul
      ref={listRef}
      className="tree tree--flat"
      aria-label={ariaLabel}
      data-testid={testId}
      data-rows={count}
      style={{ paddingTop: topOf(start), paddingBottom: Math.max(0, topOf(count) - topOf(end)) }}
      onKeyDown={keyDown}
    >
      {rows}
    </ul>
  );
}

function rowElement(list: HTMLElement | null, index: number): HTMLElement | null {
  return list?.querySelector<HTMLElement>(`:scope > [data-row-index="${index}"]`) ?? null;
}

function focusable(row: HTMLElement | null): HTMLElement | null {
  return row?.querySelector<HTMLElement>('button, [tabindex]') ?? null;
}

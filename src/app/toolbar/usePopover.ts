/**
 * A panel that opens under its button and closes on Escape or a click anywhere else. It opens
 * towards the side with room: leftwards from a button on the right of the toolbar, rightwards
 * when the toolbar has wrapped and the button sits near the left edge.
 */
import { useEffect, useRef, useState } from 'react';

const PANEL_WIDTH = 480;

export function usePopover<T extends HTMLElement = HTMLDivElement>() {
  const [open, setOpenState] = useState(false);
  const [alignLeft, setAlignLeft] = useState(false);
  const ref = useRef<T>(null);
  const setOpen = (value: boolean) => {
    if (value && ref.current) setAlignLeft(ref.current.getBoundingClientRect().right < Math.min(PANEL_WIDTH, window.innerWidth - 12));
    setOpenState(value);
  };
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpenState(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpenState(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return { open, setOpen, ref, placement: alignLeft ? 'popover--from-left' : '' };
}

/** Light and dark follow the system; this hook tells the components that need to know. */
import { useSyncExternalStore } from 'react';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(query);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function prefersDark(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(query).matches;
}

export function useColorScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, () => (prefersDark() ? 'dark' : 'light'), () => 'light');
}

export { subscribe as subscribeToColorScheme };

/**
 * Offline support: registers public/sw.js, which caches the app shell and every hashed asset
 * (the Monaco chunk and both workers included) so that after the first visit the playground
 * loads and analyses with the network gone.
 *
 * Production builds only: in `npm start` a service worker would serve stale modules over Vite's
 * hot reload. Registration waits for the page's own load, so it never competes with the first
 * paint, and a failure only costs offline support, so it is not an error.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const register = () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((e: unknown) => {
      console.warn(`Stagecraft works online only: the offline cache could not be set up (${e instanceof Error ? e.message : String(e)})`);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

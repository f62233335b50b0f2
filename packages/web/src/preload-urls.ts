/**
 * The API requests of the first view, started by a script inlined in index.html's head (see
 * vite.config.ts) while the main script still loads: the shell's, and the world page's when the URL
 * opens it. No imports: it is compiled on its own. `api.ts` takes these answers instead of asking
 * again; `preload-urls.test.ts` checks they are the URLs the pages ask for.
 */
export function preloadUrls(search: string): string[] {
  const params = new URLSearchParams(search);
  const urls = ['/api/v1/countries'];
  if ((params.get('page') ?? 'world') === 'world') {
    const date = params.get('date')?.trim() ?? '';
    const query = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `?date=${date}` : '';
    if (query) urls.push(`/api/v1/countries${query}`);
    urls.push(`/api/v1/hotspots${query}`, '/api/v1/indicators');
  }
  urls.push('/api/v1/health');
  return urls;
}

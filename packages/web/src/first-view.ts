import { apiUrl } from './api.ts';

/**
 * The requests of the first view, named once: the shell's on every page, the world page's for the
 * day shown (absent: the last day with data). `preload-urls.ts` starts the same ones before the
 * main script runs (its test holds them equal).
 */
export const SHELL_URLS = { countries: apiUrl('/countries'), health: apiUrl('/health') } as const;

export function worldUrls(date: string | undefined) {
  return {
    countries: apiUrl('/countries', { date }),
    hotspots: apiUrl('/hotspots', { date }),
    latest: apiUrl('/countries'),
    catalog: apiUrl('/indicators'),
  } as const;
}

import { describe, expect, it } from 'vitest';
import { SHELL_URLS, worldUrls } from './first-view.ts';
import { preloadUrls } from './preload-urls.ts';
import { parseState } from './url-state.ts';

/** What the shell and the page the URL opens ask for first, as the app computes it. */
function firstRequests(search: string): string[] {
  const state = parseState(search);
  const world = state.page === 'world' ? Object.values(worldUrls(state.date)) : [];
  return [...new Set([...Object.values(SHELL_URLS), ...world])].sort();
}

describe('the requests started before the main script', () => {
  it.each([
    '',
    '?page=world',
    '?page=world&date=2017-08-27',
    '?date=2017-08-27&colour=events',
    '?page=world&date=%202017-08-27%20',
    '?page=country&country=MMR',
    '?page=events&country=NGA',
    '?page=sources',
  ])('are the first view’s own for %j', (search) => {
    expect([...new Set(preloadUrls(search))].sort()).toEqual(firstRequests(search));
  });
});

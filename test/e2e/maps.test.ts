import { describe, expect, it } from 'vitest';
import { ready } from './fixture.ts';
import { browserSuite } from './suite.ts';

const count = (n: number) => n.toLocaleString('en');

describe.runIf(ready)(
  'the maps in Chromium: regions, the events selection, every country by keyboard',
  () => {
    const t = browserSuite();
    const { api, shot } = t;

    it('maps a country’s regions as circles from the API, and Enter on one opens its events', async () => {
      const window = 'from=2016-01-01&to=2016-05-28';
      await t.page.goto(`${t.base}/?page=country&country=NGA&${window}`);
      const regions = await api<{
        regions: { adm1: string; name: string; events: number; conflict_share: number; lat: number | null }[];
      }>(`/countries/NGA/regions?${window}`);
      const placed = regions.regions.filter((r) => r.lat !== null);
      expect(placed.length).toBeGreaterThan(10);
      const symbols = t.page.locator('[data-testid="region-map"] circle[data-adm1]');
      await symbols.first().waitFor();
      await expect.poll(() => symbols.count()).toBe(placed.length);
      const shown = await symbols.evaluateAll((cs) =>
        cs.map((c) => ({
          adm1: c.getAttribute('data-adm1'),
          events: Number(c.getAttribute('data-events')),
          r: Number(c.getAttribute('r')),
        })),
      );
      expect(shown.map((s) => [s.adm1, s.events])).toEqual(placed.map((r) => [r.adm1, r.events]));
      // area follows events: the busiest region has the largest circle
      expect(Math.max(...shown.map((s) => s.r))).toBe(shown[0]?.r);
      expect(shown[0]?.r).toBeGreaterThan(shown.at(-1)?.r ?? Infinity);
      const top = placed[0];
      if (!top) throw new Error('no region');
      const link = t.page.locator('[data-testid="region-symbol"]').first();
      expect(await link.getAttribute('aria-label')).toContain(`${top.name}: ${count(top.events)} events`);
      await expect
        .poll(() => t.page.getByTestId('size-legend').getAttribute('aria-label'))
        .toContain(count(top.events));
      expect(await t.page.locator('.region-map [data-testid="colour-legend"]').textContent()).toContain(
        'conflict share',
      );
      await shot('country-region-map');
      await link.focus();
      await t.page.keyboard.press('Enter');
      await expect.poll(() => new URL(t.page.url()).searchParams.get('adm1')).toBe(top.adm1);
      const params = new URL(t.page.url()).searchParams;
      expect(params.get('page')).toBe('events');
      expect(params.get('country')).toBe('NGA');
      expect(params.get('from')).toBe('2016-01-01');
      expect(params.get('to')).toBe('2016-05-28');
      const events = await api<{ events: { id: string; action_geo_adm1: string }[] }>(
        `/events?country=NGA&adm1=${encodeURIComponent(top.adm1)}&${window}&limit=100`,
      );
      expect(events.events.length).toBe(Math.min(100, top.events));
      expect(events.events.every((e) => e.action_geo_adm1 === top.adm1)).toBe(true);
      await expect.poll(() => t.page.getByTestId('event-row').count()).toBe(events.events.length);
      expect(await t.page.getByTestId('filter-adm1').inputValue()).toBe(top.adm1);
      const csv = new URL((await t.page.getByTestId('export-csv').getAttribute('href')) ?? '', t.base);
      expect(csv.searchParams.get('adm1')).toBe(top.adm1);
    });

    interface Points {
      points: { lat: number; lon: number; events: number }[];
      places: number;
      events: number;
      located: number;
    }
    const circles = () =>
      t.page.locator('[data-testid="points-map"] circle').evaluateAll((cs) =>
        cs.map((c) => ({
          x: Number(c.getAttribute('cx')),
          y: Number(c.getAttribute('cy')),
          events: Number(c.getAttribute('data-events')),
        })),
      );

    it('maps the events selection, zoomed to its extent, each place once with its events', async () => {
      const filter = 'country=NGA&from=2016-03-01&to=2016-03-31';
      await t.page.goto(`${t.base}/?page=events&${filter}`);
      const expected = await api<Points>(`/events/points?${filter}`);
      await t.page.locator('[data-testid="points-map"] circle').first().waitFor();
      expect(expected.places).toBe(expected.points.length);
      await expect
        .poll(() => t.page.locator('[data-testid="points-map"] circle').count())
        .toBe(expected.places);
      const shown = await circles();
      expect(shown.map((c) => c.events)).toEqual(expected.points.map((p) => p.events));
      expect(shown.reduce((s, c) => s + c.events, 0)).toBe(expected.located);
      // zoomed: every place inside the frame, spread over a good part of it (not a dot on a world map)
      const xs = shown.map((c) => c.x);
      const ys = shown.map((c) => c.y);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeLessThanOrEqual(960);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...ys)).toBeLessThanOrEqual(440);
      expect(Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys))).toBeGreaterThan(
        200,
      );
      const note = (await t.page.getByTestId('points-note').textContent()) ?? '';
      expect(note).toContain(
        `${count(expected.located)} events of ${count(expected.events)} have coordinates`,
      );
      expect(note).toContain('Every place is drawn');
      expect(await t.page.getByTestId('points-capped').count()).toBe(0);
      await shot('events-map');
    });

    it('draws only the busiest places of a large selection and says so', async () => {
      await t.page.goto(`${t.base}/?page=events`);
      const expected = await api<Points>('/events/points');
      await t.page.getByTestId('points-capped').waitFor();
      expect(expected.places).toBeGreaterThan(expected.points.length);
      await expect
        .poll(() => t.page.locator('[data-testid="points-map"] circle').count())
        .toBe(expected.points.length);
      expect(await t.page.getByTestId('points-capped').textContent()).toContain(
        `Only the ${count(expected.points.length)} busiest places are drawn`,
      );
      expect(await t.page.getByTestId('points-note').textContent()).toContain(
        `at ${count(expected.places)} places`,
      );
    });

    it('reaches every country of the world map by keyboard, hotspot or not, and Enter opens it', async () => {
      await t.page.goto(`${t.base}/?page=world&date=2017-08-27`);
      const map = t.page.getByTestId('world-map');
      await map.locator('a').first().waitFor();
      const shapes = await map.locator('path[data-iso3]').count();
      const links = map.locator('a[href]');
      expect(await links.count()).toBe(shapes);
      expect(shapes).toBeGreaterThan(170);
      // alphabetical tab order, every link named
      const names = await links.evaluateAll((as) => as.map((a) => a.getAttribute('aria-label') ?? ''));
      expect(names.every((n) => /^.+: .+/.test(n))).toBe(true);
      const countries = names.map((n) => n.split(':')[0] ?? '');
      expect(countries).toEqual([...countries].sort((a, b) => a.localeCompare(b, 'en')));
      const hotspots = await api<{ hotspots: { country: string }[] }>('/hotspots?date=2017-08-27');
      expect(hotspots.hotspots.some((h) => h.country === 'BRA')).toBe(false);
      const brazil = map.locator('a:has(path[data-iso3="BRA"])');
      expect(await brazil.getAttribute('aria-label')).toBe('Brazil: no hotspot');
      // from the skip link, Tab walks the countries in order
      await t.page.locator('.skip-map').focus();
      await t.page.keyboard.press('Tab');
      expect(await t.page.locator(':focus').getAttribute('aria-label')).toBe(names[0]);
      await t.page.keyboard.press('Tab');
      expect(await t.page.locator(':focus').getAttribute('aria-label')).toBe(names[1]);
      await brazil.focus();
      await t.page.keyboard.press('Enter');
      await expect.poll(() => new URL(t.page.url()).searchParams.get('country')).toBe('BRA');
      expect(new URL(t.page.url()).searchParams.get('date')).toBe('2017-08-27');
      await expect.poll(() => t.page.getByTestId('country-title').textContent()).toContain('Brazil');
      // the skip link jumps past the map
      await t.page.goBack();
      await t.page.locator('.skip-map').focus();
      await t.page.keyboard.press('Enter');
      expect(await t.page.locator(':focus').getAttribute('id')).toBe('after-world-map');
    });
  },
);

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServed, ready, serve, type Served } from './fixture.ts';
import { browserSuite } from './suite.ts';

describe.runIf(ready)('the dashboard in Chromium', () => {
  const t = browserSuite();
  const { api, shot } = t;
  let empty: Served | undefined;
  beforeAll(async () => {
    empty = await serve([]);
  });
  afterAll(() => closeServed(empty));

  it('opens the world on a day: the map and the ranked hotspots match the API', async () => {
    await t.page.goto(`${t.base}/?page=world&date=2017-08-27`);
    await t.page.getByTestId('hotspot-row').first().waitFor();
    const expected = await api<{ hotspots: { country: string; level: string }[] }>(
      '/hotspots?date=2017-08-27',
    );
    const shown = await t.page
      .getByTestId('hotspot-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country')));
    expect(shown).toEqual(expected.hotspots.map((h) => h.country));
    await expect
      .poll(() => t.page.locator('[data-testid="world-map"] [data-iso3="MMR"]').getAttribute('data-level'))
      .toBe(expected.hotspots.find((h) => h.country === 'MMR')?.level);
    expect(await t.page.getByTestId('date-input').inputValue()).toBe('2017-08-27');
    const sparks = await api<{ series: { country: string; values: number[] }[] }>(
      '/conflict-series?countries=MMR&to=2017-08-27&days=60',
    );
    const spark = t.page.locator('[data-testid="hotspot-row"][data-country="MMR"] [data-testid="sparkline"]');
    await spark.waitFor();
    expect(await spark.getAttribute('data-points')).toBe('60');
    expect(Number(await spark.getAttribute('data-max'))).toBe(
      Math.max(1, ...(sparks.series[0]?.values ?? [])),
    );
    await shot('world');
  });

  it('asks for each answer of the first view once, or not at all when inlined: the head starts them, the app takes them', async () => {
    const html = await (await fetch(`${t.base}/?page=world&date=2017-08-27`)).text();
    const inlined = [...html.matchAll(/data-answer="([^"]+)"/g)].map((m) => m[1]);
    const asked: string[] = [];
    const listen = (r: { url: () => string }) => {
      if (r.url().includes('/api/v1/')) asked.push(r.url().slice(t.base.length));
    };
    t.page.on('request', listen);
    await t.page.goto(`${t.base}/?page=world&date=2017-08-27`);
    await t.page.getByTestId('hotspot-row').first().waitFor();
    await t.page.getByTestId('countries-table').waitFor();
    t.page.off('request', listen);
    const once = [
      '/api/v1/countries',
      '/api/v1/countries?date=2017-08-27',
      '/api/v1/hotspots?date=2017-08-27',
      '/api/v1/indicators',
      '/api/v1/health',
    ];
    for (const url of once)
      expect(asked.filter((u) => u === url).length + (inlined.includes(url) ? 1 : 0), url).toBe(1);
    const preloaded = await t.page.evaluate(
      () => (globalThis as unknown as { __peacebellPreload?: Map<string, unknown> }).__peacebellPreload?.size,
    );
    expect(preloaded).toBe(0);
  });

  it('moves in time from the date control, and a reload reproduces the view', async () => {
    await t.page.getByTestId('date-input').fill('2017-09-01');
    await t.page.getByTestId('date-input').press('Enter');
    await expect.poll(() => new URL(t.page.url()).searchParams.get('date')).toBe('2017-09-01');
    await t.page.reload();
    expect(await t.page.getByTestId('date-input').inputValue()).toBe('2017-09-01');
  });

  it('follows a hotspot to its country, its indicators and its evidence', async () => {
    await t.page.goto(`${t.base}/?page=world&date=2017-08-27`);
    await t.page.locator('[data-testid="hotspot-row"][data-country="MMR"] a').first().click();
    await expect.poll(() => new URL(t.page.url()).searchParams.get('country')).toBe('MMR');
    await expect.poll(() => t.page.getByTestId('country-title').textContent()).toContain('Myanmar');
    await t.page.getByTestId('indicator-chart').waitFor();
    await t.page.getByTestId('explain-events').waitFor();
    const explain = await api<{ top_events: unknown[] }>('/hotspots/MMR/explain?date=2017-08-27');
    expect(explain.top_events.length).toBeGreaterThan(0);
    const history = await api<{ hotspots: { day: string; phase: string }[] }>(
      '/hotspots?country=MMR&from=2016-08-28&to=2017-08-27&level=warning',
    );
    const started = history.hotspots.filter((h) => h.phase === 'new').map((h) => h.day);
    expect(started).toContain('2017-08-25');
    await expect
      .poll(() =>
        t.page
          .locator('[data-testid="hotspot-history"] tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-day'))),
      )
      .toEqual(started);
    await shot('country');
  });

  it('shows a pair both ways with the links to the sources behind it', async () => {
    await t.page.goto(`${t.base}/?page=pair&a=USA&b=CHN&grain=day&from=2026-05-10&to=2026-05-14`);
    await expect
      .poll(() => t.page.getByTestId('pair-title').textContent())
      .toMatch(/United States.*China|USA.*CHN/);
    await t.page.getByTestId('relations-chart').waitFor();
    // a few days on a daily axis: whole UTC days, no hours; the two directions told apart in the legend
    const ticks = await t.page
      .locator('[data-testid="relations-chart"] svg [aria-label="x-axis tick label"] text')
      .allTextContents();
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.join(' ')).not.toMatch(/AM|PM/);
    expect(await t.page.getByTestId('line-legend').first().textContent()).toMatch(/USA → CHN.*CHN → USA/);
    const relations = await api<{ top_events: { source_url: string | null }[] }>(
      '/pairs/USA/CHN?grain=day&from=2026-05-10&to=2026-05-14',
    );
    const link = t.page.getByTestId('source-link').first();
    expect(await link.getAttribute('href')).toBe(relations.top_events.find((e) => e.source_url)?.source_url);
    expect(await link.getAttribute('rel')).toContain('noopener');
    await shot('pair');
    // the events behind another point of the series
    await t.page.getByTestId('pair-point').selectOption('2026-05-13');
    await expect.poll(() => new URL(t.page.url()).searchParams.get('point')).toBe('2026-05-13');
    const other = await api<{ events_period: string; top_events: { event_date: string }[] }>(
      '/pairs/USA/CHN?grain=day&from=2026-05-10&to=2026-05-14&events_period=2026-05-13',
    );
    expect(other.events_period).toBe('2026-05-13');
    await expect
      .poll(() => t.page.locator('[data-testid="pair-events"] li').count())
      .toBe(other.top_events.length);
    expect(other.top_events.every((e) => e.event_date === '2026-05-13')).toBe(true);
  });

  it('lists events with paging and exports exactly what is shown', async () => {
    const filter = 'country=NGA&from=2016-03-01&to=2016-03-31';
    await t.page.goto(`${t.base}/?page=events&${filter}`);
    await t.page.getByTestId('event-row').first().waitFor();
    const first = await api<{ events: { id: string }[]; next_cursor: string | null }>(
      `/events?${filter}&limit=100`,
    );
    const rows = t.page.getByTestId('event-row');
    expect(await rows.count()).toBe(first.events.length);
    const head = await t.page.locator('[data-testid="events-table"] thead th').allTextContents();
    expect(head).toContain('Day (UTC)');
    const href = (await t.page.getByTestId('export-csv').getAttribute('href')) ?? '';
    const exported = new URL(href, t.base);
    expect(exported.searchParams.get('format')).toBe('csv');
    expect(exported.searchParams.get('country')).toBe('NGA');
    const csv = await (await fetch(exported)).text();
    expect(csv.trimEnd().split('\n').length - 1).toBeGreaterThanOrEqual(first.events.length);
    if (first.next_cursor) {
      await t.page.getByTestId('next-page').click();
      await expect.poll(() => t.page.getByTestId('event-row').count()).toBeGreaterThan(0);
    }
    await shot('events');
  });

  it('shows each source’s freshness', async () => {
    await t.page.goto(`${t.base}/?page=sources`);
    await t.page.getByTestId('sources-table').waitFor();
    const sources = await api<{ sources: unknown[] }>('/sources');
    await expect
      .poll(() => t.page.locator('[data-testid="sources-table"] tbody tr').count())
      .toBe(sources.sources.length);
    const rejects = await api<{ rejects: unknown[] }>('/rejects?limit=200');
    if (rejects.rejects.length > 0) {
      await expect
        .poll(() => t.page.locator('[data-testid="rejects-table"] tbody tr').count())
        .toBe(rejects.rejects.length);
    } else {
      await expect.poll(() => t.page.getByText('No row was set aside').count()).toBe(1);
    }
    await expect.poll(() => t.page.getByText('No GDELT file has failed or gone missing.').count()).toBe(1);
    await shot('sources');
  });

  it('shows a country’s regions, most active first, and its latest events with their links', async () => {
    await t.page.goto(`${t.base}/?page=country&country=NGA&from=2016-01-01&to=2016-05-28`);
    const regions = await api<{ regions: { adm1: string; events: number }[] }>(
      '/countries/NGA/regions?from=2016-01-01&to=2016-05-28',
    );
    expect(regions.regions.length).toBeGreaterThan(0);
    await expect
      .poll(() => t.page.locator('[data-testid="regions"] tbody tr').count())
      .toBe(regions.regions.length);
    const shown = await t.page
      .locator('[data-testid="regions"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-adm1')));
    expect(shown[0]).toBe(regions.regions[0]?.adm1);
    const counts = regions.regions.map((r) => r.events);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const latest = await api<{ events: { id: string; event_date: string; source_url: string | null }[] }>(
      '/events?country=NGA&to=2016-05-28&limit=10&order=desc',
    );
    const days = latest.events.map((e) => e.event_date);
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0] ?? '').toMatch(/^2016-05-(2[1-8])$/);
    await expect
      .poll(() =>
        t.page
          .locator('[data-testid="latest-events"] li')
          .evaluateAll((items) => items.map((i) => i.getAttribute('data-id'))),
      )
      .toEqual(latest.events.map((e) => e.id));
    const links = await t.page
      .locator('[data-testid="latest-events"] [data-testid="source-link"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(latest.events.flatMap((e) => (e.source_url ? [e.source_url] : [])));
    await shot('country-regions');
  });

  it('filters events by every filter of the API, in the URL, the page and the exports', async () => {
    // ACLED and UCDP carry no CAMEO quad class: the quad filter is GDELT's
    const filter = 'from=2026-05-14&to=2026-05-14&quad=4&source=gdelt2';
    const expected = await api<{ events: { id: string }[] }>(`/events?${filter}&limit=100`);
    expect(expected.events.length).toBeGreaterThan(0);
    await t.page.goto(`${t.base}/?page=events&from=2026-05-14&to=2026-05-14`);
    await t.page.getByTestId('event-row').first().waitFor();
    await t.page.getByTestId('filter-source').fill('gdelt2');
    await t.page.getByTestId('filter-source').press('Enter');
    await t.page.getByTestId('filter-quad').fill('4');
    await t.page.getByTestId('filter-quad').press('Enter');
    await expect.poll(() => new URL(t.page.url()).searchParams.get('quad')).toBe('4');
    expect(new URL(t.page.url()).searchParams.get('source')).toBe('gdelt2');
    await expect
      .poll(() => t.page.getByTestId('event-row').first().getAttribute('data-id'))
      .toBe(expected.events[0]?.id);
    await expect.poll(() => t.page.getByTestId('event-row').count()).toBe(expected.events.length);
    // ACLED alone, by its source filter
    const acled = await api<{ events: { id: string }[] }>(
      '/events?country=NGA&from=2016-03-01&to=2016-03-31&source=acled&limit=100',
    );
    expect(acled.events.length).toBeGreaterThan(0);
    for (const testId of ['export-csv', 'export-ndjson']) {
      const href = new URL((await t.page.getByTestId(testId).getAttribute('href')) ?? '', t.base);
      expect(href.searchParams.get('source')).toBe('gdelt2');
      expect(href.searchParams.get('quad')).toBe('4');
      expect(href.searchParams.get('from')).toBe('2026-05-14');
    }
    const ndjson = await (
      await fetch(new URL((await t.page.getByTestId('export-ndjson').getAttribute('href')) ?? '', t.base))
    ).text();
    expect(JSON.parse(ndjson.split('\n')[0] ?? '{}')).toMatchObject({ id: expected.events[0]?.id });
    await t.page.goto(`${t.base}/?page=events&country=NGA&from=2016-03-01&to=2016-03-31&source=acled`);
    await expect
      .poll(() => t.page.getByTestId('event-row').first().getAttribute('data-id'))
      .toBe(acled.events[0]?.id);
    // a shared link reproduces the filters in their fields
    await t.page.goto(`${t.base}/?page=events&actor=usa&root=14,18&code=0211&quad=3,4&source=gdelt2`);
    expect(await t.page.getByTestId('filter-actor').inputValue()).toBe('USA');
    expect(await t.page.getByTestId('filter-root').inputValue()).toBe('14,18');
    expect(await t.page.getByTestId('filter-code').inputValue()).toBe('0211');
    const rows = await api<{ events: { id: string }[] }>(
      '/events?actor=USA&root=14,18&code=0211&quad=3,4&source=gdelt2&limit=100',
    );
    if (rows.events.length > 0) {
      await expect
        .poll(() => t.page.getByTestId('event-row').first().getAttribute('data-id'))
        .toBe(rows.events[0]?.id);
    } else {
      await expect.poll(() => t.page.locator('.empty').first().textContent()).toContain('No events');
    }
    await shot('events-filters');
  });

  it('opens an empty store on a first-run page that says what to do', async () => {
    await t.page.goto(`${empty?.base}/`);
    await t.page.getByTestId('first-run').waitFor();
    expect(await t.page.getByTestId('first-run').textContent()).toContain('peacebell import');
    await shot('first-run');
  });
});

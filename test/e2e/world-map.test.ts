import { describe, expect, it } from 'vitest';
import { ready } from './fixture.ts';
import { browserSuite } from './suite.ts';

describe.runIf(ready)('the world map in Chromium: colour by indicator, domain, play', () => {
  const t = browserSuite();
  const { api, shot } = t;

  // the ISO3 codes whose shapes carry a value on the map, and those the API gives a value for
  const mapValues = () =>
    t.page
      .locator('[data-testid="world-map"] path[data-value]')
      .evaluateAll((paths) => [...new Set(paths.map((p) => p.getAttribute('data-iso3') ?? ''))].sort());
  const apiValues = async (id: string, from: string, to: string) => {
    await t.page.locator('[data-testid="world-map"] path[data-iso3]').first().waitFor();
    const onMap = new Set(
      await t.page
        .locator('[data-testid="world-map"] path[data-iso3]')
        .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-iso3') ?? '')),
    );
    const map = await api<{
      indicator: { unit: string };
      values: { country: string; value: number | null }[];
    }>(`/indicators/${id}/countries?from=${from}&to=${to}`);
    const countries = map.values
      .filter((v) => v.value !== null && onMap.has(v.country))
      .map((v) => v.country);
    return { unit: map.indicator.unit, count: map.values.length, countries: [...new Set(countries)].sort() };
  };

  it('colours the map by an indicator chosen, with its legend, and keeps the choice in the URL', async () => {
    await t.page.goto(`${t.base}/?page=world&date=2016-03-31`);
    await t.page.locator('[data-testid="world-map"] path').first().waitFor();
    const catalog = await api<{ indicators: { id: string; group: string }[] }>('/indicators');
    const options = await t.page
      .getByTestId('colour-by')
      .locator('option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
    expect(options[0]).toBe('');
    expect([...options].sort()).toEqual(['', ...catalog.indicators.map((i) => i.id)].sort());
    await t.page.getByTestId('colour-by').selectOption('events');
    await expect.poll(() => new URL(t.page.url()).searchParams.get('colour')).toBe('events');
    const expected = await apiValues('events', '2016-03-25', '2016-03-31');
    expect(expected.count).toBeGreaterThan(0);
    await expect.poll(mapValues).toEqual(expected.countries);
    expect(await t.page.getByTestId('colour-legend').textContent()).toContain(expected.unit);
    const nga = await api<{ values: { country: string; value: number | null }[] }>(
      '/indicators/events/countries?from=2016-03-25&to=2016-03-31',
    );
    expect(
      Number(await t.page.locator('[data-testid="world-map"] [data-iso3="NGA"]').getAttribute('data-value')),
    ).toBe(nga.values.find((v) => v.country === 'NGA')?.value);
    // the 28 days to the date, and a reload keeps both
    await t.page.getByTestId('colour-days').selectOption('28');
    await expect.poll(() => new URL(t.page.url()).searchParams.get('days')).toBe('28');
    await t.page.reload();
    expect(await t.page.getByTestId('colour-by').inputValue()).toBe('events');
    const wider = await apiValues('events', '2016-03-04', '2016-03-31');
    await expect.poll(mapValues).toEqual(wider.countries);
    await shot('world-colour-by');
  });

  it('filters the map by security domain: the domain’s indicator colours it', async () => {
    await t.page.goto(`${t.base}/?page=world&date=2016-03-31`);
    await t.page.locator('[data-testid="world-map"] path').first().waitFor();
    const catalog = await api<{ indicators: { id: string }[] }>('/indicators');
    const domains = catalog.indicators.filter((i) => i.id.startsWith('domain_')).map((i) => i.id);
    const options = await t.page
      .getByTestId('domain-filter')
      .locator('option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
    expect(options).toEqual(['', ...domains]);
    await t.page.getByTestId('domain-filter').selectOption('domain_armed_conflict');
    await expect.poll(() => new URL(t.page.url()).searchParams.get('colour')).toBe('domain_armed_conflict');
    expect(await t.page.getByTestId('colour-by').inputValue()).toBe('domain_armed_conflict');
    const expected = await apiValues('domain_armed_conflict', '2016-03-25', '2016-03-31');
    await expect.poll(mapValues).toEqual(expected.countries);
    // back to all domains: the hotspot levels again
    await t.page.getByTestId('domain-filter').selectOption('');
    await expect.poll(() => new URL(t.page.url()).searchParams.get('colour')).toBe(null);
    await expect.poll(() => t.page.locator('[data-testid="world-map"] path[data-value]').count()).toBe(0);
  });

  it('plays the days forward and stops when pressed again', async () => {
    await t.page.goto(`${t.base}/?page=world&date=2017-08-27&colour=events`);
    await t.page.locator('[data-testid="world-map"] path').first().waitFor();
    const before = await t.page.evaluate(
      () => (globalThis as unknown as { history: { length: number } }).history.length,
    );
    await t.page.getByTestId('play').click();
    await expect
      .poll(() => new URL(t.page.url()).searchParams.get('date'), { timeout: 5000 })
      .toBe('2017-08-28');
    await expect
      .poll(() => new URL(t.page.url()).searchParams.get('date'), { timeout: 5000 })
      .toBe('2017-08-29');
    await t.page.getByTestId('play').click();
    const stopped = new URL(t.page.url()).searchParams.get('date');
    await t.page.waitForTimeout(2000);
    expect(new URL(t.page.url()).searchParams.get('date')).toBe(stopped);
    expect(new URL(t.page.url()).searchParams.get('colour')).toBe('events');
    expect(await t.page.getByTestId('date-input').inputValue()).toBe(stopped);
    // replaceState while playing: no history entry per day
    expect(
      await t.page.evaluate(() => (globalThis as unknown as { history: { length: number } }).history.length),
    ).toBe(before);
    // on the last day with data there is nothing to play
    await t.page.goto(`${t.base}/?page=world`);
    await t.page.getByTestId('date-input').waitFor();
    await expect.poll(() => t.page.getByTestId('play').isDisabled()).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { formatState, parseState, type State } from './url-state.ts';

describe('URL state', () => {
  const states: State[] = [
    { page: 'world' },
    { page: 'world', date: '2017-08-27' },
    { page: 'world', date: '2017-08-27', colour: 'conflict_share', days: '28' },
    { page: 'country', country: 'MMR' },
    {
      page: 'country',
      country: 'MMR',
      from: '2017-01-01',
      to: '2017-12-31',
      grain: 'week',
      date: '2017-08-27',
    },
    { page: 'pair', a: 'CHN', b: 'KAZ' },
    { page: 'pair', a: 'CHN', b: 'KAZ', grain: 'day', from: '2026-05-01', to: '2026-05-14' },
    { page: 'events' },
    { page: 'events', country: 'NGA', from: '2016-01-01', to: '2016-05-28', cursor: 'eyJk_-9' },
    { page: 'events', country: 'CIV', adm1: "Côte d'Ivoire & N'Zi, Lacs" },
    { page: 'events', actor: 'KAZGOV', root: '14,18', code: '0211', quad: '3,4', source: 'acled,gdelt2' },
    { page: 'sources' },
  ];

  it.each(states)('round-trips %j', (state) => {
    expect(parseState(formatState(state))).toEqual(state);
  });

  it('writes page first and leaves out absent fields', () => {
    expect(formatState({ page: 'country', country: 'MMR', grain: 'week' })).toBe(
      '?page=country&country=MMR&grain=week',
    );
    expect(formatState({ page: 'world' })).toBe('?page=world');
  });

  it('defaults to the world page', () => {
    expect(parseState('')).toEqual({ page: 'world' });
    expect(parseState('?page=nowhere&date=2017-08-27')).toEqual({ page: 'world', date: '2017-08-27' });
  });

  it('drops values that are not what their field expects', () => {
    expect(parseState('?page=world&date=27.08.2017')).toEqual({ page: 'world' });
    expect(parseState('?page=country&country=mmr&grain=year&from=2017-13-45')).toEqual({
      page: 'country',
      country: 'MMR',
    });
    expect(parseState('?page=events&cursor=a%20b&country=Nigeria')).toEqual({ page: 'events' });
  });

  it('falls back to the world page when a required field is missing', () => {
    expect(parseState('?page=country')).toEqual({ page: 'world' });
    expect(parseState('?page=pair&a=CHN')).toEqual({ page: 'world' });
  });
});

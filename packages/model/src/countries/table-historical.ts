import type { Row } from './row.ts';

/**
 * States that no longer exist, with the codes they had. A GW number shared with a successor (260, 345, 365,
 * 678) is one state in the Gleditsch-Ward list; lookups by it return the owner named in crosswalk.ts.
 */
export const HISTORICAL: readonly Row[] = [
  ['SUN', 'SU', '810', 'UR', 365, 'Soviet Union', 'Eastern Europe', { cameo: ['USR'], until: 1991 }],
  ['YUG', 'YU', '890', '', 345, 'Yugoslavia', 'Southern Europe', { until: 1992 }],
  ['SCG', 'CS', '891', 'YI', 345, 'Serbia and Montenegro', 'Southern Europe', { until: 2006 }],
  ['CSK', 'CS', '200', '', 315, 'Czechoslovakia', 'Eastern Europe', { until: 1992 }],
  ['DDR', 'DD', '278', '', 265, 'East Germany', 'Western Europe', { until: 1990 }],
  ['GFR', '', '280', '', 260, 'West Germany', 'Western Europe', { until: 1990, nonIso: true }],
  ['YAR', '', '886', '', 678, 'North Yemen', 'Western Asia', { until: 1990, nonIso: true }],
  ['YMD', 'YD', '720', '', 680, 'South Yemen', 'Western Asia', { until: 1990 }],
  ['RVN', '', '', '', 817, 'South Vietnam', 'South-eastern Asia', { until: 1975, nonIso: true }],
  ['ZAN', '', '', '', 511, 'Zanzibar', 'Eastern Africa', { until: 1964, nonIso: true }],
  ['ANT', 'AN', '530', 'NT', null, 'Netherlands Antilles', 'Caribbean', { until: 2010 }],
];

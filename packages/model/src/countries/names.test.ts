import { describe, expect, it } from 'vitest';
import { nameKeys, normalizeName } from './names.ts';

describe('normalizeName', () => {
  it.each([
    ["Côte d'Ivoire", 'cote divoire'],
    ["COTE D'IVOIRE", 'cote divoire'],
    ['Cote d’Ivoire', 'cote divoire'],
    ['The Gambia', 'gambia'],
    ['Bosnia & Herzegovina', 'bosnia and herzegovina'],
    ['St. Kitts and Nevis', 'saint kitts and nevis'],
    ['U.S. Virgin Islands', 'us virgin islands'],
    ['  Guinea-Bissau ', 'guinea bissau'],
    ['Åland Islands', 'aland islands'],
    ['Türkiye', 'turkiye'],
    ['São Tomé and Príncipe', 'sao tome and principe'],
  ])('%s -> %s', (name, key) => {
    expect(normalizeName(name)).toBe(key);
  });
});

describe('nameKeys', () => {
  it('tries the name as written, then inverted, then without the parenthesis', () => {
    expect(nameKeys('Korea, South')).toEqual(['korea south', 'south korea']);
    expect(nameKeys('Myanmar (Burma)')).toEqual(['myanmar burma', 'burma myanmar', 'myanmar']);
    expect(nameKeys('Nigeria')).toEqual(['nigeria']);
    expect(nameKeys('')).toEqual([]);
  });
});

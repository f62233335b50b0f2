/**
 * A country name reduced for matching: case, accents, punctuation and the word "the" ignored,
 * '&' read as 'and', 'St' as 'Saint'. "Côte d'Ivoire" and "Cote D'Ivoire" both give 'cote divoire'.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’ʼ`.]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && word !== 'the')
    .map((word) => (word === 'st' ? 'saint' : word))
    .join(' ');
}

/**
 * The keys to try for a name, best first: as written; "B A" for "A, B" ("Korea, South"); then for
 * "A (B)" both "B A" ("Korea (South)") and "A" alone ("Myanmar (Burma)", "Serbia (Yugoslavia)").
 */
export function nameKeys(name: string): string[] {
  const keys = [normalizeName(name)];
  const comma = /^([^,]+),([^,]+)$/.exec(name);
  if (comma) keys.push(normalizeName(`${comma[2]} ${comma[1]}`));
  const paren = /^(.*)\(([^)]*)\)(.*)$/.exec(name);
  if (paren) {
    const outer = `${paren[1]} ${paren[3]}`;
    keys.push(normalizeName(`${paren[2]} ${outer}`), normalizeName(outer));
  }
  return keys.filter((key) => key !== '');
}

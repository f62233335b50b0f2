import { ParamError } from '../../errors.ts';
import { sql } from '../../store/sql.ts';

/** The place's rows of the threat rollup: country '' is every article, adm1 '' the whole country. */
export function placeWhere(country: string | undefined, adm1: string | undefined) {
  if (adm1 && !country) throw new ParamError('adm1', 'a region needs its country');
  return sql`country = ${country ?? ''} AND adm1 = ${adm1 ?? ''}`;
}

/**
 * SQL as values: the `sql` tag keeps every interpolated value as a bound parameter; identifiers
 * go through `ident` (checked and quoted); fragments nest. Rendering numbers the parameters in
 * the dialect's placeholder style.
 */
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Identifier {
  constructor(readonly name: string) {}
}
class Trusted {
  constructor(readonly text: string) {}
}

type Part = string | Identifier | Trusted | { value: unknown };

export class Sql {
  constructor(readonly parts: readonly Part[]) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const parts: Part[] = [];
  strings.forEach((s, i) => {
    parts.push(s);
    if (i < values.length) push(parts, values[i]);
  });
  return new Sql(parts);
}

function push(parts: Part[], value: unknown): void {
  if (value instanceof Sql) parts.push(...value.parts);
  else parts.push({ value });
}

/** A quoted identifier (table, column); throws on anything but a plain name. */
export function ident(name: string): Sql {
  if (!IDENT.test(name)) throw new Error(`not a valid SQL identifier: ${JSON.stringify(name)}`);
  return new Sql([new Identifier(name)]);
}

/** Text the program itself wrote (keywords, type names); never user input. */
export function trusted(text: string): Sql {
  return new Sql([new Trusted(text)]);
}

export function join(items: readonly Sql[], separator = ', '): Sql {
  const parts: Part[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(separator);
    parts.push(...item.parts);
  });
  return new Sql(parts);
}

/** Interpolates a list of values as bound parameters: `IN (${list(codes)})`. */
export function list(values: readonly unknown[]): Sql {
  return join(values.map((v) => sql`${v}`));
}

export interface Rendered {
  text: string;
  params: unknown[];
}

export function render(query: Sql, placeholder: (index: number, value: unknown) => string): Rendered {
  let text = '';
  const params: unknown[] = [];
  for (const part of query.parts) {
    if (typeof part === 'string') text += part;
    else if (part instanceof Identifier) text += `"${part.name}"`;
    else if (part instanceof Trusted) text += part.text;
    else {
      params.push(part.value);
      text += placeholder(params.length, part.value);
    }
  }
  return { text, params };
}

import { HOTSPOT_LEVELS, HOTSPOT_PHASES, type HotspotLevel, type HotspotPhase } from '../hotspots.ts';
import { INDICATORS, THREAT_INDICATORS, TRACKS } from '../indicators/index.ts';
import { CANONICAL_CATEGORIES } from '../typology/index.ts';

/**
 * The `when` of an alert rule, a small language (docs/alerts.md):
 *
 *   hotspot >= warning                     level reached (>=, >, =)
 *   hotspot phase new,intensifying         phase changed to one of these
 *   indicator conflict_share > 0.4         an indicator crossing a threshold (>, >=, <, <=)
 *   indicator events rises 2 sd in 28d     a move of k standard deviations against a trailing window
 *   indicator threat_terrorism_share > 0.1 a GKG threat indicator (docs/threats.md), places only
 *   relations drop 2 sd in 14d             the relations index of a pair, both ways (or `< -0.3`)
 *   first sanctions                        the first event of a track or category in a year
 */
export type Comparison = '>' | '>=' | '<' | '<=';
export type Direction = 'rises' | 'drops' | 'moves';

export type Condition =
  | { type: 'threshold'; op: Comparison; value: number }
  | { type: 'move'; direction: Direction; sd: number; days: number };

export type Trigger =
  | { kind: 'hotspot'; op: '>=' | '>' | '='; level: HotspotLevel }
  | { kind: 'phase'; phases: HotspotPhase[] }
  | { kind: 'indicator'; indicator: string; condition: Condition }
  | { kind: 'relations'; condition: Condition }
  | { kind: 'first'; what: string };

/** A rule's `when` that does not parse: where, what was expected, and the text with a caret. */
export class TriggerSyntaxError extends Error {
  constructor(
    readonly text: string,
    /** 1-based column of the offending token (one past the end when the text stopped too soon). */
    readonly column: number,
    readonly expected: string,
    readonly found: string | null,
  ) {
    super(
      `${found === null ? `expected ${expected} after "${text.trim()}"` : `expected ${expected} at column ${column}, found "${found}"`}\n  ${text}\n  ${' '.repeat(Math.max(0, column - 1))}^`,
    );
    this.name = 'TriggerSyntaxError';
  }
}

/** The kinds `first` accepts: the tracks of the relations page and every canonical category. */
export const FIRST_KINDS: readonly string[] = [
  ...TRACKS.map((t) => t.id),
  ...CANONICAL_CATEGORIES.map((c) => c.id),
];

const MAX_WINDOW_DAYS = 365;

interface Token {
  text: string;
  column: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(>=|<=|[<>=,]|[^\s<>=,]+)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && match[1] !== undefined) {
    tokens.push({ text: match[1], column: match.index + match[0].length - match[1].length + 1 });
  }
  return tokens;
}

class Cursor {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  fail(expected: string): never {
    const t = this.tokens[this.i];
    throw new TriggerSyntaxError(
      this.text,
      t?.column ?? this.text.trimEnd().length + 2,
      expected,
      t?.text ?? null,
    );
  }

  /** The next token lower-cased if it is one of `words`, else a syntax error naming them. */
  oneOf<T extends string>(words: readonly T[], expected = words.join(', ')): T {
    const t = this.tokens[this.i];
    const word = t?.text.toLowerCase();
    const found = words.find((w) => w === word);
    if (found === undefined) this.fail(expected);
    this.i++;
    return found;
  }

  peek(): string | undefined {
    return this.tokens[this.i]?.text.toLowerCase();
  }

  number(expected: string, check: (n: number) => boolean = Number.isFinite): number {
    const t = this.tokens[this.i];
    const n = t && /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t.text) ? Number(t.text) : NaN;
    if (!check(n)) this.fail(expected);
    this.i++;
    return n;
  }

  days(): number {
    const t = this.tokens[this.i];
    const m = t && /^(\d+)(d|days?|w|weeks?)$/i.exec(t.text);
    const n = m ? Number(m[1]) * (/^w/i.test(m[2] ?? '') ? 7 : 1) : NaN;
    if (!(n >= 2 && n <= MAX_WINDOW_DAYS))
      this.fail(`a window of 2 to ${MAX_WINDOW_DAYS} days such as 14d or 4w`);
    this.i++;
    return n;
  }

  end(): void {
    if (this.i < this.tokens.length) this.fail('the end of the rule');
  }
}

function condition(c: Cursor, value = { expected: 'a number', check: Number.isFinite }): Condition {
  const next = c.peek();
  if (next === '>' || next === '>=' || next === '<' || next === '<=') {
    const op = c.oneOf(['>', '>=', '<', '<='] as const);
    return { type: 'threshold', op, value: c.number(value.expected, value.check) };
  }
  const word = c.oneOf(
    ['rises', 'rise', 'drops', 'drop', 'falls', 'fall', 'moves', 'move'] as const,
    'a comparison (>, >=, <, <=) or a move (rises, drops, moves)',
  );
  const direction: Direction = word.startsWith('rise')
    ? 'rises'
    : word.startsWith('move')
      ? 'moves'
      : 'drops';
  const sd = c.number('a number of standard deviations above 0, such as 2', (n) => n > 0 && n <= 20);
  c.oneOf(['sd'] as const);
  c.oneOf(['in'] as const);
  return { type: 'move', direction, sd, days: c.days() };
}

export function parseTrigger(text: string): Trigger {
  const c = new Cursor(text, tokenize(text));
  const kind = c.oneOf(['hotspot', 'indicator', 'relations', 'first'] as const);
  let trigger: Trigger;
  if (kind === 'hotspot') {
    if (c.peek() === 'phase') {
      c.oneOf(['phase'] as const);
      const phases = [c.oneOf(HOTSPOT_PHASES, `a phase (${HOTSPOT_PHASES.join(', ')})`)];
      while (c.peek() === ',') {
        c.oneOf([','] as const);
        phases.push(c.oneOf(HOTSPOT_PHASES, `a phase (${HOTSPOT_PHASES.join(', ')})`));
      }
      trigger = { kind: 'phase', phases: [...new Set(phases)] };
    } else {
      const op = c.oneOf(['>=', '>', '='] as const, '>=, >, = or phase');
      const level = c.oneOf(HOTSPOT_LEVELS, `a level (${HOTSPOT_LEVELS.join(', ')})`);
      if (op === '>' && level === 'alert') c.fail('a level below alert after >');
      trigger = { kind: 'hotspot', op, level };
    }
  } else if (kind === 'indicator') {
    const ids = [...INDICATORS, ...THREAT_INDICATORS].map((i) => i.id);
    const indicator = c.oneOf(ids, `an indicator id (${ids.join(', ')})`);
    trigger = { kind: 'indicator', indicator, condition: condition(c) };
  } else if (kind === 'relations') {
    const index = { expected: 'an index between -1 and 1', check: (n: number) => n >= -1 && n <= 1 };
    trigger = { kind: 'relations', condition: condition(c, index) };
  } else {
    const what = c.oneOf(FIRST_KINDS, `a track or category (${FIRST_KINDS.join(', ')})`);
    trigger = { kind: 'first', what };
  }
  c.end();
  return trigger;
}

/** The canonical text of a trigger: parse(format(t)) equals t. */
export function formatTrigger(t: Trigger): string {
  const cond = (c: Condition) =>
    c.type === 'threshold' ? `${c.op} ${c.value}` : `${c.direction} ${c.sd} sd in ${c.days}d`;
  switch (t.kind) {
    case 'hotspot':
      return `hotspot ${t.op} ${t.level}`;
    case 'phase':
      return `hotspot phase ${t.phases.join(',')}`;
    case 'indicator':
      return `indicator ${t.indicator} ${cond(t.condition)}`;
    case 'relations':
      return `relations ${cond(t.condition)}`;
    case 'first':
      return `first ${t.what}`;
  }
}

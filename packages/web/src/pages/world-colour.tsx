import type { IndicatorCatalog } from '@peacebell/model';
import { useId, useMemo } from 'react';
import type { z } from 'zod';

/** The world map's colouring controls: what colours it, the security domain, the window, the legend. */

export type Catalog = z.output<typeof IndicatorCatalog>;

/** Hotspot level or any indicator of the catalog, grouped as the catalog groups them. */
export function ColourBy({
  catalog,
  value,
  onChange,
}: {
  catalog: Catalog | undefined;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const id = useId();
  const groups = useMemo(() => {
    const out = new Map<string, Catalog['indicators']>();
    for (const i of catalog?.indicators ?? []) out.set(i.group, [...(out.get(i.group) ?? []), i]);
    return [...out];
  }, [catalog]);
  return (
    <span className="field">
      <label htmlFor={id}>Colour by</label>
      <select
        id={id}
        data-testid="colour-by"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">Hotspot level</option>
        {/* the chosen id before the catalog arrives, so the select shows it */}
        {value && !catalog ? <option value={value}>{value}</option> : null}
        {groups.map(([group, indicators]) => (
          <optgroup key={group} label={group}>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title} ({i.unit})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </span>
  );
}

const DOMAIN_PREFIX = 'domain_';

/** A security domain: colours the map by that domain's events (the catalog's `domain_<id>`). */
export function DomainFilter({
  catalog,
  value,
  onChange,
}: {
  catalog: Catalog | undefined;
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const id = useId();
  const domains = (catalog?.indicators ?? []).filter((i) => i.id.startsWith(DOMAIN_PREFIX));
  const chosen = value?.startsWith(DOMAIN_PREFIX) ? value : '';
  return (
    <span className="field">
      <label htmlFor={id}>Security domain</label>
      <select
        id={id}
        data-testid="domain-filter"
        value={chosen}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">All domains</option>
        {chosen && !catalog ? <option value={chosen}>{chosen.slice(DOMAIN_PREFIX.length)}</option> : null}
        {domains.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    </span>
  );
}

export function WindowDays({
  value,
  disabled,
  onChange,
}: {
  value: 7 | 28;
  disabled: boolean;
  onChange: (days: 7 | 28) => void;
}) {
  const id = useId();
  return (
    <span className="field">
      <label htmlFor={id}>Indicator over</label>
      <select
        id={id}
        data-testid="colour-days"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '28' ? 28 : 7)}
      >
        <option value={7}>the 7 days to the date</option>
        <option value={28}>the 28 days to the date</option>
      </select>
    </span>
  );
}

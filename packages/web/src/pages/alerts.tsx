import type { AlertRecord } from '@peacebell/model';
import { AlertRule, AlertRules, AlertsList, parseTrigger, TriggerSyntaxError } from '@peacebell/model';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { apiKey, readFresh, setApiKey, viewOf, write } from '../alerts/client.ts';
import { LevelBadge, SourceLink, TableHead } from '../components.tsx';
import { Link } from '../navigation.tsx';
import { Panel } from '../panel.tsx';
import type { Load } from '../use-api.ts';

/** Tells the bell and every panel here that alerts or rules changed. */
const changed = () => window.dispatchEvent(new Event('peacebell:alerts-changed'));

function useFresh<S extends z.ZodType>(path: string, schema: S): Load<z.output<S>> {
  const [load, setLoad] = useState<Load<z.output<S>>>({ state: 'loading' });
  const run = useCallback(() => {
    readFresh(path, schema).then(
      (data) => setLoad({ state: 'ok', data }),
      (error: Error) => setLoad({ state: 'error', error: error.message }),
    );
  }, [path, schema]);
  useEffect(() => {
    run();
    window.addEventListener('peacebell:alerts-changed', run);
    return () => window.removeEventListener('peacebell:alerts-changed', run);
  }, [run]);
  return load;
}

/** A write that failed, said where the user acted. */
function Failure({ message }: { message: string | null }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}

/** Runs a write, reporting its error where the user acted. */
function useAction(): [string | null, (fn: () => Promise<unknown>) => void] {
  const [error, setError] = useState<string | null>(null);
  return [
    error,
    (fn) => {
      setError(null);
      fn().then(changed, (e: Error) => setError(e.message));
    },
  ];
}

export function AlertsPage() {
  return (
    <div className="stack" data-testid="alerts-page">
      <h1>Alerts</h1>
      <ApiKeyField />
      <RecentAlerts />
      <Rules />
      <NewRule />
    </div>
  );
}

function ApiKeyField() {
  const id = useId();
  const [value, setValue] = useState(apiKey);
  const [saved, setSaved] = useState(apiKey() !== '');
  return (
    <form
      className="panel row"
      onSubmit={(e) => {
        e.preventDefault();
        setApiKey(value.trim());
        setSaved(value.trim() !== '');
      }}
    >
      <label htmlFor={id}>API key (needed to change rules and acknowledge; kept in this browser)</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit">{value.trim() ? 'Use this key' : 'Forget the key'}</button>
      <span className="muted small" role="status">
        {saved ? 'A key is set.' : 'No key: read only.'}
      </span>
    </form>
  );
}

function RecentAlerts() {
  const load = useFresh('/alerts?limit=50', AlertsList);
  const [error, act] = useAction();
  return (
    <Panel
      title="Recent alerts"
      load={load}
      isEmpty={(d) => d.alerts.length === 0}
      empty="No alert has rung yet. Add a rule below, or replay one over history: peacebell alerts run --from DAY --to DAY."
    >
      {(d) => (
        <>
          <p className="muted small">{d.unacknowledged} unacknowledged. Days are UTC.</p>
          <Failure message={error} />
          <table data-testid="alerts-table">
            <TableHead columns={['Day (UTC)', 'Severity', 'Rule', 'What', 'Evidence', 'Acknowledged']} />
            <tbody>
              {d.alerts.map((a: AlertRecord) => (
                <tr key={a.id} data-alert={a.id}>
                  <td>{a.day}</td>
                  <td>
                    <LevelBadge level={a.severity} />
                    {a.packet.escalation ? ' ↑' : ''}
                  </td>
                  <td>{a.rule}</td>
                  <td>
                    <Link to={viewOf(a.packet)}>{a.title}</Link>
                    <div className="small">{a.packet.summary}</div>
                  </td>
                  <td>
                    {a.packet.top_events.length} events
                    {a.packet.top_events[0] && <SourceLink url={a.packet.top_events[0].source_url} />}
                  </td>
                  <td>
                    {a.acknowledged_at ?? (
                      <button
                        type="button"
                        onClick={() => act(() => write('POST', `/alerts/${a.id}/ack`, {}, null))}
                      >
                        Acknowledge
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

const scopeText = (r: AlertRule) =>
  Object.entries(r.scope)
    .flatMap(([k, v]) => (v.length ? [`${k}: ${v.join(', ')}`] : []))
    .join('; ') || 'every country';

function Rules() {
  const load = useFresh('/alert-rules', AlertRules);
  const [error, act] = useAction();
  const mute = (name: string, hours: number | null) =>
    act(() =>
      write(
        'POST',
        `/alert-rules/${name}/mute`,
        { until: hours === null ? null : new Date(Date.now() + hours * 3_600_000).toISOString() },
        null,
      ),
    );
  return (
    <Panel title="Rules" load={load} isEmpty={(d) => d.rules.length === 0} empty="No rules yet.">
      {(d) => (
        <>
          <Failure message={error} />
          <table data-testid="rules-table">
            <TableHead columns={['Name', 'When', 'Where', 'Sends to', 'Checked through (UTC)', 'Muted']} />
            <tbody>
              {d.rules.map((r) => (
                <tr key={r.name}>
                  <td>{r.name}</td>
                  <td>
                    <code>{r.when}</code>
                  </td>
                  <td>{scopeText(r)}</td>
                  <td>{[r.webhook, ...r.email].filter(Boolean).join(', ') || 'the dashboard only'}</td>
                  <td>{r.evaluated_through ?? 'not yet'}</td>
                  <td>
                    {r.muted_until ? (
                      <>
                        until {r.muted_until}{' '}
                        <button type="button" onClick={() => mute(r.name, null)}>
                          Unmute
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        onClick={() => mute(r.name, 24)}
                        aria-label={`Mute ${r.name} for a day`}
                      >
                        Mute 1 day
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      onClick={() => act(() => write('DELETE', `/alert-rules/${r.name}`, undefined, null))}
                      aria-label={`Remove ${r.name}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const Saved = z.object({ rule: AlertRule, webhook_secret: z.string().nullable() });

/** The `when` checked as it is typed, with the same parser the server uses. */
function whenProblem(text: string): string | null {
  try {
    parseTrigger(text);
    return null;
  } catch (error) {
    return error instanceof TriggerSyntaxError ? error.message : String(error);
  }
}

function NewRule() {
  const ids = {
    name: useId(),
    when: useId(),
    countries: useId(),
    pairs: useId(),
    webhook: useId(),
    cooldown: useId(),
  };
  const [form, setForm] = useState({
    name: '',
    when: 'hotspot >= warning',
    countries: '',
    pairs: '',
    webhook: '',
    cooldown: '14',
  });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const problem = form.when ? whenProblem(form.when) : 'write a condition';
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    write(
      'POST',
      '/alert-rules',
      {
        name: form.name.trim(),
        when: form.when,
        scope: { countries: list(form.countries), pairs: list(form.pairs) },
        ...(form.webhook.trim() ? { webhook: form.webhook.trim() } : {}),
        cooldown_days: Number(form.cooldown),
      },
      Saved,
    ).then(
      (saved) => {
        setDone(
          saved?.webhook_secret
            ? `Added ${saved.rule.name}. Webhook secret (shown once): ${saved.webhook_secret}`
            : `Added ${saved?.rule.name ?? form.name}.`,
        );
        changed();
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <form
      className="panel stack"
      onSubmit={submit}
      aria-labelledby={`${ids.name}-title`}
      data-testid="new-rule"
    >
      <h2 id={`${ids.name}-title`}>New rule</h2>
      <label htmlFor={ids.name}>Name (lower case, digits, . _ -)</label>
      <input id={ids.name} required value={form.name} onChange={set('name')} />
      <label htmlFor={ids.when}>
        When (e.g. hotspot &gt;= warning; relations drop 2 sd in 14d; first sanctions)
      </label>
      <input
        id={ids.when}
        value={form.when}
        onChange={set('when')}
        aria-invalid={problem !== null}
        aria-describedby={`${ids.when}-problem`}
      />
      <pre
        id={`${ids.when}-problem`}
        className={problem ? 'error' : 'muted small'}
        data-testid="when-problem"
      >
        {problem ?? 'Reads well.'}
      </pre>
      <label htmlFor={ids.countries}>Countries (ISO3 or names, comma-separated)</label>
      <input id={ids.countries} value={form.countries} onChange={set('countries')} />
      <label htmlFor={ids.pairs}>Pairs (CHN-KAZ, comma-separated; for relations and first rules)</label>
      <input id={ids.pairs} value={form.pairs} onChange={set('pairs')} />
      <label htmlFor={ids.webhook}>Webhook URL (optional; signed with HMAC-SHA256)</label>
      <input id={ids.webhook} type="url" value={form.webhook} onChange={set('webhook')} />
      <label htmlFor={ids.cooldown}>Quiet days before the same place rings again</label>
      <input
        id={ids.cooldown}
        type="number"
        min={1}
        max={365}
        value={form.cooldown}
        onChange={set('cooldown')}
      />
      <button type="submit" disabled={problem !== null}>
        Add rule
      </button>
      <Failure message={error} />
      {done && (
        <p role="status" data-testid="rule-added">
          {done}
        </p>
      )}
    </form>
  );
}

import { AlertRecord, AlertsList } from '@peacebell/model';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { API } from '../api.ts';
import { LevelBadge } from '../components.tsx';
import { Link } from '../navigation.tsx';
import { readFresh, viewOf } from './client.ts';

/**
 * The bell in the header: unacknowledged alerts, live over Server-Sent Events (the browser
 * reconnects by itself and sends Last-Event-ID, so none is missed or repeated).
 */
export function Bell() {
  const [alerts, setAlerts] = useState<AlertRecord[]>([]);
  const [unread, setUnread] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [offline, setOffline] = useState(false);
  const panelId = useId();
  const seen = useRef(new Set<string>());

  const reload = useCallback(() => {
    readFresh('/alerts?unacknowledged=true&limit=20', AlertsList).then(
      (list) => {
        seen.current = new Set(list.alerts.map((a) => a.id));
        setAlerts(list.alerts);
        setUnread(list.unacknowledged);
        setOffline(false);
      },
      () => setOffline(true),
    );
  }, []);

  useEffect(() => {
    reload();
    const source = new EventSource(`${API}/alerts/stream`);
    source.addEventListener('alert', (e) => {
      const parsed = AlertRecord.safeParse(JSON.parse((e as MessageEvent<string>).data));
      if (!parsed.success || seen.current.has(parsed.data.id)) return;
      seen.current.add(parsed.data.id);
      setAlerts((list) => [parsed.data, ...list].slice(0, 20));
      if (!parsed.data.muted) setUnread((n) => (n ?? 0) + 1);
    });
    source.onerror = () => setOffline(true);
    source.onopen = () => setOffline(false);
    window.addEventListener('peacebell:alerts-changed', reload);
    return () => {
      source.close();
      window.removeEventListener('peacebell:alerts-changed', reload);
    };
  }, [reload]);

  const count = unread ?? 0;
  return (
    <div className="bell">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="bell"
        onClick={() => setOpen((o) => !o)}
        aria-label={`Alerts: ${count} unacknowledged${offline ? ' (not live)' : ''}`}
      >
        <svg className="bell-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <path
            d="M8 1.5a1 1 0 0 1 1 1v.6a4.5 4.5 0 0 1 3.5 4.4v3l1.5 2v.5H2v-.5l1.5-2v-3A4.5 4.5 0 0 1 7 3.1v-.6a1 1 0 0 1 1-1zM6.3 13.5h3.4a1.7 1.7 0 0 1-3.4 0z"
            fill="currentColor"
          />
        </svg>{' '}
        Alerts
        {count > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {count}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="bell-panel" role="region" aria-label="Unacknowledged alerts">
          {alerts.length === 0 ? (
            <p className="empty">No unacknowledged alerts.</p>
          ) : (
            <ul data-testid="bell-list">
              {alerts.map((a) => (
                <li key={a.id}>
                  <LevelBadge level={a.severity} /> <span className="muted small">{a.day} UTC</span>{' '}
                  <Link to={viewOf(a.packet)} onClick={() => setOpen(false)}>
                    {a.title}
                  </Link>
                  <div className="small">{a.packet.summary}</div>
                </li>
              ))}
            </ul>
          )}
          <Link to={{ page: 'alerts' }} onClick={() => setOpen(false)}>
            All alerts and rules
          </Link>
        </div>
      )}
    </div>
  );
}

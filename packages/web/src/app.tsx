import { CountriesStatus, Health } from '@peacebell/model';
import { Bell } from './alerts/bell.tsx';
import { SHELL_URLS } from './first-view.ts';
import { Link, NavigateProvider, useLocationState } from './navigation.tsx';
import { AlertsPage } from './pages/alerts.tsx';
import { CountryPage } from './pages/country.tsx';
import { EventsPage } from './pages/events.tsx';
import { FirstRun } from './pages/first-run.tsx';
import { PairPage } from './pages/pair.tsx';
import { SourcesPage } from './pages/sources.tsx';
import { WorldPage } from './pages/world.tsx';
import { useApi } from './use-api.ts';
import type { Page, State } from './url-state.ts';

const NAV: readonly { page: Page & ('world' | 'events' | 'sources' | 'alerts'); label: string }[] = [
  { page: 'world', label: 'World' },
  { page: 'events', label: 'Events' },
  { page: 'sources', label: 'Sources' },
  { page: 'alerts', label: 'Alerts' },
];

/** The shell: navigation, the page the URL names, and the first-run page when the store is empty. */
export function App() {
  const [state, navigate] = useLocationState();
  // The same request as the world page's countries table (shared): an empty store has no as_of.
  const countries = useApi(SHELL_URLS.countries, CountriesStatus);
  const empty =
    countries.state === 'ok' && countries.data.as_of === null && countries.data.countries.length === 0;
  return (
    <NavigateProvider value={navigate}>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">peacebell</span>
        <nav aria-label="Pages" data-testid="nav">
          {NAV.map(({ page, label }) => (
            <Link
              key={page}
              to={{ page }}
              data-page={page}
              aria-current={state.page === page ? 'page' : undefined}
            >
              {label}
            </Link>
          ))}
        </nav>
        <Bell />
        <span className="muted small">Dates and days are UTC.</span>
      </header>
      <main id="main">{empty && state.page !== 'sources' ? <FirstRun /> : <PageFor state={state} />}</main>
      <Footer />
    </NavigateProvider>
  );
}

function PageFor({ state }: { state: State }) {
  switch (state.page) {
    case 'world':
      return <WorldPage state={state} />;
    case 'country':
      return <CountryPage key={state.country} state={state} />;
    case 'pair':
      return <PairPage state={state} />;
    case 'events':
      return <EventsPage state={state} />;
    case 'sources':
      return <SourcesPage />;
    case 'alerts':
      return <AlertsPage />;
  }
}

function Footer() {
  const health = useApi(SHELL_URLS.health, Health);
  return (
    <footer className="muted small" aria-busy={health.state === 'loading'}>
      {health.state === 'ok' && (
        <>
          peacebell {health.data.version} · store {health.data.store} · schema {health.data.schema_version} ·
          API <a href="/docs">/docs</a>
        </>
      )}
      {health.state === 'error' && <>Server unreachable: {health.error}</>}
    </footer>
  );
}

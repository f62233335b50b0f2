import { Component, Suspense, useId, type ReactNode } from 'react';
import type { Load } from './use-api.ts';

/**
 * One box of the dashboard with its own loading, empty and error states: a failed request shows
 * its message here and nowhere else. `aria-busy` is true while loading.
 */
export function Panel<T>({
  title,
  load,
  children,
  isEmpty,
  empty = 'Nothing to show.',
  className,
  actions,
}: {
  title: ReactNode;
  load: Load<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  className?: string;
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id} aria-busy={load.state === 'loading'}>
      <div className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {load.state === 'loading' && <p className="muted">Loading…</p>}
      {load.state === 'error' && <PanelError message={load.error} />}
      {load.state === 'ok' &&
        (isEmpty?.(load.data) ? <p className="empty">{empty}</p> : <Guard>{children(load.data)}</Guard>)}
    </section>
  );
}

export function PanelError({ message }: { message: string }) {
  return (
    <p className="error" role="alert" data-testid="panel-error">
      Could not load this: {message}
    </p>
  );
}

/** Keeps a render error or a chunk that fails to load inside its panel. */
export class Guard extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error !== null) return <PanelError message={this.state.error} />;
    return (
      <Suspense
        fallback={
          <p className="muted" aria-busy="true">
            Loading…
          </p>
        }
      >
        {this.props.children}
      </Suspense>
    );
  }
}

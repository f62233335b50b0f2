/** Shown instead of empty charts when the store holds no events: what to run to get data. */
export function FirstRun() {
  return (
    <section className="panel first-run" data-testid="first-run" aria-labelledby="first-run-title">
      <h1 id="first-run-title">No events yet</h1>
      <p>The store this server reads is empty. Load data, then reload this page:</p>
      <ul>
        <li>
          Import files you have (GDELT exports, ACLED or UCDP CSVs, zipped or not):
          <pre>
            <code>npx peacebell import FILE...</code>
          </pre>
        </li>
        <li>
          Or fetch GDELT 2.0 from a day on (UTC):
          <pre>
            <code>npx peacebell sync --from 2026-05-01</code>
          </pre>
        </li>
      </ul>
      <p className="muted small">
        A server that is running holds the store: stop it first, or import through the API (
        <code>POST /api/v1/imports</code>, with an API key). <code>npx peacebell serve</code> follows GDELT by
        itself unless started with <code>--no-follow</code>.
      </p>
    </section>
  );
}

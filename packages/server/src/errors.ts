/** The few typed errors peacebell raises; the CLI and the API catch them at one boundary each. */

/** Bad usage or a refused input, with the exit code the CLI returns (1 usage, 2 input refused, 3 store). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A whole input file refused: nothing of it went into the store. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(
      `${file}${line === undefined ? '' : `:${line}`}${field === undefined ? '' : ` (${field})`}: ${message}`,
    );
    this.name = 'SourceError';
  }
}

/** A statement the store could not run; carries the SQL for --debug. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly sql: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QueryError';
  }
}

/** An answer the API gives on purpose: a status, a message and, for a 400, the parameter at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
    readonly allowed?: readonly string[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** A request value that is not allowed: names the parameter and, where short enough, what is (a 400 in the API). */
export class ParamError extends HttpError {
  constructor(parameter: string, message: string, allowed?: readonly string[]) {
    super(400, `${parameter}: ${message}`, parameter, allowed);
    this.name = 'ParamError';
  }
}

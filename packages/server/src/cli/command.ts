import type { Context } from './context.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  description: string;
}

export interface Parsed {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  db: string | undefined;
}

/** One CLI command: its options are declared here and parsed (strictly) by main. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  /** Resolves to the exit code. */
  run(ctx: Context, parsed: Parsed): Promise<number>;
}

import type { Command, OptionSpec } from './command.ts';

const optionLines = (options: Record<string, OptionSpec>) =>
  Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ' VALUE' : ''}`;
    return `  ${flag.padEnd(24)} ${o.description}`;
  });

export function mainHelp(commands: readonly Command[], global: Record<string, OptionSpec>): string {
  return [
    'peacebell: an early-warning event store for conflict and cooperation',
    '',
    'Usage: peacebell COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    `  ${'help'.padEnd(10)} help COMMAND shows a command's options`,
    '',
    'Options for every command:',
    ...optionLines(global),
    '',
    'Exit codes: 0 success, 1 bad usage, 2 input refused, 3 store error.',
    '',
  ].join('\n');
}

export function commandHelp(command: Command, global: Record<string, OptionSpec>): string {
  return [
    `${command.summary}`,
    '',
    `Usage: ${command.usage}`,
    '',
    'Options:',
    ...optionLines(command.options),
    ...optionLines(global),
    '',
  ].join('\n');
}

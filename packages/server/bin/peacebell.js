#!/usr/bin/env node
// The CLI entry: registers tsx so the TypeScript sources run as they are, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

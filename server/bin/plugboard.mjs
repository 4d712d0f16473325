#!/usr/bin/env node
// The plugboard CLI launcher: registers tsx's loader and runs the TypeScript entry. Paths are
// resolved from this file, so it works from any working directory (and through a bin link).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));

#!/usr/bin/env node
// The `policy-matrix` command (`npx policy-matrix <command>`): registers tsx's loader in
// this process, then runs the CLI (codegen/cli/main.ts) from source, so the package
// needs no build step. Exit codes are the CLI's: 0 success, 1 problems or stale output,
// 2 usage error.
import { register } from 'tsx/esm/api';

register();
await import('../codegen/cli/main.ts');

#!/usr/bin/env node
// The `policy-matrix` command (`npx policy-matrix <command>`): the compiled CLI. Plain
// Node runs it; tsx is loaded only later, to import the project's TypeScript config and
// policy modules. Exit codes are the CLI's: 0 success, 1 problems or stale output,
// 2 usage error. (Inside the policy-matrix repository, `npm run cli` runs the sources.)
await import('../dist/cli/main.js');

#!/usr/bin/env node
// Entry for `npx coreshare`: runs the compiled CLI, building it first on a fresh clone.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'dist/server/cli/bin.js');
if (!existsSync(main)) {
  process.stderr.write('coreshare: compiling the server (first run)…\n');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    {
      stdio: 'inherit',
    },
  );
}
await import(main);

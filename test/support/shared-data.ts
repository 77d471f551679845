// The project's public test data lives in shared/data beside the checkout (../shared/data), both
// on developers' machines and in CI's fresh clone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/config.js';
import { requirement } from './requirements.js';

export function sharedDataDir(folder: string): string {
  return join(projectRoot(), '..', 'shared', 'data', folder);
}

/** True when the folder is there; otherwise one loud SKIPPED line (a failure under REQUIRE=all). */
export function haveSharedData(folder: string): boolean {
  const dir = sharedDataDir(folder);
  if (existsSync(dir)) return true;
  requirement('shared-data', `tests on the real files in ${dir}`, 'a checkout with ../shared/data beside it');
  return false;
}

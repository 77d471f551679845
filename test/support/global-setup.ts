// Starts a throwaway PostgreSQL+PostGIS cluster for the suite when the machine has one, so that
// `npm test` runs every store test on both engines without any manual set-up.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, type RunningPostgres } from './postgres-cluster.js';
import { requirement } from './requirements.js';

let running: RunningPostgres | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = process.env.CORESHARE_TEST_DATABASE_URL;
  const engines = (process.env.CORESHARE_TEST_ENGINES ?? 'sqlite,postgres').split(',');
  if (!url && engines.includes('postgres')) {
    const found = await startThrowawayPostgres();
    if (typeof found === 'string') {
      requirement(
        'postgres',
        `PostgreSQL/PostGIS tests: ${found}`,
        'apt-get install postgresql postgresql-15-postgis-3',
      );
    } else {
      running = found;
      url = found.url;
    }
  }
  project.provide('pgUrl', url ?? '');
  return async () => {
    await running?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

import { Command, Option } from 'commander';
import { openStore, storeTarget } from '../../store/store.js';
import { searchColumns } from '../../services/search/search-columns.js';
import { buildApp } from '../../api/app.js';
import { configFrom } from '../context.js';
import { tuneCollectorForServing } from '../serving-process.js';
import { prepareStore } from '../../services/startup.service.js';
import { createMailer } from '../../services/mail/mailer.js';
import { remindOverdue, sendDigests } from '../../services/sharing/notification.service.js';
import { expireStaleRequests } from '../../services/sharing/expiry.service.js';

/** How often idle requests expire, overdue reminders are made and notification digests mailed. */
const DIGEST_MINUTES = 15;

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the web app and API (creates the store and loads the demo dataset on first run)')
    .addOption(new Option('--port <port>', 'HTTP port [env: CORESHARE_PORT]'))
    .addOption(new Option('--host <host>', 'address to listen on [env: CORESHARE_HOST]'))
    .addOption(
      new Option(
        '--demo-boreholes <n>',
        'demo boreholes loaded into an empty store; 0 = none [env: CORESHARE_DEMO_BOREHOLES]',
      ),
    )
    .action(async (options: { port?: string; host?: string; demoBoreholes?: string }, cmd: Command) => {
      tuneCollectorForServing();
      const config = configFrom(cmd, {
        CORESHARE_PORT: options.port,
        CORESHARE_HOST: options.host,
        CORESHARE_DEMO_BOREHOLES: options.demoBoreholes,
      });
      const store = openStore(storeTarget(config));
      const app = await buildApp({ store, config });
      const mailer = createMailer(config, app.log);
      await prepareStore(store, config, app.log);
      await app.listen({ port: config.port, host: config.host });
      app.log.info(
        { engine: store.engine, store: store.location },
        `CoreShare on http://localhost:${config.port}`,
      );
      // Warm the map's cluster index and the search columns so the first visitor does not wait.
      void app.clusters
        .refresh()
        .then(() => searchColumns(store).ready())
        .catch((err: unknown) => app.log.error({ err }, 'map or search warm-up failed'));
      // Reminders and digests: one mail per person with everything new, never one per event.
      const digest = setInterval(() => {
        void expireStaleRequests(store)
          .then(() => remindOverdue(store))
          .then(() => sendDigests(store, mailer, config.publicUrl))
          .then((mails) => mails && app.log.info({ mails }, 'notification digests sent'))
          .catch((err: unknown) => app.log.error({ err }, 'notification digest failed'));
      }, DIGEST_MINUTES * 60_000);
      digest.unref();
      const stop = async () => {
        clearInterval(digest);
        await app.close();
        await store.close();
      };
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const)
          process.once(signal, () => void stop().then(resolve));
      });
    });
}

// The HTTP application: external plugins (OpenAPI, static web app), then shared schemas, then routes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DEFAULT_CJK_FONT, type Config } from '../config.js';
import type { Store } from '../store/store.js';
import { MapClusters } from '../services/map.service.js';
import { registerProblemHandlers, sendProblem } from './problem.js';
import { Problem } from './schemas/common.schema.js';
import { BoreholeDetail, BoreholeSummary, CatalogRecord, Custodian } from './schemas/borehole.schema.js';
import { healthRoutes } from './routes/health.routes.js';
import { boreholeRoutes } from './routes/boreholes.routes.js';
import { custodianRoutes } from './routes/custodians.routes.js';
import { catalogRoutes } from './routes/catalog.routes.js';
import { mapRoutes } from './routes/map.routes.js';
import { searchRoutes } from './routes/search.routes.js';
import { ogcRoutes } from './routes/ogc.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { offerRoutes } from './routes/offers.routes.js';
import { requestRoutes } from './routes/requests.routes.js';
import { agreementRoutes } from './routes/agreements.routes.js';
import { statsRoutes } from './routes/stats.routes.js';
import { returnRoutes } from './routes/returns.routes.js';
import { notificationRoutes } from './routes/notifications.routes.js';
import { SharingRequest, SharingRequestDetail } from './schemas/request.schema.js';
import { Offer } from './schemas/offer.schema.js';
import { authPlugin } from './auth.plugin.js';
import { Account, ApiToken, AuditEntry } from './schemas/account.schema.js';
import { createMailer, type Mailer } from '../services/mail/mailer.js';
import { manualRealNameChecker, type RealNameChecker } from '../services/accounts/real-name.service.js';

export interface AppOptions {
  store: Store;
  config: Pick<Config, 'webDir' | 'logLevel'> &
    Partial<Pick<Config, 'basemap' | 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'cjkFont' | 'dataDir'>>;
  logger?: FastifyServerOptions['logger'];
  /** Outgoing mail; by default built from the config (SMTP, or the log when none is set). */
  mailer?: Mailer;
  /** Real-name verification; by default an administrator decides (manual). */
  realNameChecker?: RealNameChecker;
}

export interface CoreShareApp extends FastifyInstance {
  clusters: MapClusters;
}

export async function buildApp({
  store,
  config,
  logger,
  mailer,
  realNameChecker,
}: AppOptions): Promise<CoreShareApp> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'CoreShare API',
        version: '0.1.0',
        description:
          'Drill-core resource sharing platform (岩芯科技资源共享): catalog, boreholes, custodians, map.',
      },
      tags: [
        { name: 'boreholes' },
        { name: 'custodians' },
        { name: 'catalog' },
        { name: 'map' },
        { name: 'auth' },
        { name: 'offers' },
        { name: 'requests' },
        { name: 'agreements' },
        { name: 'returns' },
        { name: 'credit' },
        { name: 'notifications' },
        { name: 'stats' },
        { name: 'audit' },
        { name: 'health' },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  for (const schema of [
    Problem,
    BoreholeSummary,
    BoreholeDetail,
    Custodian,
    CatalogRecord,
    Account,
    ApiToken,
    AuditEntry,
    Offer,
    SharingRequest,
    SharingRequestDetail,
  ])
    app.addSchema(schema);
  registerProblemHandlers(app);
  // How long the server took, apart from the network and the client (W3C Server Timing): browsers'
  // developer tools show it, and the search benchmark prints it beside what the client measured.
  // Timed here: Fastify's own reply.elapsedTime is 0 unless a logger or an onResponse hook is set.
  const received = new WeakMap<object, number>();
  app.addHook('onRequest', async (request) => {
    received.set(request, performance.now());
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const since = received.get(request);
    if (since !== undefined)
      reply.header('server-timing', `app;dur=${(performance.now() - since).toFixed(1)}`);
    return payload;
  });

  const publicUrl = config.publicUrl ?? 'http://localhost:8080';
  const secureCookies = publicUrl.startsWith('https:');
  await app.register(authPlugin, { store, secureCookies });
  const mail =
    mailer ??
    createMailer(
      { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom ?? 'CoreShare <no-reply@localhost>' },
      app.log,
    );

  const clusters = new MapClusters(store);
  await app.register(healthRoutes, { store });
  await app.register(boreholeRoutes, { store });
  await app.register(custodianRoutes, { store });
  await app.register(catalogRoutes, { store });
  await app.register(mapRoutes, { clusters });
  await app.register(searchRoutes, { store });
  await app.register(ogcRoutes, { store });
  await app.register(authRoutes, {
    store,
    mailer: mail,
    publicUrl,
    secureCookies,
    realNameChecker: realNameChecker ?? manualRealNameChecker,
  });
  await app.register(auditRoutes, { store });
  await app.register(offerRoutes, { store });
  await app.register(requestRoutes, { store });
  await app.register(agreementRoutes, { store, cjkFont: config.cjkFont ?? DEFAULT_CJK_FONT });
  await app.register(statsRoutes, { store });
  // Returned files live beside the embedded store; a test app without a data folder uses a temporary one.
  await app.register(returnRoutes, { store, dataDir: config.dataDir ?? join(tmpdir(), 'coreshare-data') });
  await app.register(notificationRoutes, { store });

  // Settings the web app reads before it starts, so operators configure it without rebuilding.
  const pageConfig = `window.CORESHARE_BASEMAP = ${JSON.stringify(config.basemap ?? null).replace(/</g, '\\u003c')};\n`;
  app.get('/config.js', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(pageConfig),
  );

  const hasWeb = existsSync(join(config.webDir, 'index.html'));
  if (hasWeb)
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A missing asset (a name with an extension) is a 404, never the page: a stale bundle must not get HTML.
    const isPage =
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      path !== '/healthz' &&
      !/\.[a-z0-9]+$/i.test(path);
    // Client-side routes (/boreholes/…, /custodians/…) all load the single-page app.
    if (isPage && hasWeb) return reply.type('text/html').sendFile('index.html');
    return sendProblem(
      reply,
      request,
      404,
      `no route for ${request.method} ${request.url.split('?')[0]}`,
      'no_route',
    );
  });

  return Object.assign(app, { clusters }) as unknown as CoreShareApp;
}

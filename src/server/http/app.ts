import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerAccessRoutes } from '../modules/access/access.routes.js';
import { registerAuditRoutes } from '../modules/audit/audit.routes.js';
import { registerAuthRoutes } from '../modules/auth/auth.routes.js';
import { registerBenchmarkRoutes } from '../modules/benchmarks/benchmarks.routes.js';
import { registerCmi5Fetch } from '../modules/cmi5/cmi5-fetch.routes.js';
import { registerCmi5Routes } from '../modules/cmi5/cmi5.routes.js';
import { registerCourseRoutes } from '../modules/learning/courses/courses.routes.js';
import { registerAssignmentRoutes } from '../modules/learning/assignments/assignments.routes.js';
import { registerCatalogueRoutes } from '../modules/learning/catalogue/catalogue.routes.js';
import { registerLearningLaunchRoutes } from '../modules/learning/launch/launch.routes.js';
import { registerCertificateRoutes } from '../modules/learning/certificates/certificates.routes.js';
import { registerLearningSessionRoutes } from '../modules/learning/events/events.routes.js';
import { registerLearningReportRoutes } from '../modules/learning/reports/reports.routes.js';
import { registerFrameworkRoutes } from '../modules/frameworks/frameworks.routes.js';
import { registerMappingRoutes } from '../modules/mapping/mapping.routes.js';
import { registerPeopleImportRoutes } from '../modules/people/people-import.routes.js';
import { registerPeopleRoutes } from '../modules/people/people.routes.js';
import { registerProfileRoutes } from '../modules/profiles/profiles.routes.js';
import { registerRegistryRoutes } from '../modules/registry/registry.routes.js';
import { registerResultsRoutes } from '../modules/results/results.routes.js';
import { registerRoleProfileRoutes } from '../modules/role-profiles/role-profiles.routes.js';
import { registerTenancyRoutes } from '../modules/tenancy/tenancy.routes.js';
import { registerLrsAdminRoutes } from '../modules/lrs/admin/lrs-admin.routes.js';
import { registerXapi } from '../modules/lrs/xapi.plugin.js';
import { registerPackageContent } from '../modules/packages/content/content.routes.js';
import { registerPackageRoutes } from '../modules/packages/packages.routes.js';
import { registerPlayerRuntime } from '../modules/player/player-runtime.routes.js';
import { registerPlayerRoutes } from '../modules/player/player.routes.js';
import { AppError } from './app-error.js';
import { installAuthHooks } from './auth-hooks.js';
import type { AppDeps } from './context.js';
import { installErrorHandler } from './error-handler.js';

export type App = FastifyInstance;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export async function buildApp(deps: AppDeps, options: { logger?: boolean | object; webDir?: string } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 }, throwFileSizeLimit: true });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Mestring API', version: '1.0.0', description: 'Digital competence for municipal health and care services.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mestring_session' },
          lrsBasic: { type: 'http', scheme: 'basic', description: "The municipality's LRS credential (key:secret), for machine clients of the routes that list it" },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerPackageContent(app, deps);
  registerPlayerRuntime(app, deps, options.webDir ?? resolve('dist/web'));
  installAuthHooks(app, deps);

  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(
    async (api) => {
      registerAuthRoutes(api);
      registerTenancyRoutes(api);
      registerPeopleRoutes(api);
      registerPeopleImportRoutes(api);
      registerAccessRoutes(api);
      registerAuditRoutes(api);
      registerRegistryRoutes(api);
      registerFrameworkRoutes(api);
      registerRoleProfileRoutes(api);
      registerMappingRoutes(api);
      registerProfileRoutes(api);
      registerBenchmarkRoutes(api);
      registerResultsRoutes(api);
      registerPackageRoutes(api);
      registerPlayerRoutes(api);
      registerLrsAdminRoutes(api);
      registerCmi5Routes(api);
      registerCourseRoutes(api);
      registerCatalogueRoutes(api);
      registerLearningLaunchRoutes(api);
      registerAssignmentRoutes(api);
      registerLearningSessionRoutes(api);
      registerCertificateRoutes(api);
      registerLearningReportRoutes(api);
    },
    { prefix: '/api/v1' },
  );
  await registerXapi(app, deps);
  registerCmi5Fetch(app, deps);

  const webDir = options.webDir ?? resolve('dist/web');
  if (existsSync(webDir)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: webDir, wildcard: true });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/xapi') || request.method !== 'GET' || !existsSync(webDir)) {
      throw AppError.notFound('This address');
    }
    // Client-side routes: the web app decides what to show.
    return reply.sendFile('index.html', webDir);
  });
  return app;
}

import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { registerAccessControl, SESSION_COOKIE } from './platform/access.ts';
import type { Platform } from './platform/context.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandling } from './platform/errors.ts';
import { startPeriodic } from './platform/periodic.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { chineseErrors } from './platform/zod-zh.ts';
import { POLICIES } from './policy.ts';

import { healthRoutes } from './health/health.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { orgsRoutes } from './orgs/orgs.routes.ts';
import { staffRoutes } from './staff/staff.routes.ts';
import { residentsRoutes } from './residents/residents.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { clinicsRoutes } from './clinics/clinics.routes.ts';
import { referralsRoutes } from './referrals/referral.routes.ts';
import { careRoutes } from './care/care.routes.ts';
import { todoRoutes } from './todo/todo.routes.ts';
import { hisRoutes } from './his/his.routes.ts';
import { settlementRoutes } from './settlement/settlement.routes.ts';
import { familyDoctorRoutes } from './family-doctor/fd.routes.ts';
import { chronicRoutes } from './chronic/chronic.routes.ts';
import { pharmacyRoutes } from './pharmacy/pharmacy.routes.ts';
import { supplyRoutes } from './supply/supply.routes.ts';
import { emsRoutes } from './ems/ems.routes.ts';
import { emsFigureRoutes } from './ems/figures.routes.ts';
import { remoteRequestsRoutes } from './remote/requests.routes.ts';
import { remoteStudiesRoutes } from './remote/studies.routes.ts';
import { remoteCalendarRoutes } from './remote/calendar.routes.ts';
import { remoteCriticalsRoutes } from './remote/criticals.routes.ts';
import { remoteConsultsRoutes } from './remote/consults.routes.ts';
import { remoteKitRoutes } from './remote/kit.routes.ts';
import { remoteFiguresRoutes } from './remote/figures.routes.ts';
import { figuresSnapshotJob } from './chronic/figures-snapshot.ts';
import { startMllp } from './his/mllp.ts';
import { clinicSchedulerJob } from './clinics/clinic-scheduler.ts';
import { referralDeadlineJob } from './referrals/deadline.service.ts';
import { criticalEscalationJob } from './remote/escalation.service.ts';

// zod's messages in plain Chinese ("应为文字，收到的是数字"); the web forms use the same map
z.config(chineseErrors);

/**
 * The map of OneCounty: every feature is one line below, in folder order.
 * Access for every route is in ./policy.ts; anything not listed there is denied.
 */
async function registerFeatures(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes); // GET /api/health
  await app.register(authRoutes); // login, logout, me, password change
  await app.register(orgsRoutes); // the medical-group network: orgs, departments, wards and beds
  await app.register(staffRoutes); // staff accounts: create, disable, reset
  await app.register(residentsRoutes); // resident master index: search, profile, reveal
  await app.register(auditRoutes); // hash-chained audit log and its verifier
  await app.register(clinicsRoutes); // expert clinics and appointments: roster, sessions, slots, booking, queue, screens
  await app.register(referralsRoutes); // two-way referral, tiered-care centre, exam orders, beds, out-of-county visits
  await app.register(careRoutes); // visits, stays and charges: registration, diagnoses, prescriptions, fee lines, admissions
  await app.register(hisRoutes); // HIS interface: HL7 v2 messages over HTTP, senders, errors, matching, replay
  await app.register(settlementRoutes); // one-stop settlement: desk, deposits, settlements, receivables, policy, figures, city
  await app.register(familyDoctorRoutes); // family-doctor contracts: 1+1+N teams, versioned packages, signing, renewal, 履约
  await app.register(chronicRoutes); // chronic registries, follow-ups by the 规范, grids, the village doctor's day list, figures
  await app.register(pharmacyRoutes); // drugs and consumables (六统一): catalogue, one price, procurement, distribution, stock, dispensing, trace codes, recall
  await app.register(supplyRoutes); // sterile supply (packs, sterilisation loads, issue and use) and the medical-waste chain
  await app.register(emsRoutes); // 120: calls, fleet by road time, dispatch (one winner per vehicle), the crew's phone, 上车即入院, timelines
  await app.register(emsFigureRoutes); // 120 and the five centres' figures from db/views/indicator_ems_*
  await app.register(remoteRequestsRoutes); // 远程诊断: requests, turnaround, the centres' live worklist, claims, reports with review, amendments, 结果互认
  await app.register(remoteStudiesRoutes); // studies: DICOM / HL7 aECG / PDF / JPEG upload, matching by accession, files by SHA-256, waveforms
  await app.register(remoteCalendarRoutes); // 工作日历: holidays and 调休 days for the limits in working time
  await app.register(remoteCriticalsRoutes); // 危急值: double check, push with replay, read-back acknowledgement, escalation, tasks
  await app.register(remoteConsultsRoutes); // 远程会诊: application, acceptance, consent, schedule, opinion, decision
  await app.register(remoteKitRoutes); // 云诊断: village health-kit batches, idempotent, plausible ranges, ECG → reading request
  await app.register(remoteFiguresRoutes); // remote diagnosis figures from db/views/indicator_remote_*
  await app.register(todoRoutes); // the home page's to-do counts, asked of each feature's service
}

/**
 * Every background job, one line each: each starts when the app is ready and stops when it
 * closes (a run in flight finishes first); each is safe in several processes at once. Its
 * variable sets the interval in ms, 0 turns it off (src/platform/periodic.ts).
 */
function registerJobs(app: FastifyInstance): void {
  startPeriodic(app, referralDeadlineJob(app.platform.db)); // escalates overdue referrals, expires abandoned ones (REFERRAL_SCHEDULER_MS)
  startPeriodic(app, clinicSchedulerJob(app.platform.db)); // held places to the waitlist, message retries (CLINIC_SCHEDULER_MS)
  startPeriodic(app, figuresSnapshotJob(app.platform.db, app.platform.orgTree)); // this year's contract figures per county (FIGURES_REFRESH_MS)
  startPeriodic(app, criticalEscalationJob(app.platform.db, app.platform.config.now)); // 危急值 escalation ladder (REMOTE_ESCALATION_MS)
  startMllp(app); // the HIS interface's MLLP listener (HIS_MLLP_PORT; unset or 0 = off)
}

export interface BuildOptions {
  logger?: boolean;
  /** sees every route as registered (after access control declared its headers): for tools and tests */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(platform: Platform, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: platform.config.logLevel } : false,
    bodyLimit: platform.config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    // X-Forwarded-For / -Proto name the client and its scheme only when a configured proxy sent them
    trustProxy: platform.config.trustProxy.length ? platform.config.trustProxy : false,
    routerOptions: { maxParamLength: 200 },
    // errors raised before any route (router, Node's HTTP parser) answer in the house shape too
    frameworkErrors,
    clientErrorHandler,
  });
  app.decorate('platform', platform);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerSecurityHeaders(app); // CSP, nosniff, DENY framing, no-store on /api
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'OneCounty 县域医共体一体化平台 API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'POST /api/auth/login 设置的会话 Cookie（HttpOnly）；改变状态的请求另须带 x-csrf-token 请求头',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  registerAccessControl(app, POLICIES);
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  await registerFeatures(app);
  registerJobs(app); // background jobs: referral deadlines, clinic scheduler
  await registerWeb(app, platform.config.webDir);
  return app;
}

/** The built SPA, with client-side routes falling back to index.html. */
async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  if (!fs.existsSync(path.join(webDir, 'index.html'))) return;
  await app.register(fastifyStatic, { root: webDir, wildcard: false });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}

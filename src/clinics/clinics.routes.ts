import type { FastifyPluginAsync } from 'fastify';
import { bookingRoutes } from './booking.routes.ts';
import { expertRoutes } from './expert.routes.ts';
import { portalRoutes } from './portal.routes.ts';
import { queueRoutes } from './queue.routes.ts';
import { sessionRoutes } from './session.routes.ts';
import { statsRoutes } from './stats.routes.ts';

/** Expert clinics and appointments (issue 4), one plugin per sub-entity. */
export const clinicsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(expertRoutes); // expert roster
  await app.register(sessionRoutes); // visit plans and department clinics, slots, rules
  await app.register(bookingRoutes); // bookings, cancellations, no-shows, waitlist
  await app.register(queueRoutes); // check-in, queue calling, display screens, the patient's ticket page
  await app.register(portalRoutes); // resident self-booking on the phone: ID + mobile + one-time code
  await app.register(statsRoutes); // programme statistics, savings estimate, subsidy ledger and budget
};

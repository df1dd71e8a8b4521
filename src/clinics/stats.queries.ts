import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';

export interface SessionCount {
  id: number;
  session_date: string;
  expert_id: number | null;
  expert_name: string | null;
  speciality: string | null;
  org_id: number;
  org_name: string;
  booked: number;
  served: number;
  no_show: number;
}

/** Per-session patient counts (clinic_session_counts: numbers only, past RLS) with what to group them by. */
export async function sessionCounts(
  db: Kdb,
  countyId: number,
  from: string,
  to: string,
  kind: 'expert' | 'ordinary',
): Promise<SessionCount[]> {
  const { rows } = await sql<SessionCount>`
    SELECT s.id, s.session_date, s.expert_id, e.name AS expert_name, coalesce(e.speciality, d.speciality, d.name) AS speciality,
      s.org_id, o.name AS org_name, c.booked, c.served, c.no_show
    FROM clinic_session_counts(${countyId}, ${from}::date, ${to}::date) c
    JOIN clinic_sessions s ON s.id = c.session_id
    JOIN orgs o ON o.id = s.org_id JOIN departments d ON d.id = s.department_id
    LEFT JOIN experts e ON e.id = s.expert_id
    WHERE s.kind = ${kind}`.execute(db);
  return rows;
}

import type { Client, TestEnv } from '../platform/test-helpers.ts';

/**
 * The remote-diagnosis world of the tests (issue 12) on the tiny county: the village doctor and
 * the township doctor who ask, the two readers at the people's hospital (the demo `reader` and
 * the second reader `reader.two`), a county doctor, and a resident of the village.
 */
export interface RemoteWorld {
  village: Client;
  township: Client;
  county: Client;
  reader: Client;
  reader2: Client;
  ids: {
    villageOrg: number;
    townshipOrg: number;
    peopleOrg: number;
    villageDoctor: number;
    townshipDoctor: number;
    reader: number;
    reader2: number;
    /** a resident registered at the village clinic */
    resident: number;
    /** a resident of another township: the village may not see them */
    otherResident: number;
    /** another township centre (IDOR sweeps) */
    otherTownshipOrg: number;
  };
}

type Me = { id: number; org: { id: number } };

export async function remoteWorld(env: TestEnv): Promise<RemoteWorld> {
  // the tiny county has one reader; the second (who reviews) is a copy of the first
  await env.asOwner(
    `INSERT INTO staff (county_id, org_id, department_id, username, display_name, title, roles, password_hash,
       must_change_password)
     SELECT county_id, org_id, department_id, 'reader.two', '韩冬梅', '心电诊断医师', roles, password_hash, false
     FROM staff WHERE username = 'reader' ON CONFLICT DO NOTHING`,
  );
  const [village, township, county, reader, reader2] = await Promise.all(
    ['village.doctor', 'township.doctor', 'county.doctor', 'reader', 'reader.two'].map((u) => env.login(u)),
  );
  const me = async (c: Client) => (await c.get('/api/auth/me')).json<Me>();
  const [v, t, , r, r2] = await Promise.all([village, township, county, reader, reader2].map(me));
  const [res] = await env.asOwner(`SELECT id FROM residents WHERE org_id = ${v.org.id} ORDER BY id LIMIT 1`);
  const [other] = await env.asOwner(
    `SELECT o.id AS org, (SELECT r.id FROM residents r JOIN orgs ro ON ro.id = r.org_id
        WHERE ro.path LIKE o.path || '%' ORDER BY r.id LIMIT 1) AS resident
     FROM orgs o WHERE o.kind = 'township_center' AND o.id <> ${t.org.id} AND o.county_id = ${env.countyId}
     ORDER BY o.id LIMIT 1`,
  );
  return {
    village,
    township,
    county,
    reader,
    reader2,
    ids: {
      villageOrg: v.org.id,
      townshipOrg: t.org.id,
      peopleOrg: r.org.id,
      villageDoctor: v.id,
      townshipDoctor: t.id,
      reader: r.id,
      reader2: r2.id,
      resident: Number(res.id),
      otherResident: Number(other.resident),
      otherTownshipOrg: Number(other.org),
    },
  };
}

/**
 * A reading request written straight into the database (as the owner), for tests of the parts
 * that stand on requests; the request routes have their own tests.
 */
export async function insertRequest(
  env: TestEnv,
  w: RemoteWorld,
  opts: {
    centre?: 'ecg' | 'imaging' | 'ultrasound' | 'pathology';
    item?: string;
    priority?: 'stat' | 'urgent' | 'routine';
    status?: 'awaiting_study' | 'ready' | 'claimed';
    requestedAt?: Date;
    fromOrg?: 'village' | 'township';
  } = {},
): Promise<{ id: number; accession: string }> {
  const centre = opts.centre ?? 'ecg';
  const item = opts.item ?? (centre === 'ecg' ? 'ECG-12' : centre === 'imaging' ? 'IMG-CXR' : 'US-ABD');
  const at = (opts.requestedAt ?? env.config.now()).toISOString();
  const org = opts.fromOrg === 'township' ? w.ids.townshipOrg : w.ids.villageOrg;
  const staff = opts.fromOrg === 'township' ? w.ids.townshipDoctor : w.ids.villageDoctor;
  const status = opts.status ?? 'ready';
  const [row] = await env.asOwner(
    `INSERT INTO remote_requests (county_id, resident_id, requesting_org_id, requesting_staff_id, reading_org_id,
       centre, item_code, item_name, priority, requested_at, status, study_arrived_at, claimed_by, claimed_at)
     SELECT ${env.countyId}, ${w.ids.resident}, ${org}, ${staff}, ${w.ids.peopleOrg}, '${centre}', code, name,
       '${opts.priority ?? 'routine'}', '${at}', '${status}', ${status === 'awaiting_study' ? 'NULL' : `'${at}'`},
       ${status === 'claimed' ? w.ids.reader : 'NULL'}, ${status === 'claimed' ? `'${at}'` : 'NULL'}
     FROM remote_items WHERE code = '${item}'
     RETURNING id, accession`,
  );
  return { id: Number(row.id), accession: String(row.accession) };
}

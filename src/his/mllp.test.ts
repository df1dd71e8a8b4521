import net from 'node:net';
import { Client as PeerClient, Message as PeerMessage } from 'node-hl7-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import iconv from 'iconv-lite';
import { a01, a04, MALFORMED } from './fixtures/simulated-his.ts';
import { hisKit, type HisKit } from './his-test-kit.ts';
import { charsetOf, frame, listenMllp, MllpDecoder, type MllpListener } from './mllp.ts';

/**
 * The MLLP listener over a real TCP socket, fed by a different HL7 library than the one the
 * server parses with (node-hl7-client as the HIS, @medplum/core in the server).
 */
let env: TestEnv;
let kit: HisKit;
let listener: MllpListener;

beforeAll(async () => {
  env = await createTestEnv();
  kit = await hisKit(env);
  listener = await listenMllp(
    { db: env.app.platform.db, orgTree: env.app.platform.orgTree },
    { port: 0, host: '127.0.0.1' },
  );
});
afterAll(async () => {
  await listener?.close();
  await env?.close();
});

/**
 * Sends messages through node-hl7-client the way a HIS does: one at a time, the next after
 * the ACK of the last (its own waitAck queue opens a second connection, so the test waits
 * itself), and returns each ACK's MSA-1, MSA-2 and ERR-5.1 as read by that library.
 */
async function sendWithPeer(raws: string[]): Promise<Array<{ code: string; controlId: string; err: string }>> {
  const client = new PeerClient({ host: '127.0.0.1' });
  let next: (ack: { code: string; controlId: string; err: string }) => void = () => undefined;
  const conn = client.createConnection({ port: listener.port, waitAck: false }, (res) => {
    const m = res.getMessage();
    next({ code: m.get('MSA.1').toString(), controlId: m.get('MSA.2').toString(), err: m.get('ERR.5.1').toString() });
  });
  await new Promise((resolve) => conn.once('connect', resolve));
  const acks: Array<{ code: string; controlId: string; err: string }> = [];
  for (const raw of raws) {
    const got = new Promise<{ code: string; controlId: string; err: string }>((resolve) => (next = resolve));
    await conn.sendMessage(new PeerMessage({ text: raw }));
    acks.push(await got);
  }
  await conn.close();
  client.closeAll();
  return acks;
}

describe('MLLP listener', () => {
  it('answers each message from node-hl7-client with its ACK, stores each, and a resend gets the same ACK', async () => {
    const held = a01({
      facility: kit.facility,
      controlId: 'MLLP-1',
      visitNumber: 'ZY-MLLP-1',
      at: '20261201100000',
      dept: kit.departments[0],
      patient: { idNumber: '110101199003074514', name: '未建档' },
    });
    const unsupported = MALFORMED.unsupported(kit.facility, 'MLLP-2');
    const acks = await sendWithPeer([held, unsupported, held]);
    expect(acks).toEqual([
      { code: 'AA', controlId: 'MLLP-1', err: 'UNKNOWN_RESIDENT' },
      { code: 'AR', controlId: 'MLLP-2', err: 'UNSUPPORTED_TYPE' },
      { code: 'AA', controlId: 'MLLP-1', err: 'UNKNOWN_RESIDENT' },
    ]);
    const rows = await kit.rows(`control_id LIKE 'MLLP-%'`);
    expect(rows.map((r) => [r.control_id, r.status, r.channel])).toEqual([
      ['MLLP-1', 'held', 'mllp'],
      ['MLLP-2', 'error', 'mllp'],
      ['MLLP-1', 'duplicate', 'mllp'],
    ]);
  });

  it('a message from an unregistered facility is stored and refused (AR), never dropped', async () => {
    const [ack] = await sendWithPeer([MALFORMED.unsupported('NOBODY', 'MLLP-3')]);
    expect(ack).toMatchObject({ code: 'AR', err: 'UNKNOWN_SENDER' });
    const [row] = await kit.rows(`control_id = 'MLLP-3'`);
    expect(row).toMatchObject({ status: 'error', sender_id: null, facility: 'NOBODY' });
  });

  it('two frames in one TCP chunk are two messages, answered in order; a frame cut mid-way stores nothing', async () => {
    const socket = net.connect(listener.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const decoder = new MllpDecoder();
    const got: string[] = [];
    const two = new Promise<void>((resolve) => {
      socket.on('data', (chunk) => {
        got.push(...decoder.push(chunk));
        if (got.length >= 2) resolve();
      });
    });
    socket.write(
      Buffer.concat([
        frame(MALFORMED.unsupported(kit.facility, 'MLLP-4')),
        frame(MALFORMED.unsupported(kit.facility, 'MLLP-5')),
      ]),
    );
    await two;
    expect(got.map((a) => /MSA\|(\w+)\|([^|\r]+)/.exec(a)?.slice(1, 3))).toEqual([
      ['AR', 'MLLP-4'],
      ['AR', 'MLLP-5'],
    ]);
    // half a frame, then the connection is cut: the sender never got an ACK and will resend
    const half = frame(MALFORMED.unsupported(kit.facility, 'MLLP-6'));
    socket.write(half.subarray(0, 40));
    socket.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect(await kit.rows(`control_id = 'MLLP-6'`)).toEqual([]);
  });

  it('a HIS sending GBK (MSH-18 GB 18030) is read as GB 18030 and answered in it: Chinese names and errors survive', async () => {
    const socket = net.connect(listener.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const acks: Buffer[] = [];
    const answered = new Promise<void>((resolve) => {
      let buf = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        buf = Buffer.concat([buf, chunk]);
        if (buf.includes(Buffer.from([0x1c, 0x0d]))) {
          acks.push(buf);
          resolve();
        }
      });
    });
    const resident = kit.residents[9];
    const text = a04({
      facility: kit.facility,
      controlId: 'MLLP-GBK-1',
      visitNumber: 'MZ-GBK-1',
      at: '20261201100000',
      dept: 'NO-SUCH-DEPT',
      patient: { idNumber: resident.idNumber, name: resident.name },
    });
    // MSH-17 country, MSH-18 character set
    const [msh, ...rest] = text.split('\r');
    const fields = msh.split('|');
    while (fields.length < 18) fields.push('');
    fields[16] = 'CHN';
    fields[17] = 'GB 18030-2000';
    const gbk = [fields.join('|'), ...rest].join('\r');
    const bytes = frame(gbk, 'gb18030');
    expect(bytes.includes(Buffer.from(resident.name, 'utf8'))).toBe(false); // really GBK on the wire
    expect(charsetOf(bytes.subarray(1))).toBe('gb18030');
    socket.write(bytes);
    await answered;
    socket.destroy();
    const [row] = await kit.rows(`control_id = 'MLLP-GBK-1'`);
    expect(row).toMatchObject({ status: 'error', ack_code: 'AE' });
    expect(String(row.raw)).toContain(resident.name);
    // the ACK's Chinese reason reads correctly only as GB 18030
    const ack = iconv.decode(acks[0].subarray(1, acks[0].length - 2), 'gb18030');
    expect(ack).toContain(String(row.error_text));
    expect(String(row.error_text)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('reads MSH-18 only where it is: UTF-8 by default, GB 18030 for GBK, GB2312 and ISO IR58', () => {
    const head = (cs: string) => Buffer.from(`MSH|^~\\&|HIS|F|OC|G|20261201||ADT^A04|1|P|2.5||||||${cs}\rPID|1`);
    expect(charsetOf(head(''))).toBe('utf8');
    expect(charsetOf(head('UNICODE UTF-8'))).toBe('utf8');
    expect(charsetOf(head('GBK'))).toBe('gb18030');
    expect(charsetOf(head('GB2312~UNICODE UTF-8'))).toBe('gb18030');
    expect(charsetOf(head('ISO IR58'))).toBe('gb18030');
    expect(charsetOf(Buffer.from('not hl7'))).toBe('utf8');
  });
});

import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { isDatabaseUnavailable } from '../platform/errors.ts';
import { buildAck, looseHeader } from './hl7.ts';
import { ingest, type IngestDeps } from './ingest.service.ts';

/**
 * The MLLP listener (HL7 v2 over TCP): <VT> message <FS><CR> frames, one ACK per message.
 * The framing is ours (a few lines) rather than @medplum/hl7's Hl7Server, whose connection
 * joins two frames that arrive in one TCP chunk into one message and sends no ACK at all for
 * a message it cannot parse; here every frame is answered and stored, parseable or not.
 * Messages of one connection are processed one after the other, in order (an A01 before the
 * A02 that moves it), connections in parallel.
 */

const VT = 0x0b;
const FS = 0x1c;
const CR = 0x0d;
const END = Buffer.from([FS, CR]);
/** a frame larger than this is not a message from a HIS: the connection is closed */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

/** how a message's bytes are read and its ACK written: UTF-8, or GB 18030 (which covers GBK and GB 2312) */
export type Charset = 'utf8' | 'gb18030';

export function frame(text: string, charset: Charset = 'utf8'): Buffer {
  const body = charset === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, charset);
  return Buffer.concat([Buffer.from([VT]), body, Buffer.from([FS, CR])]);
}

/**
 * The character set a message declares in MSH-18 (first repetition; HL7 table 0211), read
 * from the MSH segment's bytes, which are ASCII up to there. Many county HIS still send GBK:
 * 'GB 18030-2000', 'GBK', 'GB2312' and 'ISO IR58' are read as GB 18030; anything else, or no
 * MSH-18, as UTF-8.
 */
export function charsetOf(body: Buffer): Charset {
  const cr = body.indexOf(CR);
  const head = body.subarray(0, cr < 0 ? Math.min(body.length, 2048) : cr).toString('latin1');
  if (!head.startsWith('MSH') || head.length < 8) return 'utf8';
  const field = head.split(head[3])[17] ?? '';
  const declared = field
    .split(head[5])[0]
    .split(head[4])[0]
    .toUpperCase()
    .replace(/[\s_-]/g, '');
  return /^(GB18030|GBK|GB2312|ISOIR58)/.test(declared) ? 'gb18030' : 'utf8';
}

/** Splits a byte stream into MLLP frames; bytes outside a frame (line noise, keep-alives) are skipped. */
export class MllpDecoder {
  private buf: Buffer = Buffer.alloc(0);
  /** the frames completed by this chunk, as text */
  push(chunk: Buffer): string[] {
    return this.frames(chunk).map((f) => f.text);
  }
  /** the frames completed by this chunk, each decoded in the character set its MSH-18 names */
  frames(chunk: Buffer): Array<{ text: string; charset: Charset }> {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Array<{ text: string; charset: Charset }> = [];
    for (;;) {
      const start = this.buf.indexOf(VT);
      if (start < 0) {
        this.buf = Buffer.alloc(0);
        break;
      }
      const end = this.buf.indexOf(END, start + 1);
      if (end < 0) {
        this.buf = this.buf.subarray(start);
        if (this.buf.length > MAX_FRAME_BYTES) throw new Error('MLLP frame too large');
        break;
      }
      const body = this.buf.subarray(start + 1, end);
      const charset = charsetOf(body);
      out.push({ text: charset === 'utf8' ? body.toString('utf8') : iconv.decode(body, charset), charset });
      this.buf = this.buf.subarray(end + 2);
    }
    return out;
  }
}

export interface MllpListener {
  port: number;
  close(): Promise<void>;
}

let status: { listening: boolean; port: number | null } = { listening: false, port: null };
export const mllpStatus = () => ({ ...status });

/** Starts a listener; port 0 picks a free one (tests). */
export function listenMllp(
  deps: IngestDeps,
  opts: { port: number; host: string; onError?: (err: unknown) => void },
): Promise<MllpListener> {
  const sockets = new Set<net.Socket>();
  const inFlight = new Set<Promise<unknown>>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const decoder = new MllpDecoder();
    let chain: Promise<unknown> = Promise.resolve();
    socket.on('data', (chunk) => {
      let frames: Array<{ text: string; charset: Charset }>;
      try {
        frames = decoder.frames(chunk);
      } catch (err) {
        opts.onError?.(err);
        socket.destroy();
        return;
      }
      for (const { text, charset } of frames) {
        chain = chain.then(async () => {
          const ack = await answer(deps, text, opts.onError);
          // the ACK goes back in the sender's character set (its error text is Chinese)
          if (!socket.destroyed) socket.write(frame(ack, charset));
        });
        const tracked = chain;
        inFlight.add(tracked);
        void tracked.finally(() => inFlight.delete(tracked));
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const port = (server.address() as net.AddressInfo).port;
      status = { listening: true, port };
      resolve({
        port,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            // messages being processed finish and are answered; then the connections close
            void Promise.allSettled([...inFlight]).then(() => {
              for (const s of sockets) s.end();
              setTimeout(() => {
                for (const s of sockets) s.destroy();
              }, 1000).unref();
            });
          });
          status = { listening: false, port: null };
        },
      });
    });
  });
}

/** The ACK for one frame. If it could not even be stored (database away), an AE that stores nothing: the sender sends again. */
async function answer(deps: IngestDeps, text: string, onError?: (err: unknown) => void): Promise<string> {
  try {
    return (await ingest(deps, { raw: text, channel: 'mllp' })).ack;
  } catch (err) {
    if (!isDatabaseUnavailable(err)) onError?.(err);
    return buildAck(looseHeader(text), 'AE', 'OC0', new Date(), {
      hl7Code: '207',
      code: isDatabaseUnavailable(err) ? 'DATABASE_UNAVAILABLE' : 'INTERNAL',
      text: '接口暂时无法处理该消息，未保存，请稍后重发',
      severity: 'E',
    });
  }
}

/** HIS_MLLP_PORT (0 or unset = off) and HIS_MLLP_HOST (default HOST): started with the app, stopped with it. */
export function startMllp(app: FastifyInstance): void {
  const port = Number(process.env.HIS_MLLP_PORT ?? 0);
  if (!port || !Number.isInteger(port)) return;
  const host = process.env.HIS_MLLP_HOST ?? app.platform.config.host;
  let listener: MllpListener | undefined;
  app.addHook('onReady', async () => {
    listener = await listenMllp(
      { db: app.platform.db, orgTree: app.platform.orgTree },
      { port, host, onError: (err) => app.log.error({ err }, 'HIS MLLP 消息处理失败') },
    );
    app.log.info(`HIS MLLP listening on ${host}:${listener.port}`);
  });
  app.addHook('onClose', async () => {
    await listener?.close();
  });
}

import net from 'node:net';
import type { FastifyInstance } from 'fastify';
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

export function frame(text: string): Buffer {
  const body = Buffer.from(text, 'utf8');
  return Buffer.concat([Buffer.from([VT]), body, Buffer.from([FS, CR])]);
}

/** Splits a byte stream into MLLP frames; bytes outside a frame (line noise, keep-alives) are skipped. */
export class MllpDecoder {
  private buf: Buffer = Buffer.alloc(0);
  push(chunk: Buffer): string[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: string[] = [];
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
      out.push(this.buf.subarray(start + 1, end).toString('utf8'));
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
      let frames: string[];
      try {
        frames = decoder.push(chunk);
      } catch (err) {
        opts.onError?.(err);
        socket.destroy();
        return;
      }
      for (const text of frames) {
        chain = chain.then(async () => {
          const ack = await answer(deps, text, opts.onError);
          if (!socket.destroyed) socket.write(frame(ack));
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

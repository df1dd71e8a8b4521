import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, searchForWorkspaceRoot, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://127.0.0.1:3000';

/** where dwv's webpack build expects its decoder workers, relative to the script that holds dwv */
const DWV_WORKERS = 'assets/workers';
const DWV_BASE = 'i.b="undefined"!=typeof document&&document.baseURI||self.location.href';

/**
 * dwv (the image viewer of issue 12 §2) starts its decoders (JPEG baseline, JPEG lossless,
 * JPEG 2000, RLE) as `new Worker(new URL('./assets/workers/<name>.worker.min.js', base))`.
 * Its webpack runtime takes `base` from document.baseURI, i.e. the SPA route (/remote/read/12/),
 * where no worker lives. `transform` makes that base the module's own URL instead:
 * - build: dwv sits in the dwv chunk /assets/dwv-<hash>.js, so `writeBundle` copies
 *   node_modules/dwv/dist/assets/workers/*.min.js to dist/web/assets/assets/workers/, served by
 *   @fastify/static like every other built file;
 * - dev: dwv is excluded from pre-bundling (optimizeDeps below), so it is served from
 *   /node_modules/dwv/dist/dwv.min.js and its workers from /node_modules/dwv/dist/assets/workers/.
 */
function dwvDist(): string {
  const pkg = path.join(here, 'node_modules/dwv/package.json');
  return fs.existsSync(pkg) ? path.join(path.dirname(fs.realpathSync(pkg)), 'dist') : here;
}

function dwvWorkers(): Plugin {
  return {
    name: 'onecounty:dwv-workers',
    transform(code, id) {
      if (!/node_modules[\\/]dwv[\\/]dist[\\/]dwv\.min\.js$/.test(id.split('?')[0])) return null;
      if (!code.includes(DWV_BASE)) this.error('dwv: the worker base is not where 0.36 had it; check the upgrade');
      return { code: code.replace(DWV_BASE, 'i.b=import.meta.url'), map: null };
    },
    writeBundle(options, bundle) {
      const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.name === 'dwv');
      if (!chunk || !options.dir) return;
      const from = path.join(dwvDist(), DWV_WORKERS);
      const to = path.join(options.dir, path.dirname(chunk.fileName), DWV_WORKERS);
      fs.mkdirSync(to, { recursive: true });
      for (const f of fs.readdirSync(from).filter((n) => n.endsWith('.min.js')))
        fs.copyFileSync(path.join(from, f), path.join(to, f));
    },
  };
}

/**
 * The SPA lives in src/web and is served by the API process from dist/web (WEB_DIR), so
 * the browser sees one origin: the session cookie is SameSite=strict and needs that.
 * In `vite dev` the same single origin is kept by proxying /api and /docs to the server.
 */
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react(), dwvWorkers()],
  server: {
    proxy: { '/api': api, '/docs': api },
    // dwv's workers are fetched by URL, not imported: allow its dist even where node_modules is a
    // symlink out of the checkout (git worktrees)
    fs: { allow: [searchForWorkspaceRoot(here), dwvDist()] },
  },
  // dwv is served as it is in dev so that its worker base (see dwvWorkers) is its own file;
  // its CommonJS dependencies still need pre-bundling
  optimizeDeps: {
    exclude: ['dwv'],
    include: ['dwv > konva', 'dwv > jszip', 'dwv > magic-wand-tool'],
  },
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // vendors change far less often than our pages: separate chunks stay cached
        // across deploys, which matters on slow township-clinic connections
        codeSplitting: {
          groups: [
            // loaded on first use only (charts on the figures pages, QR codes on tickets): their own chunks
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 4 },
            { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs|pngjs|encode-utf8)[\\/]/, priority: 4 },
            // the image viewer (issue 12 §2), lazily loaded: dwv and what it brings (konva, jszip)
            {
              name: 'dwv',
              test: /node_modules[\\/](dwv|konva|jszip|magic-wand-tool|pako|lie|immediate|setimmediate|readable-stream|core-util-is|isarray|process-nextick-args|safe-buffer|string_decoder|util-deprecate|inherits)[\\/]/,
              priority: 4,
            },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 3 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|dayjs|@emotion|stylis)[\\/]/,
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});

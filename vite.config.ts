import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const api = 'http://127.0.0.1:3000';

/**
 * The SPA lives in src/web and is served by the API process from dist/web (WEB_DIR), so
 * the browser sees one origin: the session cookie is SameSite=strict and needs that.
 * In `vite dev` the same single origin is kept by proxying /api and /docs to the server.
 */
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  server: {
    proxy: { '/api': api, '/docs': api },
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

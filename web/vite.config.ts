/**
 * Vite build of the dashboard into web/dist, served by `strikewatch serve` at /.
 * JSX goes through Vite's own oxc transform (no Babel preset needed for Preact).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Leaflet's default attribution prefix is a link to leafletjs.com. The dashboard turns the control off
 * (its attribution line is its own), but the string would still ship; the bundle is checked to hold no
 * outside URL at all, so the dead link is neutralised at build time.
 */
function noLeafletLink(): Plugin {
  return {
    name: 'strikewatch-no-leaflet-link',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]leaflet[\\/]/.test(id) || !code.includes('https://leafletjs.com')) return null;
      return { code: code.replaceAll('href="https://leafletjs.com"', 'href="#"'), map: null };
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [noLeafletLink()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The page runs under CSP default-src 'self': data: URIs for Leaflet's images would be blocked,
    // so every asset is emitted as a file.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});

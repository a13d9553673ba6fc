import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The bundle goes where Maven packs it (META-INF/resources, served by the server at /); `npm run build` alone writes dist/.
// `npm run dev` proxies the API and OGC paths to a server on :8080 (or TERRAWATCH_API).
const server = process.env.TERRAWATCH_API ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
  base: './',
  build: {
    outDir: process.env.TERRAWATCH_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/ol/') || id.includes('node_modules/rbush') || id.includes('node_modules/earcut')) return 'openlayers'
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          return undefined
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(['/api', '/ogc', '/wms', '/wfs', '/wps', '/ows', '/wmts'].map((path) => [path, server])),
  },
})

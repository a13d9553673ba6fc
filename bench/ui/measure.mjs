// The measurements of bench/ui/run.sh; prints a Markdown report. Run from web/ (for playwright-core).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { api, base, basic, launch, open, platformKey, signIn } from '../../web/e2e/support.mjs'

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const kb = (bytes) => (bytes / 1024).toFixed(1) + ' KB'

// The bundle: every asset, and those the map page loads (recorded below from the browser's requests).
const bundle = process.env.BUNDLE
const sizes = new Map()
for (const name of readdirSync(join(bundle, 'assets'))) {
  const bytes = readFileSync(join(bundle, 'assets', name))
  sizes.set('assets/' + name, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length })
}
const total = [...sizes.values()].reduce((sum, s) => sum + s.gzip, 0)

const browser = await launch()

// The map page, cold (a new context: empty cache) and warm (the same context again), five times each.
const cold = []
const warm = []
let mapAssets = 0
for (let run = 0; run < 5; run++) {
  const signing = await open(browser)
  await signIn(signing.page, 'analyst')
  const session = await signing.context.storageState()
  await signing.context.close()
  // A new context has an empty HTTP cache: its first visit is cold, its second warm.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, storageState: session })
  for (const list of [cold, warm]) {
    const tab = await context.newPage()
    const loaded = []
    tab.on('response', (r) => { const path = new URL(r.url()).pathname.slice(1); if (sizes.has(path)) loaded.push(path) })
    const started = Date.now()
    await tab.goto(base + '/#/map')
    await tab.locator('[data-test=layer-tree] input[type=checkbox]').first().waitFor({ state: 'attached' })
    await tab.waitForLoadState('networkidle')
    const drawn = Date.now() - started
    const paint = await tab.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
    list.push({ paint, drawn })
    if (list === cold && run === 0) mapAssets = [...new Set(loaded)].reduce((sum, path) => sum + sizes.get(path).gzip, 0)
    await tab.close()
  }
  await context.close()
}

// The duty desk with 500 more pending incidents: one alert each, an hour apart, so none joins another.
const cameras = (await api('GET', '/api/cameras', basic('duty'))).json
const types = ['FIRE_SMOKE', 'EXCAVATOR', 'FARMLAND_DAMAGE', 'GRAZING', 'STRAW_BURNING', 'DUST', 'DUMPING', 'LANDSLIDE']
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAF0lEQVR42mP8z8BQz0AEYBxVSF+FAP5FDvcfRYWgAAAAAElFTkSuQmCC', 'base64')
const start = Date.now() - 600 * 3600_000
for (let n = 0; n < 500; n++) {
  const camera = cameras[n % cameras.length]
  const answer = await api('POST', '/api/alerts', platformKey, {
    externalId: `UI-BENCH-${start}-${n}`, camera: camera.code, type: types[n % types.length], time: new Date(start + n * 3600_000).toISOString(),
    longitude: camera.longitude + 0.001, latitude: camera.latitude, confidence: 0.8, snapshot: png.toString('base64'),
  })
  if (answer.status !== 201) throw new Error(answer.text)
}
const pending = (await api('GET', '/api/duty/queue?limit=500', basic('duty'))).json.length
const desk = []
const frames = []
for (let run = 0; run < 3; run++) {
  const { context, page } = await open(browser)
  await signIn(page, 'duty')
  const started = Date.now()
  await page.goto(base + '/#/map')
  await page.goto(base + '/#/duty')
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=queue] .el-table__body tr').length >= n, pending, { timeout: 60_000 })
  desk.push(Date.now() - started)
  frames.push(...await page.evaluate(async () => {
    const body = document.querySelector('[data-test=queue] .el-scrollbar__wrap')
    const times = []
    let last = performance.now()
    for (let i = 0; i < 120; i++) {
      body.scrollTop += 120
      await new Promise((r) => requestAnimationFrame(r))
      const now = performance.now()
      times.push(now - last)
      last = now
    }
    return times
  }))
  await context.close()
}
await browser.close()

const largest = [...sizes.entries()].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, 3)
  .map(([name, size]) => name.replace('assets/', '').replace(/-[\w-]{8}\./, '.') + ' ' + kb(size.gzip)).join(', ')
const p95 = [...frames].sort((a, b) => a - b)[Math.floor(frames.length * 0.95)]
console.log(`# Web UI budgets — ${new Date().toISOString().slice(0, 10)}

Debian's Chromium, headless, via playwright-core, loopback, the demo on the embedded store; 2 cores shared with the server.

| what | figure |
|---|---|
| whole bundle (gzip) | ${kb(total)} in ${sizes.size} files |
| what the map page loads (gzip) | ${kb(mapAssets)} |
| largest chunks (gzip) | ${largest} |
| map page, cold cache: first contentful paint / map drawn (median of 5) | ${median(cold.map((c) => c.paint)).toFixed(0)} ms / ${median(cold.map((c) => c.drawn))} ms |
| map page, warm cache: first contentful paint / map drawn (median of 5) | ${median(warm.map((c) => c.paint)).toFixed(0)} ms / ${median(warm.map((c) => c.drawn))} ms |
| duty desk with ${pending} pending incidents: queue drawn (median of 3) | ${median(desk)} ms |
| scrolling that queue: frame time median / p95 (${frames.length} frames) | ${median(frames).toFixed(1)} ms / ${p95.toFixed(1)} ms |
`)

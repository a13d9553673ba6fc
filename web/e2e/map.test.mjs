// The map page draws our own WMS: with the patch layer on, the map where a patch lies holds its colours (compared
// pixel by pixel with the same view without the layer, so a blank map fails); the before/after swipe shows two
// different images of the same place.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, basic, launch, open, pixels, shot, signIn } from './support.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

/** Waits until the map's tiles have all been fetched and drawn. */
async function settled(page) {
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(300) // one more frame for OpenLayers to compose the fetched tiles (no request is pending)
}

test('the map shows the patches where they are, and the swipe two epochs', { timeout: 180_000 }, async () => {
  const { page, errors } = await open(browser)
  await signIn(page, 'analyst')
  await page.goto(page.url().split('#')[0] + '#/map')
  await page.locator('[data-test=layer-tree]').waitFor()
  await page.locator('[data-test="layer-terrawatch:patches"]').waitFor()

  // A patch on the demo's imagery, found through the API by the imagery's extent.
  const capabilities = await (await fetch(new URL('/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities', page.url()), {
    headers: { Authorization: basic('analyst') } })).text()
  const imagery = capabilities.slice(capabilities.indexOf('<Name>terrawatch:imagery</Name>'))
  const box = ['westBoundLongitude', 'southBoundLatitude', 'eastBoundLongitude', 'northBoundLatitude']
    .map((name) => Number(imagery.match(new RegExp(`<${name}>([^<]+)</${name}>`))[1]))
  const patches = (await api('GET', `/ogc/collections/patches/items?limit=1&bbox=${box.join(',')}`, basic('analyst'))).json
  const code = patches.features[0].properties.code

  await page.locator('input[data-test=map-search]').fill(code)
  await page.locator('input[data-test=map-search]').press('Enter')
  await page.locator('[data-test=identify]').waitFor()
  await settled(page)
  const map = page.locator('[data-test=map]')
  const withPatches = await map.screenshot()
  await shot(page, 'map-patch')
  await page.locator('[data-test="layer-terrawatch:patches"]').click()
  await settled(page)
  const without = await map.screenshot()
  const size = await map.boundingBox()
  const { colours, differing: changed } = await pixels(page, withPatches, without)
  console.log(`the patch layer changed ${changed} of ${Math.round(size.width * size.height)} pixels`)
  assert.ok(changed > 2000, 'the patch is drawn where the map is centred on it')
  assert.ok(colours > 50, 'imagery and patches, not a blank map')

  // Before/after: the divider all the way right shows only the earlier epoch, all the way left only the later one.
  await page.locator('[data-test=swipe]').click()
  await settled(page)
  const handle = page.locator('[data-test=swipe-position] .el-slider__button-wrapper')
  await handle.focus()
  await page.keyboard.press('End')
  await settled(page)
  const earlier = await map.screenshot()
  await page.keyboard.press('Home')
  await settled(page)
  const later = await map.screenshot()
  await shot(page, 'map-swipe')
  const between = (await pixels(page, earlier, later)).differing
  console.log(`the two epochs differ in ${between} pixels`)
  assert.ok(between > 2000, 'two different images')
  assert.deepEqual(errors, [])
})

// The monthly cycle in the browser: an analyst registers an imagery epoch from the imagery folder on the cycle page;
// an upload that is no image is refused with the server's code and registers nothing.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, basic, launch, open, shot, signIn } from './support.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

test('an analyst registers an imagery epoch and a file that is no image is refused', { timeout: 180_000 }, async () => {
  const { page, errors } = await open(browser)
  await signIn(page, 'analyst')
  await page.goto(page.url().split('#')[0] + '#/cycle')
  await page.locator('[data-test=cycle-tasks]').waitFor()
  await page.locator('.el-tabs__item', { hasText: '影像' }).click()
  const form = page.locator('[data-test=cycle-imagery-register]')
  await form.waitFor()
  const before = (await api('GET', '/api/imagery', basic('analyst'))).json.features.length

  // Not an image: refused, the server's code shown, nothing registered.
  await form.locator('input[type=file]').first().setInputFiles({ name: 'notes.tif', mimeType: 'image/tiff', buffer: Buffer.from('not a tiff') })
  await form.locator('input[name=name]').fill('UI-BROKEN')
  await form.locator('input[name=sensor]').fill('GF-2 PMS')
  await form.locator('input[name=acquired]').fill('2026-11-27')
  await form.locator('button[type=submit]').click()
  await page.locator('.el-message--error', { hasText: 'UNREADABLE' }).waitFor()
  assert.equal((await api('GET', '/api/imagery', basic('analyst'))).json.features.length, before)

  // From the imagery folder: registered, and listed with its facts.
  await form.locator('input[type=file]').first().setInputFiles([])
  await form.locator('input[name=path]').fill('demo-2026-09-20.tif')
  await form.locator('input[name=name]').fill('UI-2026-11-27')
  await form.locator('button[type=submit]').click()
  await page.locator('.el-message--success', { hasText: 'UI-2026-11-27' }).waitFor()
  const row = page.locator('[data-test=cycle-imagery] .el-table__body tr', { hasText: 'UI-2026-11-27' })
  await row.waitFor()
  assert.match(await row.innerText(), /GF-2 PMS[\s\S]*2026-11-27/)
  const epochs = (await api('GET', '/api/imagery', basic('analyst'))).json.features
  assert.equal(epochs.length, before + 1)
  assert.equal(epochs.find((e) => e.properties.name === 'UI-2026-11-27').properties.acquiredOn, '2026-11-27')
  await shot(page, 'cycle-imagery-registered')
  // The browser logs the refusal's 400 itself; nothing else.
  assert.deepEqual(errors.filter((e) => !e.includes('status of 400')), [], 'no console errors')
})

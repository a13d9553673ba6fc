// Every page opens in Chinese and in English without a console error: the desk pages at 1366 × 768, the field pages
// at 390 × 844; a screenshot of each is kept.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, basic, launch, open, phone, shot, signIn } from './support.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

const english = { map: 'Layers', duty: 'Incidents to screen', patches: 'Patches', 'work-orders': 'Board', dashboard: 'Dashboard', cycle: 'Monitoring tasks' }

for (const language of ['zh', 'en']) {
  test(`every page in ${language}`, { timeout: 180_000 }, async () => {
    const patch = (await api('GET', '/ogc/collections/patches/items?limit=1', basic('admin'))).json.features[0].properties.id
    const order = (await api('GET', '/ogc/collections/work_orders/items?limit=1&filter=' + encodeURIComponent("state='CLOSED'"), basic('admin')))
      .json.features[0].properties.id
    const desk = await open(browser)
    await desk.context.addInitScript((l) => localStorage.setItem('terrawatch.language', l), language)
    await signIn(desk.page, 'admin')
    const root = desk.page.url().split('#')[0]
    const pages = [['map', '[data-test=layer-tree]'], ['duty', '[data-test=queue]'], ['patches', '[data-test=patches]'],
      [`patches/${patch}`, '[data-test=patch]'], ['work-orders', '[data-test=board]'], [`work-orders/${order}`, '[data-test=work-order]'],
      ['dashboard', '[data-test=dashboard] canvas'], ['cycle', '[data-test=cycle-tasks]']]
    for (const [path, ready] of pages) {
      await desk.page.goto(`${root}#/${path}`)
      await desk.page.locator(ready).first().waitFor()
      if (path === 'map') await desk.page.locator('[data-test=coverage]').click() // what the cameras see, drawn from /api/cameras
      await desk.page.waitForLoadState('networkidle').catch(() => {}) // the duty desk's stream never idles
      const text = await desk.page.locator('body').innerText()
      if (language === 'en' && english[path]) assert.ok(text.includes(english[path]), `${path} in English`)
      if (language === 'zh') assert.ok(text.includes('退出'), `${path} in Chinese`)
      await shot(desk.page, `page-${language}-${path.replace('/', '-')}`)
    }
    assert.deepEqual(desk.errors, [], 'no console errors on the desk pages')
    await desk.context.close()

    const field = await open(browser, phone, { isMobile: true, hasTouch: true })
    await field.context.addInitScript((l) => localStorage.setItem('terrawatch.language', l), language)
    await signIn(field.page, 'field')
    await field.page.locator('.field').first().waitFor()
    await field.page.waitForLoadState('networkidle')
    await shot(field.page, `page-${language}-field`)
    const first = field.page.locator('a[data-test^=field-order-]').first()
    if (await first.count()) {
      await first.click()
      await field.page.locator('[data-test=field-order]').waitFor()
      await field.page.waitForLoadState('networkidle')
      await shot(field.page, `page-${language}-field-order`)
    }
    assert.equal(await field.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling on a phone')
    assert.deepEqual(field.errors, [], 'no console errors on the field pages')
    await field.context.close()
  })
}

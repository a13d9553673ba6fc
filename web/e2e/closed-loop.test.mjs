// The loop in a browser: an alert posted to the intake API appears on the duty desk without a reload; the officer
// confirms and dispatches it; the assignee on a phone signs for it and reports with a photo and the device's position,
// then reports again offline and sees it arrive once the network is back; the officer closes it; the history shows
// every step. A user without a right sees no button for it, and the server refuses the call anyway.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, basic, launch, open, phone, platformKey, shot, signIn } from './support.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

test('an alert goes round the loop in the browser', { timeout: 240_000 }, async () => {
  // The duty officer's desk, open before the alert exists.
  const duty = await open(browser)
  await signIn(duty.page, 'duty')
  await duty.page.locator('[data-test=queue]').waitFor()
  await assert.doesNotReject(duty.page.waitForFunction(() => document.querySelector('[data-test=live]')?.textContent?.includes('实时')))
  await duty.page.evaluate(() => { window.__sameDocument = true })

  // The camera platform posts an alert, with a real PNG snapshot (a screenshot of the desk itself).
  const cameras = (await api('GET', '/api/cameras', basic('duty'))).json
  const camera = cameras[0]
  const snapshot = await duty.page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } })
  const externalId = 'E2E-' + Date.now()
  const posted = await api('POST', '/api/alerts', platformKey, {
    externalId, camera: camera.code, type: 'FARMLAND_DAMAGE', time: new Date().toISOString(),
    longitude: camera.longitude + 0.002, latitude: camera.latitude + 0.001, confidence: 0.91, snapshot: snapshot.toString('base64'),
  })
  assert.equal(posted.status, 201, posted.text)
  const acknowledged = Date.now()
  const row = duty.page.locator(`[data-test="queue-${externalId}"]`)
  await row.waitFor({ timeout: 10_000 })
  console.log(`the alert was on the desk ${Date.now() - acknowledged} ms after its 201`)
  assert.equal(await duty.page.evaluate(() => window.__sameDocument), true, 'no reload')
  await duty.page.locator('[data-test=new-alerts]').waitFor()
  await shot(duty.page, 'loop-1-desk-new-alert')

  // Screen it: the snapshot and the facts are there; confirm, and the dispatch the routing rules propose opens.
  await row.click()
  await duty.page.locator('[data-test=incident] [data-test=snapshot]').waitFor()
  assert.ok(await duty.page.locator('[data-test=incident] [data-test=snapshot]').evaluate((img) => img.complete && img.naturalWidth === 320))
  assert.match(await duty.page.locator('[data-test=facts]').innerText(), /乡镇/)
  await duty.page.locator('[data-test=confirm]').click()
  await duty.page.locator('[data-test=dispatch-send]').waitFor()
  assert.match(await duty.page.locator('[data-test=dispatch-deadline]').innerText(), /\d{4}-\d{2}-\d{2}/)
  // The officer changes the department the rules proposed: the enforcement team takes it.
  await duty.page.locator('[data-test=dispatch-department]').click()
  await duty.page.locator('.el-select-dropdown__item:visible', { hasText: '综合行政执法队' }).click()
  await shot(duty.page, 'loop-2-dispatch')
  await duty.page.locator('[data-test=dispatch-send]').click()
  const message = await duty.page.locator('.el-message--success', { hasText: '已派发工单' }).innerText()
  const code = message.match(/GD\d{8}-\d{6}/)[0]

  const orders = (await api('GET', '/ogc/collections/work_orders/items?filter=' + encodeURIComponent(`code='${code}'`), basic('duty'))).json
  const id = orders.features[0].properties.id
  assert.equal(orders.features[0].properties.department_code, 'zhifa')

  // A township's handler, not among its assignees, sees no button on it, and the server refuses the call anyway.
  const other = await open(browser)
  await signIn(other.page, 'guanshan')
  await other.page.goto(`${other.page.url().split('#')[0]}#/work-orders/${id}`)
  await other.page.waitForLoadState('networkidle')
  assert.equal(await other.page.locator('[data-test=action-accept]').count(), 0)
  assert.equal((await api('PATCH', `/api/work-orders/${id}`, basic('guanshan'), { state: 'ACCEPTED' })).status, 403)
  await other.context.close()

  // The assignee on a phone, the position granted: sign for it, report with a photo and the place.
  const place = { longitude: camera.longitude + 0.0021, latitude: camera.latitude + 0.0011 }
  const field = await open(browser, phone, { geolocation: place, permissions: ['geolocation'], isMobile: true, hasTouch: true })
  await signIn(field.page, 'field')
  await field.page.locator(`[data-test="field-order-${code}"]`).click()
  await field.page.locator('[data-test=accept]').click()
  await field.page.waitForFunction(() => document.querySelector('[data-test=order-state]')?.textContent?.includes('已签收'))
  await field.page.locator('[data-test=feedback-body]').fill('到达现场，发现耕地被挖，已拍照取证')
  const photo = await field.page.screenshot({ clip: { x: 0, y: 0, width: 200, height: 150 } })
  await field.page.locator('[data-test=feedback-photo]').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: photo })
  await field.page.locator('[data-test=locate]').click()
  await field.page.waitForFunction(() => /\d+\.\d{6}, \d+\.\d{6}/.test(document.querySelector('[data-test=position]')?.textContent ?? ''))
  await shot(field.page, 'loop-3-field-report')
  await field.page.locator('[data-test=feedback-send]').click()
  await field.page.locator('[data-test=report]').first().waitFor()
  await field.page.locator('[data-test=report] img').first().waitFor()

  // Offline in the hills: the report is kept on the phone, and goes when the network returns.
  await field.context.setOffline(true)
  await field.page.waitForFunction(() => !navigator.onLine)
  await field.page.locator('[data-test=feedback-body]').fill('已责令停止施工，恢复原状，核查完毕')
  await field.page.locator('[data-test=feedback-submit]').click()
  await field.page.locator('[data-test=feedback-send]').click()
  await field.page.locator('[data-test=waiting]').waitFor()
  await shot(field.page, 'loop-4-field-offline')
  const whileOffline = (await api('GET', `/api/work-orders/${id}/feedback`, basic('duty'))).json
  assert.equal(whileOffline.length, 1, 'nothing reached the server while offline')
  await field.context.setOffline(false)
  await field.page.locator('[data-test=waiting]').waitFor({ state: 'detached', timeout: 30_000 })
  await field.page.waitForFunction(() => document.querySelectorAll('[data-test=report]').length === 2)
  await field.page.waitForFunction(() => document.querySelector('[data-test=order-state]')?.textContent?.includes('已反馈'))
  await shot(field.page, 'loop-5-field-sent')
  const reports = (await api('GET', `/api/work-orders/${id}/feedback`, basic('duty'))).json
  assert.equal(reports.length, 2)
  assert.equal(reports[0].photos.length, 1)
  assert.ok(Math.abs(reports[0].longitude - place.longitude) < 1e-6 && Math.abs(reports[0].latitude - place.latitude) < 1e-6)
  // The field officer may not close it: no button, and the server refuses.
  await field.page.goto(field.page.url().split('#')[0] + `#/work-orders/${id}`)
  await field.page.locator('[data-test=work-order]').waitFor()
  assert.equal(await field.page.locator('[data-test=action-close]').count(), 0)
  assert.equal((await api('PATCH', `/api/work-orders/${id}`, basic('field'), { state: 'CLOSED' })).status, 403)
  await field.context.close()

  // The duty officer reviews the reports and closes the order; the history shows every step, who, and through what.
  await duty.page.goto(duty.page.url().split('#')[0] + `#/work-orders/${id}`)
  await duty.page.locator('[data-test=report-photo]').first().waitFor()
  await duty.page.locator('[data-test=action-close]').click()
  await duty.page.waitForFunction(() => document.querySelector('[data-test=state]')?.textContent?.includes('已办结'))
  await shot(duty.page, 'loop-6-closed')
  const history = (await api('GET', `/api/work-orders/${id}/history`, basic('duty'))).json
  assert.deepEqual(history.map((e) => e.action), ['dispatch', 'accept', 'FEEDBACK', 'FEEDBACK', 'report', 'close'])
  assert.deepEqual(history.map((e) => e.actor), ['duty', 'field', 'field', 'field', 'field', 'duty'])
  assert.ok(history.every((e) => e.channel === 'REST'))
  const timeline = await duty.page.locator('[data-test=history]').innerText()
  for (const step of ['dispatch', 'accept', 'FEEDBACK', 'report', 'close']) assert.ok(timeline.includes(step), step)
  assert.deepEqual(duty.errors, [])
  await duty.context.close()
})

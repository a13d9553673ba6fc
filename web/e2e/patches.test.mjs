// Patch verification in the browser: an analyst filters the new patches, pre-checks two at once and pushes them to a
// department; that department's handler then sees the verification action on them and another department's does not.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { api, basic, launch, open, shot, signIn } from './support.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

async function choose(page, select, option) {
  await page.locator(select).click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

test('an analyst pre-checks and pushes patches in bulk, and only the department they went to may verify them', { timeout: 180_000 }, async () => {
  const { page, errors } = await open(browser)
  await signIn(page, 'analyst')
  await page.goto(page.url().split('#')[0] + '#/patches')
  await choose(page, '[data-test=filter-status]', '新提取')
  await page.waitForFunction(() => document.querySelectorAll('[data-test=patches] .el-table__body tr').length > 1)
  const codes = await page.locator('[data-test=patches] .el-table__body tr a[data-test^=patch-]').evaluateAll((links) => links.slice(0, 2).map((a) => a.textContent.trim()))
  assert.equal(codes.length, 2)
  for (const code of codes) {
    await page.locator('[data-test=patches] .el-table__body tr', { hasText: code }).locator('.el-checkbox').click()
  }
  await page.locator('[data-test=bulk-precheck]').click()
  await page.locator('.el-dialog:visible .el-button--primary').click()
  await page.locator('.el-message--success', { hasText: '2 / 2' }).waitFor()
  await page.locator('[data-test=filter-status]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '已初核' }).first().click()
  for (const code of codes) {
    await page.locator('[data-test=patches] .el-table__body tr', { hasText: code }).locator('.el-checkbox').click()
  }
  await page.locator('[data-test=bulk-push]').click()
  await choose(page, '.el-dialog:visible .el-select', '耕地保护科')
  await page.locator('.el-dialog:visible .el-button--primary').click()
  await page.locator('.el-message--success', { hasText: '2 / 2' }).last().waitFor()
  await shot(page, 'patches-pushed')
  const pushed = []
  for (const code of codes) {
    const found = (await api('GET', '/ogc/collections/patches/items?filter=' + encodeURIComponent(`code='${code}'`), basic('analyst'))).json.features[0]
    assert.equal(found.properties.status, 'PUSHED')
    assert.equal(found.properties.responsible_department, 'gengdi')
    pushed.push(found.properties.id)
  }
  assert.deepEqual(errors, [])

  // The farmland section's handler is offered the verification; the township's handler nothing, and is refused.
  const handler = await open(browser)
  await signIn(handler.page, 'gengdi')
  await handler.page.goto(handler.page.url().split('#')[0] + `#/patches/${pushed[0]}`)
  await handler.page.locator('[data-test=patch-action-accept]').waitFor()
  assert.equal(await handler.page.locator('[data-test=bulk-precheck]').count(), 0)
  const other = await open(browser)
  await signIn(other.page, 'guanshan')
  await other.page.goto(other.page.url().split('#')[0] + `#/patches/${pushed[0]}`)
  await other.page.waitForLoadState('networkidle')
  assert.equal(await other.page.locator('[data-test^=patch-action-]').count(), 0)
  assert.equal((await api('PATCH', `/api/patches/${pushed[0]}`, basic('guanshan'), { status: 'VERIFYING' })).status, 403)
  await handler.context.close()
  await other.context.close()
})

// What the browser tests share: Debian's Chromium driven by playwright-core, the server the Java side started
// (TERRAWATCH_URL), screenshots kept where it says (TERRAWATCH_SHOTS), and every console error collected.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const base = process.env.TERRAWATCH_URL ?? 'http://127.0.0.1:8080'
export const shots = process.env.TERRAWATCH_SHOTS ?? 'target/ui-screenshots'
export const password = 'demo@2026'
export const platformKey = 'Bearer tw_tietacam_demo-camera-platform-2026'
export const desktop = { width: 1366, height: 768 }
export const phone = { width: 390, height: 844 }
mkdirSync(shots, { recursive: true })

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  })
}

/** A fresh context (no cookies) with its page; console errors and page errors land in `errors`. */
export async function open(browser, viewport = desktop, options = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options })
  const page = await context.newPage()
  const errors = []
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
  page.on('pageerror', (error) => errors.push(String(error)))
  return { context, page, errors }
}

export async function signIn(page, username) {
  await page.goto(base + '/')
  await page.locator('input[data-test=username]').fill(username)
  await page.locator('input[data-test=password]').fill(password)
  await page.locator('[data-test=sign-in]').click()
  await page.waitForURL((url) => !url.hash.startsWith('#/signin'))
}

export async function shot(page, name) {
  await page.screenshot({ path: join(shots, name + '.png') })
}

export function basic(username) {
  return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64')
}

/** The server's API, with a person's Basic credential or a key. */
export async function api(method, path, authorization, body, headers = {}) {
  const response = await fetch(base + path, {
    method, headers: { Authorization: authorization, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  let json = null
  try { json = JSON.parse(text) } catch { /* not JSON */ }
  return { status: response.status, json, text }
}

/**
 * Pixel statistics of screenshots, decoded by the browser itself: how many distinct colours (coarsely binned) the
 * first holds — a blank map has one or two — and, given a second of the same size, how many pixels differ between them.
 */
export async function pixels(page, first, second = null) {
  return page.evaluate(async ([a, b]) => {
    const decode = async (data) => {
      const image = new Image()
      image.src = 'data:image/png;base64,' + data
      await image.decode()
      const canvas = new OffscreenCanvas(image.width, image.height)
      const context = canvas.getContext('2d')
      context.drawImage(image, 0, 0)
      return context.getImageData(0, 0, image.width, image.height).data
    }
    const x = await decode(a)
    const seen = new Set()
    for (let i = 0; i < x.length; i += 4) seen.add(((x[i] >> 4) << 8) | ((x[i + 1] >> 4) << 4) | (x[i + 2] >> 4))
    let differing = null
    if (b) {
      const y = await decode(b)
      differing = 0
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 48) differing += 1
      }
    }
    return { colours: seen.size, differing }
  }, [first.toString('base64'), second ? second.toString('base64') : null])
}

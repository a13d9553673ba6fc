// One way to call the server: same-origin with the session cookie, the session's CSRF token on every write, and the
// server's problem JSON (RFC 9457) turned into an ApiError whose message is the server's own detail.

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly problem?: Record<string, unknown>) {
    super(message)
  }
}

let csrf: { header: string; token: string } | null = null
let onSignedOut: (() => void) | null = null

/** What to do when the server no longer knows the session (idle timeout, account closed): sign in again. */
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler
}

export function useCsrf(token: { header: string; token: string } | null) {
  csrf = token
}

export async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } }
  if (body instanceof FormData) {
    init.body = body
  } else if (body !== undefined) {
    init.body = JSON.stringify(body)
    ;(init.headers as Record<string, string>)['Content-Type'] ??= 'application/json'
  }
  if (method !== 'GET' && csrf) {
    ;(init.headers as Record<string, string>)[csrf.header] = csrf.token
  }
  const response = await fetch(path, init)
  if (response.status === 204) {
    return undefined as T
  }
  const type = response.headers.get('Content-Type') ?? ''
  const payload = type.includes('json') ? await response.json() : await response.text()
  if (response.status === 401 && path !== '/api/session') {
    onSignedOut?.()
  }
  if (!response.ok) {
    const detail = typeof payload === 'object' && payload ? String(payload.detail ?? payload.title ?? response.statusText) : String(payload)
    throw new ApiError(response.status, detail || response.statusText, typeof payload === 'object' ? payload : undefined)
  }
  return payload as T
}

export const get = <T>(path: string) => call<T>('GET', path)
export const post = <T>(path: string, body?: unknown) => call<T>('POST', path, body)
export const patch = <T>(path: string, body: unknown, headers: Record<string, string> = {}) =>
  call<T>('PATCH', path, body, { 'Content-Type': 'application/merge-patch+json', ...headers })

/** Query strings without undefined or empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? '?' + text : ''
}

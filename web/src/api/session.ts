// Who is signed in, from the server's session (GET /api/session), with the CSRF token its writes carry.
import { reactive } from 'vue'
import { call, useCsrf } from './client'

export type Role = 'ADMIN' | 'ANALYST' | 'DUTY_OFFICER' | 'DEPARTMENT_HANDLER' | 'FIELD_STAFF' | 'LEADER' | 'VIEWER'

export interface User {
  username: string
  department: string | null
  roles: Role[]
  jurisdictions: string[]
}

interface SessionAnswer {
  signedIn: boolean
  user?: User
  csrf: { header: string; token: string }
}

export const session = reactive<{ loaded: boolean; user: User | null }>({ loaded: false, user: null })

function take(answer: SessionAnswer) {
  useCsrf(answer.csrf)
  session.user = answer.signedIn && answer.user ? answer.user : null
  session.loaded = true
}

export async function loadSession() {
  take(await call<SessionAnswer>('GET', '/api/session'))
}

export async function signIn(username: string, password: string) {
  take(await call<SessionAnswer>('POST', '/api/session', { username, password }))
}

export async function signOut() {
  await call<void>('DELETE', '/api/session')
  session.user = null
  await loadSession()
}

export function hasRole(...roles: Role[]): boolean {
  return !!session.user && session.user.roles.some((role) => roles.includes(role))
}

/** The page a user starts on: the one their work is on. */
export function homeOf(user: User | null): string {
  if (!user) return '/signin'
  const roles = user.roles
  if (roles.includes('DUTY_OFFICER')) return '/duty'
  if (roles.includes('FIELD_STAFF')) return '/field'
  if (roles.includes('ANALYST')) return '/patches'
  if (roles.includes('DEPARTMENT_HANDLER')) return '/work-orders'
  if (roles.includes('LEADER')) return '/dashboard'
  return '/map'
}

import { createRouter, createWebHashHistory } from 'vue-router'
import { whenSignedOut } from './api/client'
import { homeOf, loadSession, session, type Role } from './api/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that see the page in the menu (the server decides what they may do on it). */
    roles?: Role[]
    /** The field page's own layout, for phones. */
    phone?: boolean
  }
}

const everyone: Role[] = ['ADMIN', 'ANALYST', 'DUTY_OFFICER', 'DEPARTMENT_HANDLER', 'FIELD_STAFF', 'LEADER', 'VIEWER']

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/signin', component: () => import('./pages/SignIn.vue') },
    { path: '/map', component: () => import('./pages/MapPage.vue'), meta: { roles: everyone } },
    { path: '/duty', component: () => import('./pages/DutyDesk.vue'), meta: { roles: ['DUTY_OFFICER', 'ADMIN'] } },
    { path: '/patches', component: () => import('./pages/PatchList.vue'), meta: { roles: everyone } },
    { path: '/patches/:id', component: () => import('./pages/PatchDetail.vue'), meta: { roles: everyone } },
    { path: '/work-orders', component: () => import('./pages/WorkOrderBoard.vue'), meta: { roles: everyone } },
    { path: '/work-orders/:id', component: () => import('./pages/WorkOrderDetail.vue'), meta: { roles: everyone } },
    { path: '/dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { roles: everyone } },
    { path: '/cycle', component: () => import('./pages/CyclePage.vue'), meta: { roles: ['ADMIN', 'ANALYST', 'LEADER', 'DUTY_OFFICER', 'DEPARTMENT_HANDLER'] } },
    { path: '/field', component: () => import('./pages/FieldHome.vue'), meta: { roles: everyone, phone: true } },
    { path: '/field/orders/:id', component: () => import('./pages/FieldOrder.vue'), meta: { roles: everyone, phone: true } },
    { path: '/:any(.*)*', redirect: () => homeOf(session.user) },
  ],
})

router.beforeEach(async (to) => {
  if (!session.loaded) {
    await loadSession()
  }
  if (to.path === '/signin') {
    return session.user ? homeOf(session.user) : true
  }
  if (!session.user) {
    return { path: '/signin', query: { next: to.fullPath } }
  }
  return true
})

// The session ended on the server: back to the sign-in page, then to where the user was.
whenSignedOut(() => {
  if (!session.user) return
  session.user = null
  session.loaded = false
  const here = router.currentRoute.value.fullPath
  router.push({ path: '/signin', query: { next: here } })
})

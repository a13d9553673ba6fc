// Field reports written on site are kept on the phone (IndexedDB, photos as blobs) until the server has them: a report
// is removed only after the server answered it, so one written without network — or while the session had lapsed —
// is sent when the network (or the sign-in) returns. Each carries a key the server uses to take a repeat as the same.
import { ref, toRaw } from 'vue'
import { ApiError, call } from '../api/client'

export interface PendingReport {
  key: string
  orderId: number
  orderCode: string
  body: string
  outcome: string
  longitude: number | null
  latitude: number | null
  photos: Blob[]
  writtenAt: string
  /** Also move the order on to 已反馈 once the report is in. */
  submit: boolean
  lastError?: string
}

const DATABASE = 'terrawatch-field'
const STORE = 'reports'

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode)
      const request = work(tx.objectStore(STORE))
      tx.oncomplete = () => resolve(request.result)
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error)
    })
  } finally {
    db.close()
  }
}

export const pending = ref<PendingReport[]>([])

async function reload() {
  pending.value = (await transact('readonly', (s) => s.getAll())) as PendingReport[]
  pending.value.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt))
}

export async function keep(report: Omit<PendingReport, 'key' | 'writtenAt'>): Promise<PendingReport> {
  // IndexedDB clones what it stores: plain values and the photo blobs, never Vue's reactive proxies.
  const stored: PendingReport = { ...toRaw(report), photos: toRaw(report.photos).map((p) => toRaw(p)), key: crypto.randomUUID(),
    writtenAt: new Date().toISOString() }
  await transact('readwrite', (s) => s.put(stored))
  await reload()
  return stored
}

async function send(report: PendingReport) {
  const form = new FormData()
  form.set('body', report.body)
  if (report.outcome) form.set('outcome', report.outcome)
  if (report.longitude !== null && report.latitude !== null) {
    form.set('longitude', String(report.longitude))
    form.set('latitude', String(report.latitude))
  }
  report.photos.forEach((photo, n) => form.append('photo', photo, `photo-${n + 1}.${photo.type === 'image/png' ? 'png' : 'jpg'}`))
  await call('POST', `/api/work-orders/${report.orderId}/feedback`, form, { 'Idempotency-Key': report.key })
  if (report.submit) {
    const order = await call<{ state: string; next: { to: string }[] }>('GET', `/api/work-orders/${report.orderId}`)
    if (order.next.some((n) => n.to === 'FEEDBACK_SUBMITTED')) {
      await call('PATCH', `/api/work-orders/${report.orderId}`, { state: 'FEEDBACK_SUBMITTED' })
    }
  }
}

let flushing: Promise<number> | null = null

/** Sends what is kept, oldest first; returns how many went. Stops at the first that cannot go (offline, signed out). */
export function flush(): Promise<number> {
  flushing ??= (async () => {
    let sent = 0
    try {
      await reload()
      for (const report of pending.value.map((p) => ({ ...toRaw(p), photos: toRaw(p.photos).slice() }))) {
        try {
          await send(report)
        } catch (e) {
          const offline = !(e instanceof ApiError) || e.status === 401 || e.status >= 500
          report.lastError = (e as Error).message
          await transact('readwrite', (s) => s.put({ ...report }))
          if (offline) break
          continue // refused (e.g. the order was closed meanwhile): kept and shown with the reason until sent or discarded
        }
        await transact('readwrite', (s) => s.delete(report.key))
        sent += 1
      }
    } finally {
      await reload()
      flushing = null
    }
    return sent
  })()
  return flushing
}

export async function discard(key: string) {
  await transact('readwrite', (s) => s.delete(key))
  await reload()
}

window.addEventListener('online', () => { flush() })
reload()

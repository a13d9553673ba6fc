// The server's JSON, as the pages read it.

export interface Transition {
  transition: string
  label: string
  to: string
}

export type Facts = Record<string, string | number | boolean | null>

export interface QueueItem {
  incident: number
  type: string
  priority: number
  camera: string
  cameraName: string
  firstAt: string
  lastAt: string
  alerts: number
  township: string
  longitude: number
  latitude: number
  latest: { id: number; externalId: string; time: string; confidence: number; snapshot: string; facts: Facts }
}

export interface DispatchProposal {
  title: string
  description: string
  workingGroup: string
  department: string | null
  township: string
  deadline: string
  alert: number
}

export interface DeskOrder {
  id: number
  code: string
  title: string
  workingGroup: string | null
  department: string | null
  township: string | null
  state: string
  deadline: string
  overdue: boolean
  dueSoon: boolean
}

export interface WorkOrder {
  id: number
  code: string
  source: string
  alertId: number | null
  patchId: number | null
  title: string
  description: string | null
  workingGroupCode: string | null
  departmentCode: string | null
  townshipCode: string | null
  deadline: string
  state: string
  createdBy: string
  createdAt: string
  closedAt: string | null
  acceptedAt?: string
  version: number
  next: Transition[]
}

export interface Feedback {
  id: number
  workOrderId: number
  author: string
  departmentCode: string | null
  body: string
  outcome: string | null
  longitude?: number
  latitude?: number
  createdAt: string
  photos: string[]
}

export interface AuditEvent {
  id: number
  occurredAt: string
  actor: string
  channel: string
  entityKind: string
  entityId: number
  action: string
  before: Record<string, unknown>
  after: Record<string, unknown>
}

export interface Feature<P = Record<string, unknown>> {
  type: 'Feature'
  id: string
  geometry: { type: string; coordinates: unknown } | null
  properties: P
}

export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection'
  numberMatched?: number
  numberReturned?: number
  features: Feature<P>[]
}

export interface Summary {
  store: string
  asOf: string
  patches: number
  patchesByCategory: Record<string, number>
  patchesByStatus: Record<string, number>
  overduePatches: number
  cameras: number
  camerasOnline: number
  alerts: number
  alertsByScreening: Record<string, number>
  workOrders: number
  workOrdersByState: Record<string, number>
  [key: string]: unknown
}

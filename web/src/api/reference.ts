// What every page names things with, loaded once per sign-in: the server's labels of the domain's values (in the
// language shown), the departments and working groups, and the names of the administrative units.
import { reactive } from 'vue'
import { get } from './client'
import type { FeatureCollection } from './types'

interface Named {
  code: string
  name: string
  nameEn: string
}

export const reference = reactive({
  labels: {} as Record<string, string>,
  departments: [] as (Named & { kind: string })[],
  workingGroups: [] as (Named & { departments: string[] })[],
  places: {} as Record<string, { name: string; level: string; parent: string | null }>,
  language: '',
  /** The bureau's base map, when one is configured (terrawatch.web.base-map-url); the maps need none. */
  baseMap: null as { url: string; attribution: string } | null,
})

export async function loadReference(language: string) {
  const [labels, organisation, units, settings] = await Promise.all([
    get<Record<string, string>>('/api/labels?lang=' + language),
    reference.departments.length ? null : get<{ departments: typeof reference.departments; workingGroups: typeof reference.workingGroups }>('/api/organisation'),
    Object.keys(reference.places).length ? null
      : get<FeatureCollection<{ code: string; name: string; level: string; parent_code: string | null }>>(
        '/ogc/collections/admin_units/items?limit=1000&properties=code,name,level,parent_code'),
    get<{ baseMap?: { url: string; attribution: string } }>('/api/web-ui'),
  ])
  reference.baseMap = settings.baseMap ?? null
  reference.labels = labels
  reference.language = language
  if (organisation) {
    reference.departments = organisation.departments
    reference.workingGroups = organisation.workingGroups
  }
  if (units) {
    for (const unit of units.features) {
      reference.places[unit.properties.code] = { name: unit.properties.name, level: unit.properties.level, parent: unit.properties.parent_code }
    }
  }
}

/** The server's label of an enumerated value, e.g. label('AlertType', 'FIRE_SMOKE'); the value itself when unknown. */
export function label(kind: string, value: string | null | undefined): string {
  if (!value) return ''
  return reference.labels[kind + '.' + value] ?? value
}

export function departmentName(code: string | null | undefined): string {
  if (!code) return ''
  const found = reference.departments.find((d) => d.code === code)
  return found ? (reference.language === 'en' ? found.nameEn : found.name) : code
}

export function groupName(code: string | null | undefined): string {
  if (!code) return ''
  const found = reference.workingGroups.find((g) => g.code === code)
  return found ? (reference.language === 'en' ? found.nameEn : found.name) : code
}

export function placeName(code: string | null | undefined): string {
  if (!code) return ''
  return reference.places[code]?.name ?? code
}

export function townships(): { code: string; name: string }[] {
  return Object.entries(reference.places).filter(([, p]) => p.level === 'TOWNSHIP').map(([code, p]) => ({ code, name: p.name }))
    .sort((a, b) => a.code.localeCompare(b.code))
}

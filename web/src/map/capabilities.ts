// The layers our own WMS publishes, read from its GetCapabilities: name, title, time dimension, styles and legends.
// The map's layer tree is built from this, so a layer added to layers.yml appears without touching the UI.

export interface WmsStyle {
  name: string
  title: string
  legend: string | null
}

export interface WmsLayer {
  name: string
  title: string
  group: string
  times: string[]
  defaultTime: string | null
  styles: WmsStyle[]
  queryable: boolean
  /** west, south, east, north in degrees */
  bbox: [number, number, number, number] | null
}

function child(element: Element, name: string): Element | undefined {
  return Array.from(element.children).find((c) => c.localName === name)
}

function text(element: Element | undefined, name: string): string {
  return (element && child(element, name)?.textContent?.trim()) ?? ''
}

/** The values of a WMS time dimension: a list, or start/end/P1M periods of months. */
export function dimensionValues(extent: string): string[] {
  const values: string[] = []
  for (const part of extent.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = part.split('/')
    if (range.length === 3 && range[2] === 'P1M') {
      let [year, month] = range[0].split('-').map(Number)
      const [endYear, endMonth] = range[1].split('-').map(Number)
      while (year < endYear || (year === endYear && month <= endMonth)) {
        values.push(`${year}-${String(month).padStart(2, '0')}`)
        month += 1
        if (month > 12) { month = 1; year += 1 }
      }
    } else {
      values.push(range[0])
    }
  }
  return values
}

export async function loadWmsLayers(): Promise<WmsLayer[]> {
  const response = await fetch('/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities', { credentials: 'same-origin' })
  const xml = new DOMParser().parseFromString(await response.text(), 'application/xml')
  const layers: WmsLayer[] = []
  const walk = (element: Element, group: string) => {
    for (const layer of Array.from(element.children).filter((c) => c.localName === 'Layer')) {
      const name = text(layer, 'Name')
      const title = text(layer, 'Title') || name
      const nested = Array.from(layer.children).some((c) => c.localName === 'Layer')
      if (nested) {
        walk(layer, title)
        continue
      }
      if (!name) continue
      const box = child(layer, 'EX_GeographicBoundingBox')
      const dimension = Array.from(layer.children).find((c) => c.localName === 'Dimension' && c.getAttribute('name') === 'time')
      const styles = Array.from(layer.children).filter((c) => c.localName === 'Style').map((style) => ({
        name: text(style, 'Name'),
        title: text(style, 'Title'),
        legend: child(child(style, 'LegendURL') ?? style, 'OnlineResource')?.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? null,
      }))
      layers.push({
        name, title, group, styles, queryable: layer.getAttribute('queryable') === '1',
        bbox: box ? [Number(text(box, 'westBoundLongitude')), Number(text(box, 'southBoundLatitude')),
          Number(text(box, 'eastBoundLongitude')), Number(text(box, 'northBoundLatitude'))] : null,
        times: dimension ? dimensionValues(dimension.textContent ?? '') : [],
        defaultTime: dimension?.getAttribute('default') ?? null,
      })
    }
  }
  const capability = Array.from(xml.documentElement.children).find((c) => c.localName === 'Capability')
  if (capability) walk(capability, '')
  return layers
}

/** A legend URL made relative to this server, so it goes through the session like the map. */
export function sameOrigin(url: string | null): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url, location.href)
    return parsed.pathname + parsed.search
  } catch {
    return url
  }
}

// What the cameras see: their coverage polygons from /api/cameras, green for an online camera, grey for an offline one.
import type OlMap from 'ol/Map'
import Feature from 'ol/Feature'
import GeoJSON from 'ol/format/GeoJSON'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { Fill, Stroke, Style } from 'ol/style'
import { get } from '../api/client'

interface CameraCoverage {
  code: string
  name: string
  online: boolean
  coverage?: { type: string; coordinates: unknown }
}

const online = new Style({ fill: new Fill({ color: 'rgba(79,143,95,0.22)' }), stroke: new Stroke({ color: '#4f8f5f', width: 1 }) })
const offline = new Style({ fill: new Fill({ color: 'rgba(144,147,153,0.22)' }), stroke: new Stroke({ color: '#909399', width: 1, lineDash: [4, 3] }) })

/** Adds the coverage layer to the map; returns a function that removes it. */
export async function showCoverage(map: OlMap): Promise<() => void> {
  const cameras = await get<CameraCoverage[]>('/api/cameras')
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' })
  const source = new VectorSource()
  for (const camera of cameras.filter((c) => c.coverage)) {
    const feature = new Feature(format.readGeometry(camera.coverage) ?? undefined)
    feature.setProperties({ code: camera.code, name: camera.name, online: camera.online })
    source.addFeature(feature)
  }
  const layer = new VectorLayer({ source, zIndex: 90, style: (feature) => (feature.get('online') ? online : offline), properties: { name: 'camera-coverage' } })
  map.addLayer(layer)
  return () => map.removeLayer(layer)
}

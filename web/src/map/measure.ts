// Distance and area measured on the map, geodesically (on the sphere, as OpenLayers' ol/sphere computes), in metres
// and square metres; shown with mu (亩) as the bureau counts land.
import type OlMap from 'ol/Map'
import Draw from 'ol/interaction/Draw'
import VectorLayer from 'ol/layer/Vector'
import VectorSource from 'ol/source/Vector'
import { getArea, getLength } from 'ol/sphere'
import { Fill, Stroke, Style } from 'ol/style'
import type { Geometry, LineString, Polygon } from 'ol/geom'

export type MeasureKind = 'LineString' | 'Polygon'

export function formatLength(metres: number): string {
  return metres >= 1000 ? `${(metres / 1000).toFixed(3)} km` : `${metres.toFixed(1)} m`
}

export function formatArea(squareMetres: number): string {
  const mu = squareMetres / (10000 / 15)
  return squareMetres >= 1e6 ? `${(squareMetres / 1e6).toFixed(4)} km² (${mu.toFixed(1)} 亩)` : `${squareMetres.toFixed(1)} m² (${mu.toFixed(2)} 亩)`
}

export function measureOf(geometry: Geometry): string {
  return geometry.getType() === 'Polygon'
    ? formatArea(getArea(geometry as Polygon, { projection: 'EPSG:3857' }))
    : formatLength(getLength(geometry as LineString, { projection: 'EPSG:3857' }))
}

/** Starts measuring; every change of the sketch reports its measure. Returns a function that stops and clears. */
export function startMeasure(map: OlMap, kind: MeasureKind, report: (text: string) => void): () => void {
  const source = new VectorSource()
  const layer = new VectorLayer({
    source, zIndex: 200,
    style: new Style({ stroke: new Stroke({ color: '#409eff', width: 2 }), fill: new Fill({ color: 'rgba(64,158,255,0.15)' }) }),
  })
  const draw = new Draw({ source, type: kind })
  draw.on('drawstart', (event) => {
    source.clear()
    event.feature.getGeometry()!.on('change', (change) => report(measureOf(change.target as Geometry)))
  })
  map.addLayer(layer)
  map.addInteraction(draw)
  return () => {
    map.removeInteraction(draw)
    map.removeLayer(layer)
  }
}

/** The bounding box [west, south, east, north] of a GeoJSON geometry's coordinates, widened by `pad` degrees. */
export function extentOf(coordinates: unknown, pad: number): [number, number, number, number] | null {
  const numbers: number[] = []
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      if (typeof value[0] === 'number') numbers.push(value[0], value[1])
      else value.forEach(walk)
    }
  }
  walk(coordinates)
  if (!numbers.length) return null
  const lons = numbers.filter((_, i) => i % 2 === 0)
  const lats = numbers.filter((_, i) => i % 2 === 1)
  return [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad]
}

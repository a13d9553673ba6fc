#!/usr/bin/python3
"""A reproducible synthetic image pair for the change-detection benchmark (issue 6).

Usage: /usr/bin/python3 make_pair.py OUT_DIR [SIZE]   (SIZE pixels square, default 10000)

Two 4-band (blue, green, red, NIR) 16-bit GeoTIFFs, 2 m pixels in EPSG:4547, tiled 512 x 512 with DEFLATE: fields of
crop, fallow, forest, bare soil, built-up and water with 3 % noise; the after-epoch has another illumination (gain 1.08,
offset 60) and planted changes — rectangles of new cover, 8 to 120 px a side, one per 250 x 250 px cell. Written block
row by block row, so memory stays small. Also writes truth.json: the planted rectangles and the radiometric relation.
"""
import json
import sys

import numpy as np
from osgeo import gdal, osr

COVERS = np.array([[450, 800, 500, 3600], [900, 1150, 1350, 2100], [300, 550, 300, 3000],
                   [1250, 1550, 1850, 2350], [1450, 1500, 1600, 1800], [550, 650, 420, 180]], dtype=np.float32)
GAIN, OFFSET, NOISE, FIELD, CELL, BLOCK = 1.08, 60.0, 0.03, 160, 250, 512


def main(out, size):
    rng = np.random.default_rng(20261122)
    fields = size // FIELD + 1
    cover_of_field = rng.integers(0, 4, size=(fields, fields))
    planted = []
    for cy in range(size // CELL):
        for cx in range(size // CELL):
            w, h = rng.integers(8, 121, size=2)
            x = cx * CELL + rng.integers(0, CELL - w)
            y = cy * CELL + rng.integers(0, CELL - h)
            planted.append([int(x), int(y), int(w), int(h), int(rng.integers(3, 6))])
    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    options = ["TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "COMPRESS=DEFLATE", "PREDICTOR=2", "BIGTIFF=IF_SAFER"]
    files = []
    for name in ("before", "after"):
        ds = gdal.GetDriverByName("GTiff").Create(f"{out}/{name}.tif", size, size, 4, gdal.GDT_UInt16, options)
        ds.SetGeoTransform((450000.0, 2.0, 0.0, 4190000.0, 0.0, -2.0))
        ds.SetProjection(srs.ExportToWkt())
        files.append(ds)
    by_row = {}
    for p in planted:
        for row_block in range(p[1] // BLOCK, (p[1] + p[3] - 1) // BLOCK + 1):
            by_row.setdefault(row_block, []).append(p)
    xs = np.arange(size)
    for row_block in range((size + BLOCK - 1) // BLOCK):
        y0 = row_block * BLOCK
        rows = min(BLOCK, size - y0)
        ys = np.arange(y0, y0 + rows)
        field_cover = cover_of_field[(ys // FIELD)[:, None], (xs // FIELD)[None, :]]
        before_cover = field_cover
        after_cover = field_cover.copy()
        for x, y, w, h, cover in by_row.get(row_block, []):
            r0, r1 = max(y, y0) - y0, min(y + h, y0 + rows) - y0
            after_cover[r0:r1, x:x + w] = cover
        for ds, cover, after in ((files[0], before_cover, False), (files[1], after_cover, True)):
            for band in range(4):
                values = COVERS[cover, band] * (1 + NOISE * rng.standard_normal((rows, size), dtype=np.float32))
                if after:
                    values = values * GAIN + OFFSET
                ds.GetRasterBand(band + 1).WriteArray(np.clip(values, 0, 65535).astype(np.uint16), 0, y0)
    for ds in files:
        ds.FlushCache()
    with open(f"{out}/truth.json", "w") as f:
        json.dump({"size": size, "gain": GAIN, "offset": OFFSET, "noise": NOISE, "planted": planted}, f)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000)

#!/usr/bin/python3
"""The imagery benchmark's GDAL side (bench/imagery/run.sh): reads the listed 256 x 256 tiles (level, column, row of
the corner in full-resolution pixels; 256 * 2^level pixels a side) as red, green, blue with GDAL's Python bindings,
which pick the overview that best matches each tile, and prints the time. Usage: gdal_tiles.py EPOCH.tif TILES"""
import sys
import time

from osgeo import gdal

gdal.UseExceptions()
dataset = gdal.Open(sys.argv[1])
tiles = [tuple(int(v) for v in line.split()) for line in open(sys.argv[2]) if line.strip()]
start = time.perf_counter()
painted = 0
for level, column, row in tiles:
    size = 256 << level
    rgb = dataset.ReadAsArray(column, row, size, size, buf_xsize=256, buf_ysize=256, band_list=[3, 2, 1])
    painted += int(rgb[:, 128, 128].any())
print("tiles %.2f" % (time.perf_counter() - start))
print("count %d" % len(tiles))
print("painted %d" % painted)

#!/usr/bin/python3
"""Writes the QGIS Server project of the WFS-T benchmark: the change_patch table of the benchmark database as layer
"patches", published by WFS with Update, Insert and Delete allowed. Usage: qgis_project.py PGPORT OUTPUT.qgs"""
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

port, output = sys.argv[1], sys.argv[2]
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(f"dbname='bench' host=127.0.0.1 port={port} user=postgres key='id' srid=4490 type=MultiPolygon "
                       f"table=\"public\".\"change_patch\" (geom)", "patches", "postgres")
if not layer.isValid():
    print("The PostGIS layer is not valid", file=sys.stderr)
    os._exit(1)
project = QgsProject.instance()
project.addMapLayer(layer)
project.writeEntry("WFSLayers", "/", [layer.id()])
for operation in ("Update", "Insert", "Delete"):
    project.writeEntry("WFSTLayers", operation, [layer.id()])
project.writeEntry("WFSLayersPrecision", "/" + layer.id(), 8)
project.writeEntry("WMSServiceCapabilities", "/", True)
project.writeEntry("WMSServiceTitle", "/", "WFS-T benchmark")
print("written" if project.write(output) else "not written")
os._exit(0)

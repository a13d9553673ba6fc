#!/usr/bin/python3
"""Writes the QGIS Server project of the WMS benchmark: change_patch as layer "patches", filled opaque by change type
with a 0.5 px dark outline (the equivalent of patches-by-type.sld). Usage: qgis_project.py PGPORT OUT.qgs"""
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsProject, QgsRendererCategory,
                       QgsUnitTypes, QgsVectorLayer)

port, output = sys.argv[1], sys.argv[2]
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
layer = QgsVectorLayer(f"dbname='bench' host=127.0.0.1 port={port} user=postgres key='id' srid=4490 type=MultiPolygon "
                       f"table=\"public\".\"change_patch\" (geom)", "patches", "postgres")
if not layer.isValid():
    print("The PostGIS layer is not valid", file=sys.stderr)
    os._exit(1)
categories = []
for value, colour in [("NEW_BUILDING", "228,87,46"), ("POND_DIGGING", "243,167,18"), ("OPEN_PIT_EXCAVATION", "142,85,114"),
                      ("REVEGETATION", "41,191,18"), ("BURNED_AREA", "215,38,61")]:
    symbol = QgsFillSymbol.createSimple({"color": colour + ",255", "outline_color": "51,51,51,255", "outline_width": "0.5",
                                         "outline_width_unit": "Pixel"})
    categories.append(QgsRendererCategory(value, symbol, value))
layer.setRenderer(QgsCategorizedSymbolRenderer("change_type", categories))
project = QgsProject.instance()
project.addMapLayer(layer)
project.writeEntry("WMSServiceCapabilities", "/", True)
project.writeEntry("WMSServiceTitle", "/", "WMS benchmark")
project.writeEntry("WMSCrsList", "/", ["EPSG:4490", "EPSG:3857", "EPSG:4326"])
print("written" if project.write(output) else "not written")
os._exit(0)

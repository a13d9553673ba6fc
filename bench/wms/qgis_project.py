#!/usr/bin/python3
"""Writes the QGIS Server project of the WMS benchmark: change_patch as layer "patches", filled by category at 45 %
opacity with a 1.5 px outline of the same colour (the equivalent of patches-plain.sld). Usage: qgis_project.py PGPORT OUT.qgs"""
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
for value, colour in [("CONSTRUCTION_LAND", "228,87,46"), ("FARMLAND_CONVERSION", "243,167,18"), ("ECOLOGICAL_RESTORATION", "41,191,18"),
                      ("NON_COAL_MINE", "142,85,114"), ("FIRE_WARNING", "215,38,61")]:
    symbol = QgsFillSymbol.createSimple({"color": colour + ",115", "outline_color": colour + ",255", "outline_width": "1.5",
                                         "outline_width_unit": "Pixel"})
    categories.append(QgsRendererCategory(value, symbol, value))
layer.setRenderer(QgsCategorizedSymbolRenderer("category", categories))
project = QgsProject.instance()
project.addMapLayer(layer)
project.writeEntry("WMSServiceCapabilities", "/", True)
project.writeEntry("WMSServiceTitle", "/", "WMS benchmark")
project.writeEntry("WMSCrsList", "/", ["EPSG:4490", "EPSG:3857", "EPSG:4326"])
print("written" if project.write(output) else "not written")
os._exit(0)

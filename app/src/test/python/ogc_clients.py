#!/usr/bin/python3
"""Drives real OGC clients from Debian's packages against a running TerraWatch and prints what they saw as JSON.

Usage: /usr/bin/python3 ogc_clients.py CHECK URL [WORK_DIR]   (CHECK: a function name below, e.g. qgis, ogr_oapif)
URL is the WFS endpoint for the WFS checks and the OGC API landing page for the OAPIF ones.
Run by OgcClientsTest; the assertions are made in Java against the server's own answers.
"""
import json
import os
import sys

FILTER = "\"category\" = 'NON_COAL_MINE' AND \"county_code\" = '140322'"


def _qgis_layer(uri, provider, iterate=False):
    """Opens a layer in headless PyQGIS and reports its count, CRS, and the filtered patches' positions."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from qgis.core import QgsApplication, QgsExpression, QgsFeatureRequest, QgsVectorLayer
    if QgsApplication.instance() is None:
        QgsApplication.setPrefixPath("/usr", True)
        _qgis_layer.app = QgsApplication([], False)
        _qgis_layer.app.initQgis()
    layer = QgsVectorLayer(uri, "patches", provider)
    entry = {"valid": layer.isValid()}
    if layer.isValid():  # layer.error() crashes PyQGIS 3.22 on invalid layers
        # QGIS 3.22 knows a WFS 1.1 layer's size only after reading it (hits came with 2.0's paging).
        entry["count"] = sum(1 for _ in layer.getFeatures()) if iterate else layer.featureCount()
        entry["crs"] = layer.crs().authid()
        features = list(layer.getFeatures(QgsFeatureRequest(QgsExpression(FILTER))))
        entry["filtered"] = len(features)
        entry["points"] = {f["code"]: [f.geometry().pointOnSurface().asPoint().x(),
                                       f.geometry().pointOnSurface().asPoint().y()] for f in features}
    return entry  # no exitQgis(): PyQGIS 3.22 may crash on teardown; the process ends with os._exit below


def qgis(url, work):
    return {srs: _qgis_layer(f"url='{url}' typename='terrawatch:patches' version='2.0.0' srsname='{srs}' "
                             "pagingEnabled='true' pageSize='100'", "WFS")
            for srs in ("EPSG:4490", "EPSG:3857")}


def qgis_wfs11(url, work):
    return {version: _qgis_layer(f"url='{url}' typename='terrawatch:patches' version='{version}' srsname='EPSG:4490'", "WFS",
                                 iterate=True)
            for version in ("1.1.0", "1.0.0")}


def ogr_wfs11(url, work):
    return {version: _ogr_layer("WFS:" + url + "?VERSION=" + version, "terrawatch:patches")[1] for version in ("1.1.0", "1.0.0")}


def qgis_oapif(url, work):
    """QGIS 3.22's OAPIF provider predates Part 2: it always reads CRS84 and reports the layer as EPSG:4326.
    The EPSG:3857 positions are QGIS's own transformation of what it read, as a map in Web Mercator shows them."""
    entry = _qgis_layer(f"url='{url}' typename='patches'", "OAPIF")
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:3857"),
                                       QgsProject.instance())
    entry["points_3857"] = {code: [transform.transform(QgsPointXY(x, y)).x(), transform.transform(QgsPointXY(x, y)).y()]
                            for code, (x, y) in entry.get("points", {}).items()}
    return entry


def _ogr_layer(connection, name):
    """Opens a layer with OGR and reports its count, an attribute filter's count and a box's codes.
    Returns the datasource too: its layers die with it."""
    from osgeo import gdal, ogr as o
    gdal.UseExceptions()
    source = o.Open(connection)
    layer = source.GetLayerByName(name)
    result = {"layers": source.GetLayerCount(), "count": layer.GetFeatureCount()}
    layer.SetAttributeFilter("category = 'NON_COAL_MINE' AND county_code = '140322'")
    result["filtered"] = layer.GetFeatureCount()
    layer.SetAttributeFilter(None)
    layer.SetSpatialFilterRect(113.45, 37.75, 113.75, 37.95)
    result["in_box"] = sorted(f.GetField("code") for f in layer)
    layer.SetSpatialFilter(None)
    return source, result


def ogr_oapif(url, work):
    return _ogr_layer("OAPIF:" + url, "patches")[1]


def ogr_downloads(url, work):
    """Downloads the patches as a zipped Shapefile, a GeoPackage and FlatGeobuf and reads them back with OGR."""
    import urllib.request
    from osgeo import gdal, ogr as o
    gdal.UseExceptions()
    results = {}
    for output, file_name, prefix in (("shape-zip", "patches.zip", "/vsizip/"), ("geopackage", "patches.gpkg", ""),
                                      ("flatgeobuf", "patches.fgb", "")):
        target = os.path.join(work, file_name)
        urllib.request.urlretrieve(url + "?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches&OUTPUTFORMAT="
                                   + output, target)
        source = o.Open(prefix + target)  # keep the datasource: its layer dies with it
        layer = source.GetLayer(0)
        srs = layer.GetSpatialRef()
        county = "county_nam" if output == "shape-zip" else "county_name"  # dBase names stop at 10 characters
        result = {"count": layer.GetFeatureCount(), "epsg": srs.GetAuthorityCode(None) if srs else None, "features": {}}
        for feature in layer:
            point = feature.GetGeometryRef().PointOnSurface()
            result["features"][feature.GetField("code")] = {"county": feature.GetField(county), "x": point.GetX(), "y": point.GetY()}
        results[output] = result
    return results


def ogr(url, work):
    from osgeo import gdal, ogr as o
    source, result = _ogr_layer("WFS:" + url, "terrawatch:patches")
    target = os.path.join(work, "patches.gpkg")
    gdal.VectorTranslate(target, "WFS:" + url, format="GPKG", layers=["terrawatch:patches"])
    copy = o.Open(target)  # keep the datasource while its layer is read
    result["gpkg_count"] = copy.GetLayer(0).GetFeatureCount()
    return result


def owslib(url, work):
    from owslib.wfs import WebFeatureService
    wfs = WebFeatureService(url, version="2.0.0")
    layer = wfs.contents["terrawatch:patches"]
    result = {"title": wfs.identification.title, "types": sorted(wfs.contents),
              "default_crs": str(layer.crsOptions[0]), "operations": sorted(o.name for o in wfs.operations)}
    data = json.loads(wfs.getfeature(typename=["terrawatch:patches"], maxfeatures=5, outputFormat="application/json").read())
    result["page"] = len(data["features"])
    # OWSLib takes x/y (lon/lat) and writes the axis order of the CRS (lat/lon for EPSG:4490) itself.
    box = wfs.getfeature(typename=["terrawatch:patches"], bbox=(113.45, 37.75, 113.75, 37.95, "urn:ogc:def:crs:EPSG::4490"),
                         outputFormat="application/json")
    result["in_box"] = sorted(f["properties"]["code"] for f in json.loads(box.read())["features"])
    from owslib.fes2 import FilterRequest, PropertyIsEqualTo
    constraint = FilterRequest().setConstraint(PropertyIsEqualTo(propertyname="category", literal="NON_COAL_MINE"), tostring=False)
    posted = wfs.getfeature(typename=["terrawatch:patches"], filter=constraint, method="Post", outputFormat="application/json")
    result["filtered_by_post"] = len(json.loads(posted.read())["features"])
    return result


if __name__ == "__main__":
    check, url = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else "."
    print("RESULT " + json.dumps({"qgis": qgis, "ogr": ogr, "owslib": owslib, "qgis_oapif": qgis_oapif, "ogr_oapif": ogr_oapif,
                                 "ogr_downloads": ogr_downloads, "qgis_wfs11": qgis_wfs11, "ogr_wfs11": ogr_wfs11}[check](url, work)), flush=True)
    os._exit(0)

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
# The demo user the reading checks sign in as (HTTP Basic): the bureau's leader, who reads every layer.
READER, READER_PASSWORD = "leader", "demo@2026"
CREDENTIALS = f" username='{READER}' password='{READER_PASSWORD}'"


def _qgis_layer(uri, provider, iterate=False):
    """Opens a layer in headless PyQGIS and reports its count, CRS, and the filtered patches' positions."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from qgis.core import QgsApplication, QgsExpression, QgsFeatureRequest, QgsVectorLayer
    if QgsApplication.instance() is None:
        QgsApplication.setPrefixPath("/usr", True)
        _qgis_layer.app = QgsApplication([], False)
        _qgis_layer.app.initQgis()
    layer = QgsVectorLayer(uri if "username=" in uri else uri + CREDENTIALS, "patches", provider)
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
    gdal.SetConfigOption("GDAL_HTTP_USERPWD", READER + ":" + READER_PASSWORD)
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
    import base64
    import urllib.request
    from osgeo import gdal, ogr as o
    gdal.UseExceptions()
    opener = urllib.request.build_opener()
    opener.addheaders = [("Authorization", "Basic " + base64.b64encode(f"{READER}:{READER_PASSWORD}".encode()).decode())]
    urllib.request.install_opener(opener)
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
    # a type with its own "name" property: OGR keeps it (and no gml:name competes for the field)
    units = source.GetLayerByName("terrawatch:admin_units")
    result["unit_names"] = sorted(f.GetField("name") for f in units if f.GetField("name"))
    return result


def owslib(url, work):
    from owslib.wfs import WebFeatureService
    wfs = WebFeatureService(url, version="2.0.0", username=READER, password=READER_PASSWORD)
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
    # OWSLib's WFS 1.1.0 GetFeature sends PROPERTYNAME=*, and its WFS 1.0.0 reader wants Service/Keywords
    wfs11 = WebFeatureService(url, version="1.1.0", username=READER, password=READER_PASSWORD)
    gml = wfs11.getfeature(typename=["terrawatch:patches"], maxfeatures=3).read()
    result["wfs11_members"] = (gml.decode() if isinstance(gml, bytes) else gml).count("<gml:featureMember>")
    wfs10 = WebFeatureService(url, version="1.0.0", username=READER, password=READER_PASSWORD)
    result["wfs10_keywords"] = list(wfs10.identification.keywords or [])
    result["wfs10_types"] = len(wfs10.contents)
    return result


def _qgis_patch(layer, code):
    from qgis.core import QgsExpression, QgsFeatureRequest
    return next(layer.getFeatures(QgsFeatureRequest(QgsExpression(f"\"code\" = '{code}'"))))


def qgis_edit(url, work):
    """As a department's verifier in QGIS: open the WFS layer with credentials, edit a patch's status and
    verification fields, commit, reload and read them back; then try an illegal transition and report QGIS's errors.
    EDIT_PARAMS (JSON): user, password, code (a patch to verify), illegal_code, illegal_status."""
    params = json.loads(os.environ["EDIT_PARAMS"])
    _qgis_layer(f"url='{url}' typename='terrawatch:patches' version='2.0.0'", "WFS")  # starts the application
    from qgis.core import QgsVectorDataProvider, QgsVectorLayer
    uri = (f"url='{url}' typename='terrawatch:patches' version='{params.get('version', '2.0.0')}' srsname='EPSG:4490' "
           f"username='{params['user']}' password='{params['password']}'")
    from qgis.core import QgsApplication
    messages = []
    QgsApplication.messageLog().messageReceived.connect(lambda message, tag, level: messages.append(message))
    layer = QgsVectorLayer(uri, "patches", "WFS")
    result = {"valid": layer.isValid(), "messages": messages}
    if not layer.isValid():
        return result
    result["can_change"] = bool(layer.dataProvider().capabilities() & QgsVectorDataProvider.ChangeAttributeValues)
    fields = layer.fields()
    feature = _qgis_patch(layer, params["code"])
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), fields.indexOf("status"), "VERIFIED")
    layer.changeAttributeValue(feature.id(), fields.indexOf("verification_result"), "ILLEGAL")
    layer.changeAttributeValue(feature.id(), fields.indexOf("verification_note"), "QGIS 外业核查：未批先建")
    result["commit"] = layer.commitChanges()
    result["commit_errors"] = list(layer.commitErrors())
    # A different URI, so that QGIS reads the server again instead of its cache of the first layer.
    reloaded = QgsVectorLayer(uri + " pagingEnabled='true' pageSize='500'", "patches", "WFS")
    again = _qgis_patch(reloaded, params["code"])
    result["reloaded"] = {name: (None if again[name] is None or str(type(again[name])).endswith("QVariant'>") else str(again[name])) for name in ("status", "verification_result", "verification_note", "verified_by")}
    illegal = _qgis_patch(reloaded, params["illegal_code"])
    reloaded.startEditing()
    reloaded.changeAttributeValue(illegal.id(), reloaded.fields().indexOf("status"), params["illegal_status"])
    result["illegal_commit"] = reloaded.commitChanges()
    result["illegal_errors"] = list(reloaded.commitErrors()) + list(reloaded.dataProvider().errors())
    reloaded.rollBack()
    return result


def ogr_update(url, work):
    """GDAL/OGR's WFS-T (1.1.0) as a verifier signed in with HTTP Basic: SetFeature with a new verification note;
    then the same feature as first read (stale: someone wrote since), then an illegal transition."""
    params = json.loads(os.environ["EDIT_PARAMS"])
    from osgeo import gdal, ogr
    gdal.SetConfigOption("GDAL_HTTP_AUTH", "BASIC")
    gdal.SetConfigOption("GDAL_HTTP_USERPWD", params["user"] + ":" + params["password"])
    datasource = ogr.Open("WFS:" + url + "?VERSION=1.1.0", update=1)
    layer = datasource.GetLayerByName("terrawatch:patches")
    layer.SetAttributeFilter(f"code = '{params['code']}'")

    def attempt(feature):
        gdal.ErrorReset()
        try:
            code = layer.SetFeature(feature)
        except RuntimeError as error:
            return {"code": -1, "message": str(error)}
        return {"code": code, "message": gdal.GetLastErrorMsg()}

    first = layer.GetNextFeature()
    first.SetField("verification_note", params["note"])
    result = {"update": attempt(first)}
    layer.ResetReading()
    fresh = layer.GetNextFeature()
    result["note_read_back"] = fresh.GetField("verification_note")
    first.SetField("verification_note", params["note"] + "（旧版本）")
    result["stale"] = attempt(first)
    fresh.SetField("status", "CLOSED")
    result["illegal"] = attempt(fresh)
    datasource = None
    return result


def _map_params():
    return json.loads(os.environ["MAP_PARAMS"])


def owslib_wms(url, work):
    """OWSLib's WMS 1.3.0 client: capabilities, then GetMap of the patch's neighbourhood in CRS:84 (longitude first)."""
    from owslib.wms import WebMapService
    params = _map_params()
    wms = WebMapService(url, version="1.3.0", username=READER, password=READER_PASSWORD)
    west, south, east, north = params["bbox"]
    image = wms.getmap(layers=["terrawatch:patches"], styles=["patches-by-status"], srs="CRS:84", bbox=(west, south, east, north),
                       size=(200, 200), format="image/png", transparent=True)
    path = os.path.join(work, "owslib.png")
    with open(path, "wb") as out:
        out.write(image.read())
    return {"layers": list(wms.contents), "patch_styles": sorted(wms["terrawatch:patches"].styles), "png": path,
            "title": wms.identification.title}


def gdal_wms(url, work):
    """GDAL's WMS driver (1.1.1, EPSG:4490) reads the same neighbourhood into a GeoTIFF-like raster."""
    from osgeo import gdal
    gdal.UseExceptions()
    gdal.SetConfigOption("GDAL_HTTP_USERPWD", READER + ":" + READER_PASSWORD)
    params = _map_params()
    west, south, east, north = params["bbox"]
    source = gdal.Open(f"WMS:{url}?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=terrawatch:patches&STYLES=patches-by-status"
                       f"&SRS=EPSG:4490&BBOX={west},{south},{east},{north}&FORMAT=image/png&TRANSPARENT=TRUE")
    path = os.path.join(work, "gdal.png")
    gdal.Translate(path, source, format="PNG", width=200, height=200, projWin=[west, north, east, south])
    result = {"bands": source.RasterCount, "png": path, "projection_has_4490": "4490" in source.GetProjection()}
    source = None
    return result


def qgis_wms(url, work):
    """PyQGIS adds the WMS layer, renders the neighbourhood headless to an image, and identifies at the patch's centre."""
    _qgis_layer(f"url='{url.replace('/wms', '/wfs')}' typename='terrawatch:patches' version='2.0.0'", "WFS")  # starts QGIS
    from qgis.core import (QgsCoordinateReferenceSystem, QgsMapRendererSequentialJob, QgsMapSettings, QgsPointXY, QgsRaster,
                           QgsRasterLayer, QgsRectangle)
    from qgis.PyQt.QtCore import QSize
    params = _map_params()
    layer = QgsRasterLayer(f"crs=EPSG:4490&dpiMode=7&format=image/png&layers=terrawatch:patches&styles=patches-by-status&url={url}"
                           f"&username={READER}&password={READER_PASSWORD}",
                           "patches", "wms")
    result = {"valid": layer.isValid()}
    if not layer.isValid():
        return result
    west, south, east, north = params["bbox"]
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    settings.setExtent(QgsRectangle(west, south, east, north))
    settings.setOutputSize(QSize(200, 200))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    path = os.path.join(work, "qgis.png")
    job.renderedImage().save(path, "PNG")
    x, y = params["centre"]
    identified = layer.dataProvider().identify(QgsPointXY(x, y), QgsRaster.IdentifyFormatHtml, QgsRectangle(west, south, east, north),
                                               200, 200)
    result.update({"png": path, "identify_valid": identified.isValid(),
                   "identify": " ".join(str(v) for v in identified.results().values())})
    return result


def owslib_wps(url, work):
    """OWSLib's WPS 1.0.0 client, signed in as the satellite centre's analyst: capabilities and descriptions, echo run
    synchronously (literal, bounding box and document inputs), then change detection between the demo's two epochs run
    asynchronously and polled at its status location until done; reports what it received."""
    import time
    from owslib.wps import WebProcessingService, BoundingBoxDataInput, ComplexDataInput, SYNC, ASYNC
    wps = WebProcessingService(url, version="1.0.0", username="analyst", password="demo@2026")
    result = {"processes": [p.identifier for p in wps.processes]}
    described = wps.describeprocess("change-detection")
    result["inputs"] = {i.identifier: {"type": i.dataType, "min": i.minOccurs} for i in described.dataInputs}
    result["outputs"] = [o.identifier for o in described.processOutputs]
    echo = wps.execute("echo", [("string_input", "阳泉"), ("double_input", "2.5"),
                                ("bbox_input", BoundingBoxDataInput([37.7, 113.5, 37.8, 113.6], crs="urn:ogc:def:crs:EPSG::4490")),
                                ("complex_input", ComplexDataInput('{"checked": true}', mimeType="application/json"))], mode=SYNC)
    result["echo_status"] = echo.status
    result["echo"] = {o.identifier: (o.data[0] if o.data else None) for o in echo.processOutputs if o.identifier != "bbox_output"}
    box = [o for o in echo.processOutputs if o.identifier == "bbox_output"]
    result["echo_bbox"] = [box[0].data[0].minx, box[0].data[0].miny, box[0].data[0].maxx, box[0].data[0].maxy] if box and box[0].data else None
    # OWSLib asks for a stored, asynchronous response only when outputs are named.
    run = wps.execute("change-detection", [("before_epoch", "DEMO-2026-09-20"), ("after_epoch", "DEMO-2026-10-18"), ("insert", "true")],
                      output=[("patches", False, None), ("summary", False, None)], mode=ASYNC)
    result["status_location"] = run.statusLocation
    seen = [run.status]
    for _ in range(240):
        if run.isComplete():
            break
        time.sleep(0.5)
        run.checkStatus(sleepSecs=0)
        seen.append("%s %s" % (run.status, run.percentCompleted))
    result["statuses"] = seen
    result["final"] = run.status
    result["errors"] = [e.text for e in run.errors]
    outputs = {o.identifier: "".join(o.data) for o in run.processOutputs}
    result["patches"] = json.loads(outputs["patches"]) if "patches" in outputs else None
    result["summary"] = json.loads(outputs["summary"]) if "summary" in outputs else None
    return result


if __name__ == "__main__":
    check, url = sys.argv[1], sys.argv[2]
    work = sys.argv[3] if len(sys.argv) > 3 else "."
    print("RESULT " + json.dumps({"qgis": qgis, "ogr": ogr, "owslib": owslib, "qgis_oapif": qgis_oapif, "ogr_oapif": ogr_oapif,
                                 "ogr_downloads": ogr_downloads, "qgis_wfs11": qgis_wfs11, "ogr_wfs11": ogr_wfs11,
                                 "qgis_edit": qgis_edit, "ogr_update": ogr_update, "owslib_wms": owslib_wms, "gdal_wms": gdal_wms,
                                 "qgis_wms": qgis_wms, "owslib_wps": owslib_wps}[check](url, work), ensure_ascii=False), flush=True)
    os._exit(0)

#!/usr/bin/env bash
# The real OGC clients the interoperability tests drive, from Debian's packages: QGIS (PyQGIS, headless),
# GDAL/OGR with its Python bindings, and OWSLib. They run under Debian's /usr/bin/python3.
# Source this file, then call client_packages_install.

client_packages_install() {
  if /usr/bin/python3 -c 'import qgis.core, osgeo.ogr, owslib.wfs' >/dev/null 2>&1 && command -v ogrinfo >/dev/null \
    && command -v pdftotext >/dev/null; then
    return 0
  fi
  echo "== installing QGIS, GDAL/OGR and OWSLib from Debian packages"
  debian_packages_install gdal-bin python3-gdal python3-owslib python3-qgis qgis-providers poppler-utils
}

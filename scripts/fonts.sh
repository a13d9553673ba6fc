#!/usr/bin/env bash
# The fonts map labels are drawn with: Noto Sans CJK (Debian fonts-noto-cjk) for Chinese, DejaVu as the Latin
# fallback. Source this file, then call map_fonts_install. Needs root or sudo for apt when the fonts are missing.

map_fonts_install() {
  if fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then
    return 0
  fi
  echo "== installing the CJK fonts for map labels (fonts-noto-cjk) from Debian packages"
  debian_packages_install fonts-noto-cjk fonts-dejavu-core fontconfig
}

#!/usr/bin/env bash
# Makes the app icons in public/icons/ from public/favicon.svg (a red rounded
# square with a white play triangle), for the web app manifest and iOS:
#
#   icon-192.png, icon-512.png   "any": the favicon as drawn (transparent corners)
#   icon-maskable-512.png        "maskable": full-bleed red square, so any mask
#                                shape the OS applies stays red; the triangle sits
#                                well inside the 80 % safe zone
#   apple-touch-icon.png         180 × 180, opaque (iOS rounds the corners itself)
#
# The PNGs are committed, so a build needs none of this. To make them again:
#   apt-get install -y imagemagick      # librsvg2-bin (rsvg-convert) is used if present
#   scripts/make-icons.sh
set -euo pipefail
export LC_ALL=C.UTF-8

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
SVG="$REPO_ROOT/public/favicon.svg"
OUT="$REPO_ROOT/public/icons"
ACCENT="#b0122b" # --accent in style/main.css, the favicon's fill

# ImageMagick 6 (the Debian package's /usr/bin/convert), not a wrapper on PATH.
CONVERT=/usr/bin/convert
[ -x "$CONVERT" ] || CONVERT="$(command -v convert)" || {
  echo "make-icons: ImageMagick's convert is missing: apt-get install -y imagemagick" >&2
  exit 1
}
# Deterministic PNGs: no timestamps or other metadata, 8 bits per channel.
PNG_OPTS=(-strip -depth 8 -define png:exclude-chunks=date,time)

# render SIZE FILE: the favicon as a SIZE × SIZE PNG with a transparent background.
render() {
  local size=$1 file=$2
  if command -v rsvg-convert >/dev/null; then
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$SVG" --output "$file.tmp.png"
    "$CONVERT" "$file.tmp.png" "${PNG_OPTS[@]}" "PNG32:$file"
    rm -f "$file.tmp.png"
  else
    # ImageMagick's own SVG renderer strokes shapes black unless told not to.
    sed 's/<svg /<svg stroke="none" /' "$SVG" |
      "$CONVERT" -background none -density 1536 svg:- -resize "${size}x${size}" "${PNG_OPTS[@]}" "PNG32:$file"
  fi
}

# opaque SIZE FILE: the favicon on a full red square (no transparent corners).
opaque() {
  local size=$1 file=$2
  render "$size" "$file.any.png"
  "$CONVERT" -size "${size}x${size}" "xc:$ACCENT" "$file.any.png" -composite "${PNG_OPTS[@]}" "PNG24:$file"
  rm -f "$file.any.png"
}

mkdir -p "$OUT"
render 192 "$OUT/icon-192.png"
render 512 "$OUT/icon-512.png"
opaque 512 "$OUT/icon-maskable-512.png"
opaque 180 "$OUT/apple-touch-icon.png"
ls -l "$OUT"

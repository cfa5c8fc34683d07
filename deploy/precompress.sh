#!/usr/bin/env bash
# Copy Streamlit's frontend files (the hashed /static/ files every page loads: 25 MB, JavaScript mostly) to DEST and
# write beside each text file over 1 KB a .gz (gzip -9) and, where the brotli command is installed (Debian: apt-get
# install brotli), a .br (quality 11). nginx then sends those as they are (gzip_static, brotli_static: nginx.conf):
# compressed once, at the highest level, instead of at level 5 on every request. Run it again after upgrading
# Streamlit (the replicas and this copy must be the same version: requirements.txt pins it).
# Usage: bash deploy/precompress.sh DEST
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:?usage: bash deploy/precompress.sh DEST}"
frontend="$(python -c 'import pathlib, streamlit; print(pathlib.Path(streamlit.__file__).parent / "static" / "static")')"
mkdir -p "$dest"
rm -rf "$dest/static"
cp -R "$frontend" "$dest/static"
compressors='gzip -9 -k -f "$1"'
if command -v brotli >/dev/null; then
  compressors="$compressors && brotli -q 11 -k -f \"\$1\""
else
  echo "no brotli command (Debian: apt-get install brotli): gzip files only; nginx compresses brotli on the fly" >&2
fi
find "$dest/static" -type f -size +1k \
  \( -name '*.js' -o -name '*.css' -o -name '*.json' -o -name '*.svg' -o -name '*.wasm' -o -name '*.txt' \) -print0 |
  xargs -0 -n 1 -P "$(nproc)" sh -c "$compressors" compress
chmod -R a+rX "$dest"  # nginx's workers run as another user when started by root
echo "Streamlit's frontend in $dest/static: $(find "$dest/static" -name '*.br' | wc -l) .br, $(find "$dest/static" -name '*.gz' | wc -l) .gz files"

#!/usr/bin/env bash
# Builds target/blogsearch-wordpress.zip: the wordpress-plugin/blogsearch/ folder as one top-level
# blogsearch/ directory, the layout Plugins → Add New → Upload Plugin expects. Uses python3's zipfile
# (no zip package needed); prints the zip's size and entries.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/blogsearch-wordpress.zip
mkdir -p target
rm -f "$out"
for f in $(find wordpress-plugin/blogsearch -name '*.php'); do php -l "$f" >/dev/null; done
# The scripts ship unbuilt: check their syntax when node is at hand.
if command -v node >/dev/null 2>&1; then
  for f in $(find wordpress-plugin/blogsearch -name '*.js'); do node --check "$f"; done
fi
python3 - "$out" <<'PY'
import os, sys, zipfile
out = sys.argv[1]
root = "wordpress-plugin"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for folder, dirs, files in os.walk(os.path.join(root, "blogsearch")):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, root))
PY
echo "$out: $(stat -c %s "$out") bytes"
python3 -m zipfile -l "$out"

#!/usr/bin/env bash
# Vendor Swagger UI (the interactive API documentation at /data/api/) from npm at a pinned version:
# the page loads it from the archive's own static files, never from a CDN, under the site's CSP.
# Usage: bash scripts/vendor_swagger_ui.sh  (after changing VERSION and INTEGRITY below).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=5.36.0
# npm's dist.integrity of swagger-ui-dist@$VERSION (npm view swagger-ui-dist@$VERSION dist.integrity)
INTEGRITY=sha512-Lt6/Kb0gXmLdiabLhvso4VdJP9V7qJWB0zh0gzeXUV3+CMOTzMmvpJRSXN7EAjfwixwmoi9ezDbLHiexC7lA9A==
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "swagger-ui-dist@$VERSION" >/dev/null)
tarball="$work/swagger-ui-dist-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[ "$actual" = "$INTEGRITY" ] || { echo "integrity mismatch: $actual" >&2; exit 1; }
tar -xzf "$tarball" -C "$work"
target=static/vendor/swagger-ui
rm -rf "$target" && mkdir -p "$target"
for file in swagger-ui-bundle.js swagger-ui-bundle.js.LICENSE.txt swagger-ui.css LICENSE NOTICE; do
  cp "$work/package/$file" "$target/"
done
# The source maps are not vendored: drop the comments naming them (collectstatic's manifest
# storage would fail on a missing file).
sed -i '/sourceMappingURL=/d' "$target/swagger-ui.css" "$target/swagger-ui-bundle.js"
echo "$VERSION" > "$target/VERSION"
echo "Swagger UI $VERSION vendored into $target"

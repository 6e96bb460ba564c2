#!/usr/bin/env bash
# Checks the Debian package that build-deb.sh made, without installing it on the machine.
#   depends   the control fields: Depends lists the Debian packages of the libraries the programs link
#             (found by dpkg-shlibdeps) and nodejs; each is a package apt knows; Recommends the data
#   contents  the install layout: programs, example projects, bundle, verifier, icons, desktop entry,
#             MIME type, AppStream metadata, and from a developer's node_modules only ONNX Runtime and
#             the server's run-time packages (the bundle's self-test starts the server)
#   unpacked  the unpacked package's own programs, run from where they lie (they find share/netloom
#             beside bin/): --version, validate an installed example, and a trained export whose
#             ONNX Runtime verification runs on the packaged verifier and node modules; then
#             `appstreamcli validate-tree` on the unpacked tree
# Usage: check-deb-package.sh depends|contents|unpacked DEB_DIR SOURCE_DIR
set -euo pipefail
what=$1 dir=$2 src=$3
debs=("$dir"/netloom_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { echo "expected one netloom_*.deb in $dir, found: ${debs[*]}"; exit 1; }
deb=${debs[0]}
fail() { echo "FAIL: $*"; exit 1; }

case $what in
depends)
  dpkg-deb -f "$deb" Package Version Architecture Section Homepage Maintainer Depends Recommends
  depends=$(dpkg-deb -f "$deb" Depends)
  [ "$(dpkg-deb -f "$deb" Package)" = netloom ] || fail "the package is not called netloom"
  [ "$(dpkg-deb -f "$deb" Section)" = science ] || fail "Section is not science"
  [ -n "$(dpkg-deb -f "$deb" Homepage)" ] || fail "no Homepage"
  # A package for each kind of library the programs link; the names carry sonames, so match stems.
  for stem in libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libqcustomplot libtorch libopencv-core \
              libopencv-imgcodecs libonnx libprotobuf libstemmer0d zlib1g libstdc\\+\\+6 libc6 nodejs; do
    grep -Eq "(^|, )$stem[^,]*" <<< "$depends" || fail "Depends has no $stem: $depends"
  done
  # Every name in Depends (each alternative) is a package that apt knows.
  for name in $(tr ',|' '\n\n' <<< "$depends" | sed -E 's/\(.*\)//; s/:any//; s/ //g' | sort -u); do
    apt-cache show "$name" > /dev/null 2>&1 || fail "Depends names $name, which apt does not know"
  done
  recommends=$(dpkg-deb -f "$deb" Recommends)
  for name in dataset-fashion-mnist fortunes python3-sklearn; do
    grep -q "$name" <<< "$recommends" || fail "Recommends has no $name: $recommends"
  done
  echo "depends ok"
  ;;
contents)
  listing=$(dpkg-deb -c "$deb" | awk '{ $1=$2=$3=$4=$5=""; sub(/^ +/, ""); print }')
  expect() { grep -qx -- "$1" <<< "$listing" || fail "the package has no $1"; }
  expect ./usr/bin/netloom
  expect ./usr/bin/netloom-cli
  for project in "$src"/projects/*.netloom; do expect "./usr/share/netloom/projects/$(basename "$project")"; done
  for f in $(cd "$src/packaging/bundle" && git ls-files 2>/dev/null || find . -path ./server/node_modules -prune -o -type f -print); do
    expect "./usr/share/netloom/bundle/${f#./}"
  done
  expect "./usr/share/netloom/bundle/server/node_modules -> ../../../../lib/netloom/node_modules"
  expect ./usr/lib/netloom/node_modules/onnxruntime-node/package.json
  expect ./usr/lib/netloom/node_modules/onnxruntime-common/package.json
  grep -q '^\./usr/lib/netloom/node_modules/onnxruntime-node/bin/napi-v6/linux/[a-z0-9]*/onnxruntime_binding\.node$' <<< "$listing" ||
    fail "the package has no onnxruntime_binding.node"
  # The server's run-time packages, for the bundle's self-test that every export with --bundle runs;
  # not its test tools, nor native packages of other platforms.
  for module in fastify fast-content-type-parse @fastify/busboy prom-client sharp snowball-stemmers; do
    expect "./usr/lib/netloom/node_modules/$module/package.json"
  done
  grep -q '^\./usr/lib/netloom/node_modules/@img/sharp-libvips-linux-[a-z0-9]*/lib/libvips-cpp\.so' <<< "$listing" ||
    fail "the package has no libvips for sharp"
  if grep -E 'node_modules/(kubernetes-models|autocannon|dockerfile-utils|yaml|adm-zip)/|napi-v6/(darwin|win32)|@img/sharp-(libvips-)?(darwin|win32|wasm|linuxmusl)' <<< "$listing" | head -3 | grep .; then
    fail "the package carries node modules the verifier and the self-test do not need"
  fi
  for size in 16 32 48 64 128 256; do expect "./usr/share/icons/hicolor/${size}x${size}/apps/netloom.png"; done
  expect ./usr/share/icons/hicolor/scalable/apps/netloom.svg
  expect ./usr/share/applications/netloom.desktop
  expect ./usr/share/metainfo/io.netloom.Netloom.metainfo.xml
  expect ./usr/share/mime/packages/netloom.xml
  if [ -n "$(ls "${BUILD_TRANSLATIONS:-/nonexistent}"/*.qm 2>/dev/null)" ]; then
    for qm in "$BUILD_TRANSLATIONS"/*.qm; do expect "./usr/share/netloom/translations/$(basename "$qm")"; done
  fi
  grep -q '^\./usr/local' <<< "$listing" && fail "the package installs into /usr/local"
  echo "contents ok: $(wc -l <<< "$listing") entries, $(du -h "$deb" | cut -f1) compressed, $(dpkg-deb -f "$deb" Installed-Size) KiB installed"
  ;;
unpacked)
  root=$dir/unpacked
  rm -rf "$root"
  dpkg-deb -x "$deb" "$root"
  bin=$root/usr/bin share=$root/usr/share/netloom
  version=$(dpkg-deb -f "$deb" Version)
  "$bin/netloom-cli" --version | grep -q "netloom-cli $version" || fail "netloom-cli --version is not $version"
  QT_QPA_PLATFORM=offscreen "$bin/netloom" --version 2>/dev/null | grep -q "$version" || fail "netloom --version is not $version"
  "$bin/netloom-cli" validate "$share/projects/fashion-mnist-cnn.netloom" | tee "$dir/validate.txt"
  grep -q "Total params: 421,642" "$dir/validate.txt" || fail "validate did not print the CNN's parameter count"
  # A short training and an export with --bundle: the verifier is the package's verify.js with its
  # node_modules link, the templates are the package's (share/netloom beside bin/ comes first).
  work=$dir/export
  rm -rf "$work"
  "$bin/netloom-cli" train "$share/projects/fashion-mnist-cnn.netloom" --epochs 1 --max-batches 5 --out "$work/run" > "$work.log"
  "$bin/netloom-cli" export "$share/projects/fashion-mnist-cnn.netloom" --weights "$work/run/best.ckpt" --out "$work/bundle" --bundle |
    tee -a "$work.log"
  python3 -c 'import json, sys; v = json.load(open(sys.argv[1])); sys.exit(not (v["passed"] and v["engine"].startswith("onnxruntime-node")))' \
    "$work/bundle/verification.json" || fail "verification.json does not say onnxruntime-node passed"
  [ -f "$work/bundle/server/verify.js" ] && [ -f "$work/bundle/Dockerfile" ] || fail "the bundle is incomplete"
  appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree: the metainfo, desktop entry and icons of the unpacked package"
  echo "unpacked ok"
  ;;
*)
  echo "usage: check-deb-package.sh depends|contents|unpacked DEB_DIR SOURCE_DIR"; exit 2 ;;
esac

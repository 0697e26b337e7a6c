#!/usr/bin/env bash
# Builds the Debian package with cargo-deb and checks what is inside it.
#
#   scripts/deb.sh            -> target/debian/malbild_<version>-1_<arch>.deb
#
# cargo-deb is installed on first use into ${CARGO_TOOLS:-~/.cache/malbild-tools} (a cold
# `cargo install` of it takes a minute or two). The package's contents are listed in
# Cargo.toml under [package.metadata.deb]. Made for Debian 12 and later, as root or as a user
# who already has dpkg-dev and binutils.
set -euo pipefail
cd "$(dirname "$0")/.."

tools="${CARGO_TOOLS:-$HOME/.cache/malbild-tools}"
cargo_deb_version="${CARGO_DEB_VERSION:-3.8.0}"
export PATH="$tools/bin:$PATH"

# What cargo-deb runs: dpkg-shlibdeps (dpkg-dev) for the $auto dependencies, strip
# (binutils) to strip the binary. Without dpkg-shlibdeps it only warns and the package comes
# out with no Depends, so it is required here.
missing=()
command -v dpkg-shlibdeps >/dev/null 2>&1 || missing+=(dpkg-dev)
command -v strip >/dev/null 2>&1 || missing+=(binutils)
command -v readelf >/dev/null 2>&1 || missing+=(binutils)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "deb.sh: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
  else
    echo "deb.sh: needs ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

if ! cargo deb --version >/dev/null 2>&1; then
  echo "deb.sh: installing cargo-deb $cargo_deb_version into $tools"
  cargo install cargo-deb --version "$cargo_deb_version" --locked --root "$tools"
fi
echo "deb.sh: $(cargo deb --version)"

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
[[ -n $version ]] || { echo "deb.sh: no version in Cargo.toml" >&2; exit 1; }
arch=$(dpkg --print-architecture)
out_dir="${CARGO_TARGET_DIR:-target}/debian"
deb="$out_dir/malbild_${version}-1_${arch}.deb"
rm -f "$out_dir"/malbild_*.deb

# Builds the release binary (cargo build --release --locked) and packs it. --strip strips
# the binary whatever [profile.release] says: with `debug = "line-tables-only"` cargo-deb
# would otherwise keep the line tables in the packaged binary.
cargo deb --locked --strip --output "$deb"
[[ -f $deb ]] || { echo "deb.sh: cargo deb made no $deb" >&2; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"

fail=0
expect() {
  if [[ ! -f "$root/$1" ]]; then
    echo "deb.sh: missing from the package: /$1" >&2
    fail=1
  fi
}
expect usr/bin/malbild
expect usr/share/applications/se.malbild.Malbild.desktop
expect usr/share/mime/packages/malbild.xml
expect usr/share/icons/hicolor/scalable/apps/malbild.svg
for size in 16 32 48 64 128 256 512; do
  expect "usr/share/icons/hicolor/${size}x${size}/apps/malbild.png"
done
expect usr/share/icons/hicolor/scalable/mimetypes/application-x-malbild.svg
expect usr/share/doc/malbild/README
expect usr/share/doc/malbild/copyright
((fail == 0)) || exit 1

bin="$root/usr/bin/malbild"
[[ -x $bin ]] || { echo "deb.sh: /usr/bin/malbild is not executable" >&2; exit 1; }
if readelf -S "$bin" | grep -q '\.debug_'; then
  echo "deb.sh: /usr/bin/malbild still has debug sections" >&2
  exit 1
fi
got=$("$bin" --version)
if [[ $got != "malbild $version" ]]; then
  echo "deb.sh: malbild --version printed '$got', expected 'malbild $version'" >&2
  exit 1
fi

if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate --no-hints \
    "$root/usr/share/applications/se.malbild.Malbild.desktop"
else
  echo "deb.sh: desktop-file-validate not found (desktop-file-utils); desktop entry not validated"
fi
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout "$root/usr/share/mime/packages/malbild.xml"
fi

size() { numfmt --to=iec-i --suffix=B "$(stat -c %s "$1")" 2>/dev/null || stat -c '%s bytes' "$1"; }
echo "deb.sh: $deb"
echo "  package: $(size "$deb")"
echo "  binary:  $(size "$bin") (stripped), $got"
echo "  depends: $(dpkg-deb -f "$deb" Depends)"
echo "deb.sh: ok"

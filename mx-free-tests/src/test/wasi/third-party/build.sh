#!/usr/bin/env bash
# Builds third-party WASI programs from Debian SOURCE packages, for linmem's tests, into a cache:
#   lua.wasm                 Debian lua5.4: the interpreter (src/*.c but luac.c)
#   zlib-example.wasm        Debian zlib: test/example.c, zlib's own self-test
#   minigzip.wasm            Debian zlib: test/minigzip.c, gzip over stdin and stdout
#   sqlite3.wasm             Debian sqlite3: the amalgamation (made with the source's tclsh scripts) and its shell
# Usage: build.sh [CACHE]    (default: <repo>/.cache/wasi-third-party, which git ignores)
# Prints the folder holding the .wasm files. Nothing is rebuilt while the cache matches this
# script and its shims (a stamp holds their checksum); delete the cache to start over.
#
# The sources come from `apt-get source --download-only` with a deb-src entry for Debian 12
# (bookworm) in a private apt configuration under the cache (the system's apt setup is not
# touched); the upstream tarball is unpacked and built with Debian's clang --target=wasm32-wasi,
# lld, wasi-libc and libclang-rt-dev-wasm32. SQLite's amalgamation is generated on the host,
# which needs a C compiler, make and tclsh. Debian packages: clang lld wasi-libc
# libclang-rt-dev-wasm32 gcc make tcl (and apt's keyring, present on every Debian).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../../../.." && pwd)
cache=${1:-"$root/.cache/wasi-third-party"}
out="$cache/wasm"
shims="$here/shims"

for tool in apt-get clang wasm-ld cc make tclsh tar; do
  command -v "$tool" >/dev/null || {
    echo "build.sh: $tool is missing: apt-get install clang lld wasi-libc libclang-rt-dev-wasm32 gcc make tcl" >&2
    exit 3
  }
done

stamp=$(cat "$0" "$shims"/*.h "$shims"/*.c "$shims"/include/*.h | sha256sum | cut -d' ' -f1)
if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$stamp" ]; then
  echo "$out"
  exit 0
fi
log="$cache/build.log"
mkdir -p "$cache"
: >"$log"
trap 'echo "build.sh: the build failed; the end of $log:" >&2; tail -n 40 "$log" >&2' ERR
echo "build.sh: building lua5.4, zlib and sqlite3 from Debian sources for wasm32-wasi (log: $log)" >&2

# ---- sources: apt-get source with a private deb-src entry ----
apt_dir="$cache/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
# Debian 12's sources whatever the host runs: the shims and the tests' expectations are made for
# these versions (lua 5.4.4, zlib 1.2.13, SQLite 3.40.1), and sources download on any release.
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main" \
  >"$apt_dir/sources.list"
apt=(apt-get -q -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache" -o Debug::NoLocking=1
  -o APT::Sandbox::User=root)
# A fresh index and fresh downloads on every build: the mirror keeps only current versions.
"${apt[@]}" update >>"$log" 2>&1
rm -rf "$cache/sources"
mkdir -p "$cache/sources"
(cd "$cache/sources" && "${apt[@]}" source --download-only lua5.4 zlib sqlite3 >>"$log" 2>&1)

# The upstream tarball of a source package, unpacked afresh under $cache/build; prints its folder.
unpack() {
  local tarball
  tarball=$(ls "$cache/sources/$1"_*.orig.tar.* | grep -v -- '-www' | head -n1)
  rm -rf "$cache/build/$1"
  mkdir -p "$cache/build/$1"
  tar -xf "$tarball" -C "$cache/build/$1"
  echo "$cache/build/$1/$(ls "$cache/build/$1")"
}

wasi_cc=(clang --target=wasm32-wasi -O2 -Wl,--strip-debug)
mkdir -p "$out"
rm -f "$out/stamp"

# ---- zlib ----
zlib=$(unpack zlib)
zlib_sources=(adler32.c crc32.c deflate.c infback.c inffast.c inflate.c inftrees.c trees.c zutil.c
  compress.c uncompr.c gzclose.c gzlib.c gzread.c gzwrite.c)
(cd "$zlib" &&
  "${wasi_cc[@]}" -DZ_HAVE_UNISTD_H -I. -o "$out/zlib-example.wasm" test/example.c "${zlib_sources[@]}" &&
  "${wasi_cc[@]}" -DZ_HAVE_UNISTD_H -I. -o "$out/minigzip.wasm" test/minigzip.c "${zlib_sources[@]}") >>"$log" 2>&1

# ---- lua5.4 ----
# Without LUA_USE_POSIX (no popen, no mkstemp-based tmpname: os.tmpname fails cleanly), with
# wasi-libc's signal and process-clock emulations for lua.c's signal() and os.clock().
lua=$(unpack lua5.4)
(cd "$lua/src" &&
  "${wasi_cc[@]}" -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS '-Dlua_tmpnam(b,e)={e=1;}' -DLUA_TMPNAMBUFSIZE=32 \
    -Wno-deprecated-declarations -I"$shims/include" -o "$out/lua.wasm" \
    $(ls ./*.c | grep -v luac.c) "$shims/libc-extras.c" -lwasi-emulated-signal -lwasi-emulated-process-clocks) >>"$log" 2>&1

# ---- sqlite3 ----
sqlite=$(unpack sqlite3)
mkdir -p "$sqlite/bld"
(cd "$sqlite/bld" && ../configure --disable-tcl --disable-readline && make sqlite3.c shell.c) >>"$log" 2>&1
sqlite_flags=(-D_WASI_EMULATED_MMAN -D_WASI_EMULATED_GETPID -D_WASI_EMULATED_SIGNAL -D_WASI_EMULATED_PROCESS_CLOCKS
  -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_OMIT_WAL -DSQLITE_MAX_MMAP_SIZE=0
  -DSQLITE_NOHAVE_SYSTEM -DSQLITE_OMIT_POPEN -include "$shims/sqlite-wasi.h" -I"$shims/include")
(cd "$sqlite/bld" &&
  "${wasi_cc[@]}" "${sqlite_flags[@]}" -c sqlite3.c -o sqlite3.o &&
  "${wasi_cc[@]}" "${sqlite_flags[@]}" -c shell.c -o shell.o &&
  "${wasi_cc[@]}" -o "$out/sqlite3.wasm" shell.o sqlite3.o "$shims/libc-extras.c" \
    -lwasi-emulated-mman -lwasi-emulated-getpid -lwasi-emulated-signal -lwasi-emulated-process-clocks) >>"$log" 2>&1

rm -rf "$cache/build"
echo "$stamp" >"$out/stamp"
echo "$out"

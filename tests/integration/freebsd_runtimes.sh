#!/usr/bin/env bash
# Real FreeBSD programs of two runtimes, from the npm registry (installed at test time,
# nothing committed): esbuild (Go, static: threads, signals, the kqueue poller) and
# pagefind (Rust, dynamically linked against the 13.2 libc, libthr, libgcc_s, libm).
source "$TOP/tests/lib.sh"
need_fixture fb13
pkgs=$BUILD/npm
mkdir -p "$pkgs"

# fetch NAME@VERSION BIN DEST: unpacks the package once and copies its binary into the guest.
fetch() {
    local spec=$1 bin=$2 dest=$3 dir=$pkgs/${1//[@\/]/_}
    if [ ! -x "$dir/package/$bin" ]; then
        rm -rf "$dir"; mkdir -p "$dir"
        (cd "$dir" && npm pack --silent "$spec" >/dev/null 2>&1 && tar -xzf ./*.tgz) || return 1
    fi
    cp "$dir/package/$bin" "$FX/$dest"
}
missing() {
    if [ "${CI:-}" = true ]; then notok "$1 from the npm registry"; else skip "$1" "npm registry not reachable"; fi
}

if fetch @esbuild/freebsd-x64@0.28.2 bin/esbuild esbuild; then
    t_out "esbuild --version" "0.28.2" "$LSL2" "$FX" /esbuild --version
    got=$(echo 'let a = 1; console.log(a)' | "$LSL2" "$FX" /esbuild --minify 2>&1)
    [ "$got" = "let a=1;console.log(a);" ] && ok "esbuild --minify from stdin" || notok "esbuild --minify: $got"
    # a 20-file project, bundled with GOMAXPROCS=8, 20 times: always the same output
    P=$FX/proj; rm -rf "$P"; mkdir -p "$P"
    for i in $(seq 1 19); do
        printf 'export function f%d(x) { return x * %d + %d; }\nexport const name%d = "module %d";\n' \
            "$i" "$i" "$i" "$i" "$i" > "$P/m$i.js"
    done
    { for i in $(seq 1 19); do echo "import { f$i, name$i } from './m$i.js';"; done
      echo 'let s = 0;'
      for i in $(seq 1 19); do echo "s += f$i($i); console.log(name$i);"; done
      echo 'console.log(s);'; } > "$P/index.js"
    first="" same=0 runs=20
    for i in $(seq 1 $runs); do
        out=$(GOMAXPROCS=8 timeout 60 "$LSL2" -w /proj "$FX" /esbuild --bundle index.js 2>&1) || { echo "# run $i: status $?"; break; }
        [ -z "$first" ] && first=$out
        [ "$out" = "$first" ] && same=$((same + 1))
    done
    [ "$same" = "$runs" ] && printf '%s\n' "$first" | grep -q 'module 19' \
        && ok "esbuild bundles 20 files with GOMAXPROCS=8, $runs times, identical output" \
        || notok "esbuild bundle: $same of $runs runs identical and complete"
    rm -rf "$P"
else
    missing "@esbuild/freebsd-x64"
fi

if fetch @pagefind/freebsd-x64@1.5.2 bin/pagefind_extended pagefind_extended; then
    t_out "pagefind_extended --version (Rust, libthr)" "pagefind 1.5.2" "$LSL2" "$FX" /pagefind_extended --version
else
    missing "@pagefind/freebsd-x64"
fi

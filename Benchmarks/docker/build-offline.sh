#!/usr/bin/env bash
# Builds the Dockerfile and checks the image on a Debian machine with no container registry: the
# two base images are made locally, then the image is built with podman and run.
#
#   sudo Benchmarks/docker/build-offline.sh            # or: sudo make docker-offline
#
# 1. localhost/bookworm-slim: a `debootstrap --variant=minbase bookworm` tree with the security
#    updates, without apt caches, package lists, manuals and translations (apt and dpkg are told to
#    keep it so), imported with `podman import` (RUNTIME_IMAGE).
# 2. localhost/swift-bookworm: that image plus the packages the Swift toolchain needs to run and
#    link, the toolchain of this machine (SWIFT_ROOT, without the debugger, the language server,
#    DocC, swift-format and the embedded-Swift libraries, which a build does not use), the local
#    package mirror (SWIFT_PACKAGES) and the git `url.insteadOf` rule that makes
#    https://github.com/... resolve to it (BUILD_IMAGE).
# 3. `podman build` of the Dockerfile with those two images as build arguments (wall time printed).
# 4. Runs the image: --version; the user it runs as (uid 10001); a scan of a mounted directory
#    holding a generated Sirportly-shaped credential (exit 1, the finding, the secret not printed in
#    full); a scan of a clean directory (exit 0); `git history --all` on a mounted temporary
#    repository whose last commit removed the credential (exit 1, the commit that added it); as the
#    repository's owner (--user), writing a JSON report into it (0600, the owner's); the image size.
# Any failure stops the script with a non-zero exit. Not part of `make test` (CI has no container
# engine). Needs root, network access to the Debian mirror only, and podman, buildah and
# debootstrap (installed with apt-get when missing).
#
# Settings (environment): WORK (default /var/tmp/tokenaudit-docker: rootfs, logs, summary),
# MIRROR (default http://deb.debian.org/debian), SWIFT_ROOT (/opt/swift), SWIFT_PACKAGES
# (/opt/swift-packages), TAG (tokenaudit), REBUILD_BASE=1 remakes the two base images even if
# they exist, BASE_ONLY=1 stops once they are made, NO_CACHE=1 builds the Dockerfile without podman's layer cache.
set -euo pipefail
cd "$(dirname "$0")/../.."
SRC=$PWD
WORK=${WORK:-/var/tmp/tokenaudit-docker}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SWIFT_ROOT=${SWIFT_ROOT:-/opt/swift}
SWIFT_PACKAGES=${SWIFT_PACKAGES:-/opt/swift-packages}
TAG=${TAG:-tokenaudit}
SLIM=localhost/bookworm-slim
BUILDER=localhost/swift-bookworm
SUITE=bookworm

fail() { echo "build-offline: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap, podman import)"
[ -x "$SWIFT_ROOT/usr/bin/swift" ] || fail "no Swift toolchain at $SWIFT_ROOT (set SWIFT_ROOT)"
[ -d "$SWIFT_PACKAGES" ] || fail "no package mirror at $SWIFT_PACKAGES (set SWIFT_PACKAGES)"
missing=()
for tool in podman buildah debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
mkdir -p "$WORK"
chmod 0700 "$WORK"
SUMMARY=$WORK/summary.txt
: > "$SUMMARY"
note() { echo "$*" | tee -a "$SUMMARY"; }
have_image() { podman image exists "$1" && [ "${REBUILD_BASE:-0}" != 1 ]; }

# ---- 1. runtime base: bookworm minbase, slimmed ------------------------------------------------
if have_image "$SLIM"; then
  step "$SLIM exists (REBUILD_BASE=1 remakes it)"
else
  step "debootstrap $SUITE into $WORK/rootfs"
  rm -rf "$WORK/rootfs"
  debootstrap --variant=minbase "$SUITE" "$WORK/rootfs" "$MIRROR" > "$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log" >&2; fail "debootstrap failed (log: $WORK/debootstrap.log)"; }
  root=$WORK/rootfs
  # The same suites an official image reads (security fixes come from the debian-security archive,
  # which the same mirror host serves).
  rm -f "$root/etc/apt/sources.list"
  cat > "$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${MIRROR%/debian}/debian-security
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # Packages installed later in the image leave out manuals, documentation (but not copyright
  # notices) and translations, as in Debian's slim images; the files already there go too.
  cat > "$root/etc/dpkg/dpkg.cfg.d/slim-image" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/lintian/*
EOF
  # Security fixes published since the point release debootstrap installed.
  { chroot "$root" apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get upgrade -y -qq; } > "$WORK/upgrade.log" 2>&1 \
    || { tail -20 "$WORK/upgrade.log" >&2; fail "apt-get upgrade in $root failed (log: $WORK/upgrade.log)"; }
  # debootstrap copies this machine's name and resolver into the tree; podman supplies both at run time.
  rm -f "$root/etc/hostname"
  : > "$root/etc/resolv.conf"
  # apt keeps neither its binary caches nor downloaded packages, as in Debian's container images.
  cat > "$root/etc/apt/apt.conf.d/slim-image" <<'EOF'
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
APT::Keep-Downloaded-Packages "false";
EOF
  find "$root/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* \
         "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
         "$root"/var/log/*.log "$root"/var/log/apt/*
  step "podman import $SLIM ($(du -sh "$root" | cut -f1) tree)"
  tar -C "$root" --numeric-owner -cf - . \
    | podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["bash"]' - "$SLIM" > "$WORK/import.log" 2>&1 \
    || { cat "$WORK/import.log" >&2; fail "podman import failed"; }
  rm -rf "$root"
fi

# How podman can start containers here. The defaults first; crun refuses hosts that mount cgroup v1
# and v2 side by side ("cgroups in hybrid mode not supported"), where runc works; and where the
# host withholds CAP_SYS_RESOURCE, the runtime cannot set podman's default open-file and process
# limits, so the script asks for limits the host already grants.
ENGINE=(podman)
LIMITS=()
starts() { "${ENGINE[@]}" run --rm --network none "${LIMITS[@]}" "$SLIM" true >/dev/null 2>&1; }
if ! starts; then
  if ! command -v runc >/dev/null; then
    echo "Installing runc with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq runc >/dev/null
  fi
  ENGINE=(podman --runtime runc)
  if ! starts; then
    nofile=$(ulimit -Hn); nproc=$(ulimit -Hu)
    [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ] && nproc=32768
    LIMITS=(--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
    starts || { "${ENGINE[@]}" run --rm --network none "${LIMITS[@]}" "$SLIM" true || true
                fail "podman cannot start a container here (tried crun, runc, lower limits)"; }
  fi
fi
note "container engine: ${ENGINE[*]} ${LIMITS[*]}"
# shellcheck disable=SC2016 # expanded inside the container
"${ENGINE[@]}" run --rm --network none "${LIMITS[@]}" "$SLIM" \
    sh -c '. /etc/os-release && [ "$VERSION_CODENAME" = bookworm ]' || fail "$SLIM is not bookworm"

# ---- 2. build base: the slim image + Swift toolchain, link tools, package mirror --------------
if have_image "$BUILDER"; then
  step "$BUILDER exists (REBUILD_BASE=1 remakes it)"
else
  step "podman build $BUILDER from $SLIM, $SWIFT_ROOT and $SWIFT_PACKAGES"
  ctx=$WORK/builder-context
  rm -rf "$ctx"; mkdir -p "$ctx"
  # Shared libraries of the toolchain's programs (ldd: curl, xml2, sqlite3, ncurses; libc and
  # libstdc++ come with the rest), the C runtime, headers and linker swiftc links with, git and
  # pkg-config for SwiftPM. No recommends: nothing else is needed to build.
  cat > "$ctx/Containerfile" <<EOF
FROM $SLIM
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
      binutils libc6-dev libgcc-12-dev libstdc++-12-dev libcurl4 libxml2 libsqlite3-0 libncurses6 \\
      git pkg-config \\
 && rm -rf /var/lib/apt/lists/*
RUN mkdir -p /opt/swift /opt/swift-packages \\
 && tar -C /mnt/toolchain -cf - \\
      --exclude='./usr/bin/lldb*' --exclude=./usr/bin/repl_swift --exclude='./usr/lib/liblldb*' \\
      --exclude=./usr/bin/sourcekit-lsp --exclude='./usr/lib/libsourcekitd*' \\
      --exclude='./usr/lib/libSwiftSourceKit*' --exclude=./usr/bin/clangd --exclude=./usr/bin/docc \\
      --exclude=./usr/share/docc --exclude=./usr/bin/swift-format --exclude=./usr/bin/wasmkit \\
      --exclude=./usr/lib/swift/embedded . \\
    | tar -C /opt/swift -xf - \\
 && cp -a /mnt/packages/. /opt/swift-packages/ \\
 && git config --system url./opt/swift-packages/.insteadOf https://github.com/ \\
 && /opt/swift/usr/bin/swift --version
ENV PATH=/opt/swift/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
EOF
  "${ENGINE[@]}" build --network host "${LIMITS[@]}" --volume "$SWIFT_ROOT:/mnt/toolchain:ro" \
      --volume "$SWIFT_PACKAGES:/mnt/packages:ro" -t "$BUILDER" "$ctx" > "$WORK/builder.log" 2>&1 \
    || { tail -30 "$WORK/builder.log" >&2; fail "building $BUILDER failed (log: $WORK/builder.log)"; }
fi

if [ "${BASE_ONLY:-0}" = 1 ]; then echo "build-offline: base images ready (BASE_ONLY=1)"; exit 0; fi

# ---- 3. the Dockerfile ----------------------------------------------------------------------------
step "podman build -t $TAG (BUILD_IMAGE=$BUILDER, RUNTIME_IMAGE=$SLIM)"
cache=(); [ "${NO_CACHE:-0}" = 1 ] && cache=(--no-cache)
start=$(date +%s); load_before=$(cut -d' ' -f1-3 /proc/loadavg)
nice -n 10 "${ENGINE[@]}" build --network host "${LIMITS[@]}" "${cache[@]}" \
    --build-arg BUILD_IMAGE="$BUILDER" --build-arg RUNTIME_IMAGE="$SLIM" \
    -t "$TAG" "$SRC" > "$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log" >&2; fail "podman build failed (log: $WORK/build.log)"; }
build_seconds=$(( $(date +%s) - start ))
note "podman build: ${build_seconds} s wall on $(nproc) cores, load average before ${load_before}, after $(cut -d' ' -f1-3 /proc/loadavg) (log: $WORK/build.log)"

# ---- 4. the image at work ---------------------------------------------------------------------------
step "checks"
umask 077   # outputs hold masked credentials; the fixtures are opened to the image's user below
rm -f "$WORK/scan.out" "$WORK/scan-clean.out" "$WORK/history.out" "$WORK/history-json.out"   # so they are made 0600 anew
run() { "${ENGINE[@]}" run --rm --network none "${LIMITS[@]}" "$@"; }
version=$(run "$TAG" --version) || fail "--version failed"
note "--version: $(echo "$version" | head -1)"
uid=$(run --entrypoint id "$TAG" -u) || fail "id -u failed"
[ "$uid" = 10001 ] || fail "the image runs as uid $uid, not 10001"
note "runs as: $(run --entrypoint id "$TAG")"
# No Swift runtime library may be needed at run time (the build links it statically).
libs=$(run --entrypoint ldd "$TAG" /usr/local/bin/tokenaudit) || fail "ldd failed"
if echo "$libs" | grep -E 'not found|libswift|libFoundation|libdispatch'; then fail "missing or Swift runtime libraries"; fi

# A generated credential of the Sirportly shape (random, never a real one): a UUID-shaped token and
# a 50-letter secret next to each other in an .env file.
fixtures=$(mktemp -d "$WORK/fixtures.XXXXXX")
trap 'rm -rf "$fixtures"' EXIT
read -r token secret < <(python3 -c '
import secrets, string
hexd, alnum = "0123456789abcdef", string.ascii_letters + string.digits
print("-".join("".join(secrets.choice(hexd) for _ in range(k)) for k in (8, 4, 4, 4, 12)),
      "".join(secrets.choice(alnum) for _ in range(50)))')
mkdir -p "$fixtures/tree/config" "$fixtures/clean"
printf 'SIRPORTLY_URL=https://support.example.com\nSIRPORTLY_TOKEN=%s\nSIRPORTLY_SECRET=%s\n' \
  "$token" "$secret" > "$fixtures/tree/config/app.env"
printf 'timeout = 30\nregion = "eu-west-1"\n' > "$fixtures/clean/settings.toml"
chmod -R a+rX "$fixtures"   # the image's user (uid 10001) reads the mounted trees

expect_exit() {  # expect_exit CODE OUTPUT-FILE podman-run-arguments...
  local want=$1 out=$2; shift 2
  set +e; run "$@" > "$out" 2>&1; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$out" >&2; fail "exit $got, expected $want: podman run $*"; }
}
no_secret_in() {
  if grep -q -F -e "$token" -e "$secret" "$1"; then fail "$1 shows the credential in full"; fi
}

expect_exit 1 "$WORK/scan.out" -v "$fixtures/tree:/repo:ro" "$TAG" scan .
for want in 'config/app.env:2:[0-9]* .*sirportly-token' 'config/app.env:3:[0-9]* .*sirportly-secret'; do
  grep -q -e "$want" "$WORK/scan.out" || { cat "$WORK/scan.out" >&2; fail "scan: no finding matching '$want'"; }
done
no_secret_in "$WORK/scan.out"
note "scan of a mounted tree with a generated Sirportly token and secret: exit 1, sirportly-token at config/app.env:2 and sirportly-secret at :3, neither printed in full"

expect_exit 0 "$WORK/scan-clean.out" -v "$fixtures/clean:/repo:ro" "$TAG" scan .
note "scan of a clean mounted tree: exit 0"

repo=$fixtures/repo
git init -q -b main "$repo"
git -C "$repo" -c user.name=Check -c user.email=check@example.com -c commit.gpgsign=false commit -q --allow-empty -m empty
cp -r "$fixtures/tree/config" "$repo/"
git -C "$repo" add -A
git -C "$repo" -c user.name=Check -c user.email=check@example.com -c commit.gpgsign=false commit -q -m "add config"
git -C "$repo" rm -q config/app.env
git -C "$repo" -c user.name=Check -c user.email=check@example.com -c commit.gpgsign=false commit -q -m "remove the credential"
added=$(git -C "$repo" rev-parse --short HEAD~1)
chmod -R a+rX "$repo"
# The repository belongs to another user than the image's: safe.directory in the image allows it.
expect_exit 1 "$WORK/history.out" -v "$repo:/repo:ro" "$TAG" git history --all
for want in 'sirportly-token' 'sirportly-secret'; do
  grep -q -e "$want" "$WORK/history.out" || { cat "$WORK/history.out" >&2; fail "git history: no $want finding"; }
done
grep -q "$added" "$WORK/history.out" || { cat "$WORK/history.out" >&2; fail "git history: the finding does not name commit $added"; }
no_secret_in "$WORK/history.out"
note "git history --all on a mounted repository (credential added in $added, removed in HEAD): exit 1, commit $added named"

# As docs/GIT.md runs it: as the owner of the mounted repository (--user), writing a JSON report
# into it. The report must be the owner's, mode 0600, valid JSON, with both findings.
rw=$fixtures/repo-rw
cp -a "$repo" "$rw"
chown -R 12345:12345 "$rw"
expect_exit 1 "$WORK/history-json.out" --user 12345:12345 -v "$rw:/repo" "$TAG" \
  git history --all --format json -o tokenaudit-report.json
report=$rw/tokenaudit-report.json
[ -f "$report" ] || fail "git history -o: no report written"
[ "$(stat -c '%u %a' "$report")" = "12345 600" ] || fail "report owner/mode $(stat -c '%u %a' "$report"), expected 12345 600"
python3 - "$report" <<'PY' || fail "the JSON report is not valid JSON or lacks a Sirportly finding"
import json, sys
text = open(sys.argv[1]).read()
try:
    json.loads(text)
except json.JSONDecodeError:
    for line in text.splitlines():
        if line.strip():
            json.loads(line)
assert "sirportly-token" in text and "sirportly-secret" in text, "missing findings"
PY
no_secret_in "$report"
note "git history --all --format json -o as the repository's owner (--user 12345:12345): exit 1, report 0600, owner 12345, both findings"

size=$(podman image inspect --format '{{.Size}}' "$TAG")
note "image $TAG: $((size / 1000000)) MB ($(podman image ls --format '{{.Size}}' "$TAG" | head -1) in podman image ls)"
note "base images: $SLIM $(podman image ls --format '{{.Size}}' "$SLIM" | head -1), $BUILDER $(podman image ls --format '{{.Size}}' "$BUILDER" | head -1)"
echo
echo "build-offline: all checks passed (summary: $SUMMARY)"

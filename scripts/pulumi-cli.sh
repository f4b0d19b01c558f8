#!/usr/bin/env bash
# Developer tool (tests, benchmarks, npm start): finds the Pulumi CLI and its Node.js language host,
# or builds them from Go sources into a cache outside the repo tree. Users never need it: their
# CI installs Pulumi the official way, which ships both.
#
# Prints, one per line, the folders to put first on PATH: the one holding `pulumi` (with the
# language host and the dynamic-provider plugin beside it when this script built them), then the
# language host's folder when it is elsewhere. Progress goes to stderr.
#
# CLI: $PULUMI_CLI_DIR, then `pulumi` on PATH, then ~/.pulumi/bin, then the build cache
# (${PULUMI_RDS_CACHE:-$HOME/.cache/pulumi-redshift-datashare}/cli/<version>/bin), building it there
# when it is missing. The version follows the installed @pulumi/pulumi package, unless
# $PULUMI_CLI_VERSION names another (e.g. v3.274.1, for a compatibility cell): then only a CLI of
# that version is used, and it is built into cli/<that version>/bin beside the default one.
# Language host (pulumi-language-nodejs): beside the CLI, then on PATH, then built into the cache
# from the source in $PULUMI_LANGUAGE_NODEJS_SRC (default: shared/vendor/pulumi-language-nodejs in the
# nearest folder above the checkout, or above the main checkout of a git worktree); the Go module proxy does
# not serve that module. The host is built at the
# version its source's go.mod requires, into cli/<that version>/bin; for a CLI of another version
# that folder is printed after the CLI's (the engine speaks to the host over gRPC, across versions).
# Other language hosts (yaml, go, python), only those named in $PULUMI_RDS_LANGUAGES (comma-separated):
# scripts/language-host.sh finds or builds each one and its folder is printed after the others.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[pulumi-cli] %s\n' "$*" >&2; }

sdk_version=$(node -p "require('@pulumi/pulumi/package.json').version" 2>/dev/null || true)
if [ -z "$sdk_version" ]; then
  sdk_version=$(cd "$repo_root" && node -p "require('@pulumi/pulumi/package.json').version")
fi
want=${PULUMI_CLI_VERSION:-v${sdk_version}}
want="v${want#v}"

version_of() { "$1/pulumi" version 2>/dev/null | tr -d '[:space:]'; }

usable() {
  local dir=$1
  [ -x "$dir/pulumi" ] || return 1
  local have
  have=$(version_of "$dir")
  if [ "$have" != "$want" ]; then
    log "ignoring $dir/pulumi: it is $have, wanted $want"
    return 1
  fi
}

cache_root=${PULUMI_RDS_CACHE:-$HOME/.cache/pulumi-redshift-datashare}
out="$cache_root/cli/$want/bin"
# The vendored source: shared/vendor/pulumi-language-nodejs in the nearest folder above the checkout
# that has it (a fresh clone or a worktree may sit deeper), else above the main checkout of a git
# worktree.
vendored_above() {
  local dir=$1
  while [ "$dir" != / ]; do
    dir=$(dirname "$dir")
    if [ -f "$dir/shared/vendor/pulumi-language-nodejs/go.mod" ]; then echo "$dir/shared/vendor/pulumi-language-nodejs"; return 0; fi
  done
  return 1
}
find_host_src() {
  local main_git
  vendored_above "$repo_root" && return
  if main_git=$(git -C "$repo_root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
    vendored_above "$(dirname "$main_git")" && return
  fi
  echo "$(cd "$repo_root/.." && pwd)/shared/vendor/pulumi-language-nodejs"
}
host_src=${PULUMI_LANGUAGE_NODEJS_SRC:-$(find_host_src)}

# The version of github.com/pulumi/pulumi/sdk/v3 the language host's source requires.
host_version() {
  awk '$1 == "github.com/pulumi/pulumi/sdk/v3" { print $2; exit }' "$host_src/go.mod"
}

# Builds pulumi-language-nodejs at $1 (its source's version) into $2.
build_language_host() {
  local version=$1 dest=$2
  if [ ! -f "$host_src/go.mod" ]; then
    log "the Pulumi Node.js language host (pulumi-language-nodejs) is not installed and its source is not at $host_src"
    log "install Pulumi the official way (https://www.pulumi.com/docs/install/), which ships it beside the CLI,"
    log "or set PULUMI_LANGUAGE_NODEJS_SRC to a copy of sdk/nodejs/cmd/pulumi-language-nodejs whose go.mod"
    log "requires pkg/v3 and sdk/v3 by version (\`go install\` cannot build it: its go.mod has local replace lines)"
    exit 1
  fi
  command -v go >/dev/null || { log "the Node.js language host is missing and Go is not installed, so it cannot be built"; exit 1; }
  local work="$cache_root/cli/build-language-nodejs-$version"
  rm -rf "$work"
  mkdir -p "$work" "$dest"
  cp -R "$host_src/." "$work/src"
  local started
  started=$(date +%s)
  log "building pulumi-language-nodejs $version from $host_src (a few minutes the first time)"
  if ! (cd "$work/src" && go build -trimpath -buildvcs=false -o "$work/pulumi-language-nodejs" \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" . >"$work/build.log" 2>&1); then
    log "go build of the language host failed; the last lines of $work/build.log:"; tail -20 "$work/build.log" >&2; exit 1
  fi
  mv "$work/pulumi-language-nodejs" "$dest/pulumi-language-nodejs"
  rm -rf "$work"
  log "built $dest/pulumi-language-nodejs in $(($(date +%s) - started)) s"
}

# Prints the folders of the other language hosts a test asked for ($PULUMI_RDS_LANGUAGES, comma-separated:
# yaml, go, python), found or built by scripts/language-host.sh; none unless asked, since each build takes minutes.
other_language_hosts() {
  local language
  local languages=${PULUMI_RDS_LANGUAGES:-}
  for language in ${languages//,/ }; do
    bash "$repo_root/scripts/language-host.sh" "$language" "$1" "$want"
  done
}

# Prints the folder of the Node.js language host for a CLI in $1 when it is not beside it, building
# the host into the cache when it is nowhere.
nodejs_host_dir() {
  local dir=$1
  [ -x "$dir/pulumi-language-nodejs" ] && return
  if [ "$dir" != "$out" ] && on_path=$(command -v pulumi-language-nodejs 2>/dev/null); then
    dirname "$on_path"
    return
  fi
  local version="$want" dest="$out"
  if [ -f "$host_src/go.mod" ]; then
    version=$(host_version)
    [ -n "$version" ] || { log "cannot read the sdk/v3 version from $host_src/go.mod"; exit 1; }
    dest="$cache_root/cli/$version/bin"
  fi
  if [ "$version" != "$want" ]; then
    log "the language host is built from its $version source; the CLI is $want"
  fi
  mkdir -p "$cache_root/cli"
  exec 8>"$cache_root/cli/.build-language-nodejs-$version.lock"
  flock 8
  [ -x "$dest/pulumi-language-nodejs" ] || build_language_host "$version" "$dest"
  [ "$dir" = "$dest" ] || echo "$dest"
}

# Prints the PATH folders for a usable CLI in $1, finding or building the language hosts.
finish() {
  echo "$1"
  nodejs_host_dir "$1"
  other_language_hosts "$1"
  exit 0
}

if [ -n "${PULUMI_CLI_DIR:-}" ] && usable "$PULUMI_CLI_DIR"; then finish "$PULUMI_CLI_DIR"; fi
if on_path=$(command -v pulumi 2>/dev/null); then
  dir=$(dirname "$on_path")
  if usable "$dir"; then finish "$dir"; fi
fi
if usable "$HOME/.pulumi/bin"; then finish "$HOME/.pulumi/bin"; fi

# The dynamic-provider host plugin is a small script of the @pulumi/pulumi package; beside the
# binary, the CLI finds it without a PATH entry. It resolves @pulumi/pulumi from the project.
place_plugin() {
  local plugin
  plugin=$(cd "$repo_root" && node -p "require.resolve('@pulumi/pulumi/package.json').replace(/package\\.json$/, 'pulumi-resource-pulumi-nodejs')")
  if ! cmp -s "$plugin" "$out/pulumi-resource-pulumi-nodejs"; then
    cp "$plugin" "$out/pulumi-resource-pulumi-nodejs.tmp.$$"
    chmod +x "$out/pulumi-resource-pulumi-nodejs.tmp.$$"
    mv "$out/pulumi-resource-pulumi-nodejs.tmp.$$" "$out/pulumi-resource-pulumi-nodejs"
  fi
}

if usable "$out"; then place_plugin; finish "$out"; fi

command -v go >/dev/null || { log "no Pulumi CLI was found and Go is not installed, so it cannot be built"; exit 1; }

lock="$cache_root/cli/.build-$want.lock"
mkdir -p "$cache_root/cli"
exec 9>"$lock"
if ! flock -n 9; then
  log "another process is building the Pulumi CLI $want; waiting for it"
  flock 9
  if usable "$out"; then place_plugin; finish "$out"; fi
fi

work="$cache_root/cli/build-$want"
rm -rf "$work"
mkdir -p "$work"
started=$(date +%s)
log "building the Pulumi CLI $want from its Go modules (the first build takes several minutes)"
log "work folder: $work"

# pkg/v3 names ../sdk in a replace directive, so `go install pkg@version` is refused.
# A throwaway module that requires pkg and sdk at the same version, and carries pkg's
# other replace lines, builds the same binary.
pkg_mod=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "github.com/pulumi/pulumi/pkg/v3@$want" | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).GoMod));')
{
  echo "module pulumi-cli-build"
  echo
  grep '^go ' "$pkg_mod"
  echo
  echo "require ("
  echo "	github.com/pulumi/pulumi/pkg/v3 $want"
  echo "	github.com/pulumi/pulumi/sdk/v3 $want"
  echo ")"
  echo
  grep '^replace ' "$pkg_mod" | grep -v '=> \.' || true
} >"$work/go.mod"
cat >"$work/tools.go" <<'GO'
//go:build tools

package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
GO

cd "$work"
log "resolving modules (go mod tidy)"
if ! go mod tidy >"$work/tidy.log" 2>&1; then
  log "go mod tidy failed; the last lines of $work/tidy.log:"; tail -20 "$work/tidy.log" >&2; exit 1
fi
log "compiling github.com/pulumi/pulumi/pkg/v3/cmd/pulumi (this is the slow part)"
mkdir -p "$work/bin"
(
  while sleep 30; do log "still compiling... ($(date +%T))"; done
) &
ticker=$!
trap 'kill $ticker 2>/dev/null || true' EXIT
if ! go build -trimpath -buildvcs=false -o "$work/bin/pulumi" \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$want" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >"$work/build.log" 2>&1; then
  log "go build failed; the last lines of $work/build.log:"; tail -20 "$work/build.log" >&2; exit 1
fi
kill $ticker 2>/dev/null || true

# Only the binary is replaced: a language host built into this folder for another CLI stays.
mkdir -p "$out"
mv -f "$work/bin/pulumi" "$out/pulumi"
place_plugin
log "built $($out/pulumi version) at $out in $(($(date +%s) - started)) s"
finish "$out"

#!/usr/bin/env bash
# Finds the Pulumi CLI, or builds it from its Go modules into a cache outside the repo tree.
# Prints the folder that holds the `pulumi` binary on stdout; progress goes to stderr.
#
# Order: $PULUMI_CLI_DIR, then `pulumi` on PATH, then ~/.pulumi/bin, then the build cache
# (${PULUMI_RDS_CACHE:-$HOME/.cache/pulumi-redshift-datashare}/cli/<version>/bin), building it there
# when it is missing. The version follows the installed @pulumi/pulumi package.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[pulumi-cli] %s\n' "$*" >&2; }

sdk_version=$(node -p "require('@pulumi/pulumi/package.json').version" 2>/dev/null || true)
if [ -z "$sdk_version" ]; then
  sdk_version=$(cd "$repo_root" && node -p "require('@pulumi/pulumi/package.json').version")
fi
want="v${sdk_version}"

version_of() { "$1/pulumi" version 2>/dev/null | tr -d '[:space:]'; }

usable() {
  local dir=$1
  [ -x "$dir/pulumi" ] || return 1
  local have
  have=$(version_of "$dir")
  if [ "$have" != "$want" ]; then
    log "ignoring $dir/pulumi: it is $have, the SDK needs $want"
    return 1
  fi
}

if [ -n "${PULUMI_CLI_DIR:-}" ] && usable "$PULUMI_CLI_DIR"; then
  echo "$PULUMI_CLI_DIR"; exit 0
fi
if on_path=$(command -v pulumi 2>/dev/null); then
  dir=$(dirname "$on_path")
  if usable "$dir"; then echo "$dir"; exit 0; fi
fi
if usable "$HOME/.pulumi/bin"; then echo "$HOME/.pulumi/bin"; exit 0; fi

cache_root=${PULUMI_RDS_CACHE:-$HOME/.cache/pulumi-redshift-datashare}
out="$cache_root/cli/$want/bin"

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

if usable "$out"; then place_plugin; echo "$out"; exit 0; fi

command -v go >/dev/null || { log "no Pulumi CLI was found and Go is not installed, so it cannot be built"; exit 1; }

lock="$cache_root/cli/.build-$want.lock"
mkdir -p "$cache_root/cli"
exec 9>"$lock"
if ! flock -n 9; then
  log "another process is building the Pulumi CLI $want; waiting for it"
  flock 9
  if usable "$out"; then place_plugin; echo "$out"; exit 0; fi
fi

work="$cache_root/cli/build-$want"
rm -rf "$work"
mkdir -p "$work"
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
if ! go build -trimpath -o "$work/bin/pulumi" \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$want" \
  github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >"$work/build.log" 2>&1; then
  log "go build failed; the last lines of $work/build.log:"; tail -20 "$work/build.log" >&2; exit 1
fi
kill $ticker 2>/dev/null || true

rm -rf "$out"
mkdir -p "$out"
mv "$work/bin/pulumi" "$out/pulumi"
place_plugin
log "built $($out/pulumi version) at $out"
echo "$out"

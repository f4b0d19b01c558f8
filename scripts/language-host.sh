#!/usr/bin/env bash
# Developer tool, called by scripts/pulumi-cli.sh for the languages in $PULUMI_RDS_LANGUAGES: finds
# the Pulumi language host `pulumi-language-<language>` (yaml, go or python) or builds it into the
# cache outside the repo tree, and prints the folder that holds it. Progress goes to stderr.
#
#   language-host.sh <language> <cli-dir> <cli-version>
#
# Found beside the CLI (an official install ships every host), then on PATH, then in the cache
# (${PULUMI_RDS_CACHE:-$HOME/.cache/pulumi-redshift-datashare}), else built there once (a lock
# keeps a second process from building the same host; it waits and reuses the result):
#   yaml    `go install github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$PULUMI_LANGUAGE_YAML_VERSION`
#           (default v1.25.0; its own release line), into language-hosts/yaml-<version>/
#   go      from the source in $PULUMI_LANGUAGE_GO_SRC (default shared/vendor/pulumi-language-go in the
#           nearest folder above the checkout that has it),
#   python  from $PULUMI_LANGUAGE_PYTHON_SRC (default shared/vendor/pulumi-language-python, likewise),
#           both at the CLI's version, into language-hosts/<language>-<cli-version>/; the Go module
#           proxy does not serve those two modules, and their go.mod in Pulumi's tree has local
#           `replace` lines, so `go install` cannot build them.
set -euo pipefail

language=$1
cli_dir=$2
want=$3
repo_root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[language-host] %s\n' "$*" >&2; }
binary="pulumi-language-$language"

if [ -x "$cli_dir/$binary" ]; then echo "$cli_dir"; exit 0; fi
if on_path=$(command -v "$binary" 2>/dev/null); then dirname "$on_path"; exit 0; fi

cache_root=${PULUMI_RDS_CACHE:-$HOME/.cache/pulumi-redshift-datashare}
case "$language" in
  yaml) version=${PULUMI_LANGUAGE_YAML_VERSION:-v1.25.0} ;;
  go | python) version=$want ;;
  *) log "unknown language host $language (yaml, go or python)"; exit 2 ;;
esac
out="$cache_root/language-hosts/$language-$version"
if [ -x "$out/$binary" ]; then echo "$out"; exit 0; fi

# shared/vendor/<name> in the nearest folder above the checkout that has one (a worktree sits deeper).
vendored_source() {
  local dir=$repo_root
  while [ "$dir" != / ]; do
    dir=$(dirname "$dir")
    if [ -f "$dir/shared/vendor/$1/go.mod" ]; then echo "$dir/shared/vendor/$1"; return; fi
  done
  echo "$(dirname "$repo_root")/shared/vendor/$1"
}

command -v go >/dev/null || { log "$binary is not installed and Go is not, so it cannot be built"; exit 1; }
mkdir -p "$cache_root/language-hosts"
exec 7>"$cache_root/language-hosts/.build-$language-$version.lock"
if ! flock -n 7; then
  log "another process is building $binary $version; waiting for it"
  flock 7
fi
if [ -x "$out/$binary" ]; then echo "$out"; exit 0; fi

work="$cache_root/language-hosts/build-$language-$version"
rm -rf "$work"
mkdir -p "$work"
stamp="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version"
started=$(date +%s)
log "building $binary $version (minutes the first time; the build log is $work/build.log)"
case "$language" in
  yaml)
    if ! GOBIN="$work/bin" go install -trimpath -buildvcs=false -ldflags "-s -w" \
      "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$version" >"$work/build.log" 2>&1; then
      log "go install failed; the last lines of $work/build.log:"; tail -20 "$work/build.log" >&2; exit 1
    fi
    ;;
  go | python)
    var="PULUMI_LANGUAGE_$(echo "$language" | tr '[:lower:]' '[:upper:]')_SRC"
    src=${!var:-$(vendored_source "pulumi-language-$language")}
    if [ ! -f "$src/go.mod" ]; then
      log "$binary is not installed and its source is not at $src: install Pulumi the official way"
      log "(https://www.pulumi.com/docs/install/), which ships it beside the CLI, or set $var"
      exit 1
    fi
    cp -R "$src/." "$work/src"
    if ! (cd "$work/src" && go build -trimpath -buildvcs=false -o "$work/bin/$binary" -ldflags "$stamp" . >"$work/build.log" 2>&1); then
      log "go build failed; the last lines of $work/build.log:"; tail -20 "$work/build.log" >&2; exit 1
    fi
    # The Python host runs this script, which it expects beside its own executable.
    if [ "$language" = python ]; then
      cp "$src/pulumi-language-python-exec" "$work/bin/" && chmod +x "$work/bin/pulumi-language-python-exec"
    fi
    ;;
esac
rm -rf "$out"
mv "$work/bin" "$out"
rm -rf "$work"
log "built $out/$binary in $(($(date +%s) - started)) s"
echo "$out"

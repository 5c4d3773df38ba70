#!/usr/bin/env bash
# Builds the packages into artifacts/packages and lists them with their sizes:
#   Genre.Core, Genre.Training, Genre.Web (libraries), Genre.Predict (the predict-only tool: a pointer package and its
#   Native AOT linux-x64 package), Genre.Cli (the full tool, with libtorch).
# --predict-only: the predict-only tool alone (what the package test installs).
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/packages
rm -rf "$out"
pack() { dotnet pack "$@" -c Release -nologo -v q -clp:ErrorsOnly; }

# The tool's pointer package, then its Native AOT package for this platform (dotnet pack -r publishes with ILC).
pack src/Genre.Cli.Predict/Genre.Cli.Predict.csproj
pack src/Genre.Cli.Predict/Genre.Cli.Predict.csproj -r linux-x64
if [[ " $* " != *" --predict-only "* ]]; then
  for project in src/Genre.Core src/Genre.Training src/Genre.Web src/Genre.Cli; do
    pack "$project"
  done
fi
ls -l "$out" | awk 'NR > 1 { printf "%10.1f MB  %s\n", $5 / 1048576, $9 }'

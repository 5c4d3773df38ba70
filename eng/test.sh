#!/usr/bin/env bash
# Runs every test: installs what is missing (first run only), builds, tests. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
eng/setup.sh --no-build
dotnet build Genre.slnx -c Release -nologo -v q -clp:ErrorsOnly
eng/pack.sh --predict-only   # the package test installs the predict-only tool from these
dotnet test --solution Genre.slnx -c Release --no-build "$@"

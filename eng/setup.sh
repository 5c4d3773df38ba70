#!/usr/bin/env bash
# Idempotent set-up for a Debian 12 machine: the native libraries the project calls, then a build.
# Safe to run again: every step first checks whether it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

quiet=0
for arg in "$@"; do [[ $arg == --quiet ]] && quiet=1; done
log() { (( quiet )) || printf '[setup] %s\n' "$*" >&2; }
sudo_() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# Debian 13 is used for libstdc++6 alone: pin it low before any install, so no other package (ffmpeg, say, whose
# decoder the m4a golden values depend on) comes from it, even where a trixie source already exists.
pin=/etc/apt/preferences.d/trixie-pin
if [[ ! -f $pin ]]; then
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' | sudo_ tee "$pin" >/dev/null
fi

need_apt=()
# Read the linker cache once: `ldconfig -p | grep -q` would die of SIGPIPE under pipefail and look like "missing".
ld_cache=$(ldconfig -p 2>/dev/null || true)
have_lib() { [[ $ld_cache == *"$1"* ]]; }
have_lib 'libsndfile.so.1' || need_apt+=(libsndfile1)
have_lib 'libsoxr.so.0'    || need_apt+=(libsoxr0)
have_lib 'librubberband.so.2' || need_apt+=(librubberband2)   # genre train --augment stretch
command -v ffmpeg   >/dev/null || need_apt+=(ffmpeg)
command -v espeak-ng >/dev/null || need_apt+=(espeak-ng)   # speech for the "not music" tests
command -v chromium >/dev/null || need_apt+=(chromium)
command -v clang    >/dev/null || need_apt+=(clang)
command -v ldconfig >/dev/null || need_apt+=(libc-bin)
# A one-node Slurm cluster for the shard tests (SlurmClusterTests); the daemons live in /usr/sbin, off a user's PATH.
[[ -x /usr/sbin/slurmctld ]] || need_apt+=(slurm-wlm)
[[ -x /usr/sbin/munged ]]    || need_apt+=(munge)

if (( ${#need_apt[@]} )); then
  log "installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_ apt-get update -qq
  # Packages with daemons (munge, slurmctld, slurmd) must not start them on install: the tests start their own.
  # Docker images already refuse with policy-rc.d; elsewhere one is put in place for the install alone.
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | sudo_ tee "$policy" >/dev/null && sudo_ chmod 755 "$policy" && own_policy=1
  fi
  sudo_ apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null
  if (( own_policy )); then sudo_ rm -f "$policy"; fi
fi

# TorchSharp's native shim needs GLIBCXX_3.4.32 (GCC 13+); Debian 12 ships GCC 12's libstdc++.
# Take libstdc++6 alone from Debian 13, pinned low so nothing else is upgraded by default.
find_libstdcxx() { ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {p=$NF} END {print p}'; }
libstdcxx=$(find_libstdcxx)
if ! grep -qa 'GLIBCXX_3.4.32' "${libstdcxx:-/nonexistent}" 2>/dev/null; then
  log "installing libstdc++6 from Debian 13 (TorchSharp needs GLIBCXX_3.4.32)"
  mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "${mirror:-http://deb.debian.org/debian}" | sudo_ tee /etc/apt/sources.list.d/trixie.sources >/dev/null
  export DEBIAN_FRONTEND=noninteractive
  sudo_ apt-get update -qq
  sudo_ apt-get install -y -q --no-install-recommends -t trixie libstdc++6 >/dev/null
  libstdcxx=$(find_libstdcxx)
  grep -qa 'GLIBCXX_3.4.32' "$libstdcxx" || { log "libstdc++ still lacks GLIBCXX_3.4.32"; exit 1; }
fi

if [[ " $* " != *" --no-build "* ]]; then
  log "building"
  dotnet build Genre.slnx -c Release -nologo -v q -clp:ErrorsOnly
fi
log "ready"

#!/usr/bin/env bash
# `systemd-analyze verify` on every role's systemd unit (rendered by render-units.yml). systemd-analyze needs no
# running systemd. It also checks that each Exec*= program exists: a unit whose programs are all on this machine
# is verified against this machine; one whose programs come from packages not installed here (Jitsi's, Grafana's,
# nginx) is verified in a scratch root holding the system's units and an empty stand-in for each such program,
# and the output names them. Any message from systemd-analyze fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."
export ANSIBLE_CONFIG=$PWD/ansible.cfg
UNIT_DIR=$(mktemp -d /tmp/hoinghi-units.XXXXXX)
trap 'rm -rf "$UNIT_DIR"' EXIT
ansible-playbook -i test/inventory --vault-password-file test/vault-password -e unit_dir="$UNIT_DIR" \
  test/render-units.yml > "$UNIT_DIR.render.log" || { cat "$UNIT_DIR.render.log"; exit 1; }
count=0
for unit in "$UNIT_DIR"/*.service "$UNIT_DIR"/*.timer; do
  name=$(basename "$unit")
  programs=$(sed -n 's/^Exec[A-Za-z]*=[-@:+!]*\([^ ]*\).*/\1/p' "$unit" | sort -u)
  missing=$(for p in $programs; do [ -x "$p" ] || echo "$p"; done)
  if [ -z "$missing" ]; then
    out=$(cd "$UNIT_DIR" && systemd-analyze verify "./$name" 2>&1) || { echo "$out"; echo "FAILED: $name"; exit 1; }
    how="on this machine"
  else
    root=$(mktemp -d /tmp/hoinghi-unit-root.XXXXXX)
    mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system"
    cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
    cp "$UNIT_DIR"/*.service "$UNIT_DIR"/*.timer "$root/etc/systemd/system/"
    for p in $programs; do mkdir -p "$root$(dirname "$p")"; printf '#!/bin/sh\n' > "$root$p"; chmod 755 "$root$p"; done
    out=$(systemd-analyze verify --root="$root" "$name" 2>&1) || { echo "$out"; rm -rf "$root"; echo "FAILED: $name"; exit 1; }
    rm -rf "$root"
    how="in a scratch root; not installed here, stood in for: $(echo $missing)"
  fi
  [ -z "$out" ] || { echo "$out"; echo "FAILED: $name (systemd-analyze printed the above)"; exit 1; }
  echo "ok  $name  verified $how"
  count=$((count + 1))
done
echo "$count units verified"

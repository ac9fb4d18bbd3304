#!/usr/bin/env bash
# The ansible/ checks, run by ansible/pom.xml at the end of `mvn -B verify` (after the jars this deploys are built):
#   1. ansible-playbook --syntax-check of site.yml with every inventory;
#   2. ansible-lint, production profile, on every role and playbook;
#   3. a real run of site.yml against this machine (connection=local) with test/inventory: PostgreSQL, Prosody,
#      visitor node v1 (its own Prosody, unit hoinghi-prosody-v1), the orchestrator and the collector are installed,
#      configured and started; then /health, a login, a site import and a booking through the API, the visitor
#      node's XMPP stream and HoiNghi's login there, `prosodyctl check config` on both rendered configs, a backup
#      and a restore into a scratch database;
#   4. a second run that must report changed=0;
#   5. `systemd-analyze verify` on every role's unit.
# Needs root (it installs Debian packages and creates service users). Without systemd as PID 1 (a container) the
# processes are started from their units' ExecStart by /usr/local/sbin/hoinghi-unit; the output says so. Every
# process this script started is stopped at the end. Any failed check fails the script; nothing is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
export ANSIBLE_CONFIG=$PWD/ansible.cfg ANSIBLE_FORCE_COLOR=0 ANSIBLE_NOCOLOR=1
VAULT=(--vault-password-file test/vault-password)
INVENTORY=test/inventory
ORCH=http://127.0.0.1:18380
UNITS=(hoinghi-collector hoinghi-orchestrator hoinghi-prosody-v1 hoinghi-prosody hoinghi-postgresql)
VNODE_PORT=18342
LOGS=$(mktemp -d /tmp/hoinghi-ansible-test.XXXXXX)
step() { printf '\n=== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root: the real run installs packages and creates service users"
for tool in ansible-playbook ansible-lint systemd-analyze prosodyctl java curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (.ci/run installs it)"
done
for jar in ../orchestrator/target/hoinghi-orchestrator.jar ../monitoring/collector/target/collector-0.1.0-SNAPSHOT.jar \
           ../media-node-config/target/media-node-config-0.1.0-SNAPSHOT-cli.jar; do
  [ -f "$jar" ] || fail "$jar is missing: build first (mvn -B verify or mvn -B -DskipTests package)"
done

stop_started() {
  for unit in "${UNITS[@]}"; do /usr/local/sbin/hoinghi-unit stop "$unit" || true; done
}
trap stop_started EXIT

step "1. syntax check of playbooks/site.yml with every inventory"
for inv in inventories/ministry inventories/single-host test/inventory; do
  ansible-playbook --syntax-check -i "$inv" "${VAULT[@]}" playbooks/site.yml
done

step "2. ansible-lint --profile production (every role and playbook)"
ansible-lint --profile production --offline playbooks/site.yml roles/*

step "3. real run against localhost (connection=local)"
if [ "$(cat /proc/1/comm)" = systemd ]; then
  echo "PID 1 is systemd: units are started and enabled by systemctl."
else
  echo "PID 1 is '$(cat /proc/1/comm)', not systemd: hoinghi-unit starts each process from its unit's ExecStart" \
       "(User, Group, WorkingDirectory, Environment[File], RuntimeDirectory, LimitNOFILE); Restart=, MemoryMax= and" \
       "sandboxing need systemd and are checked by systemd-analyze verify in step 5."
fi
echo "download.jitsi.org is unreachable here: prosody_jitsi_modules=false, Prosody runs without Jitsi's modules."
ORCH_LOG=/var/log/hoinghi-unit/hoinghi-orchestrator.log
ORCH_LOG_FROM=$(( $( [ -f "$ORCH_LOG" ] && wc -l < "$ORCH_LOG" || echo 0) + 1 ))
RUN1=0
time ansible-playbook -i "$INVENTORY" "${VAULT[@]}" playbooks/site.yml > "$LOGS/run1.log" 2>&1 || RUN1=$?
grep -E '^(TASK|changed|fatal)|started pid|localhost +:' "$LOGS/run1.log" || true
[ "$RUN1" = 0 ] || { tail -40 "$LOGS/run1.log"; fail "first run failed (log: $LOGS/run1.log)"; }
if [ -f /var/log/hoinghi-unit/launches.log ]; then
  echo "How the processes were started (hoinghi-unit, last launch of each):"
  for unit in "${UNITS[@]}"; do grep " $unit: started pid" /var/log/hoinghi-unit/launches.log | tail -1 || true; done
fi

step "3a. the orchestrator answers /health, a login, a site import and a booking"
curl -sf "$ORCH/health" | grep -q '"status":"UP"' || fail "/health is not UP"
curl -sf -D "$LOGS/login.h" -o /dev/null -H 'Content-Type: application/json' \
     -d '{"username":"admin","password":"test-admin-Hn2026"}' "$ORCH/login" || fail "the first administrator cannot log in"
TOKEN=$(sed -n 's/^[Ss]et-[Cc]ookie: JWT=\([^;]*\).*/\1/p' "$LOGS/login.h")
[ -n "$TOKEN" ] || fail "login answered without a JWT cookie"
AUTH=(-H "Authorization: Bearer $TOKEN")
HEALTH=$(curl -sf "${AUTH[@]}" "$ORCH/health")
echo "$HEALTH" | python3 -c '
import json, sys
details = json.load(sys.stdin)["details"]
print("health:", {name: d["status"] for name, d in details.items()})
assert details["jdbc"]["status"] == "UP", "database not UP"
assert details["xmpp"]["status"] == "UP", "XMPP (the deployed Prosody) not UP"'
printf '%s\n' 'code,name_vi,kind,region,parent_code,downlink_kbps,uplink_kbps,network,contact_name,contact_phone,contact_email,room_systems' \
  'BTP,Bộ Tư pháp,HQ,NORTH,,100000,100000,GOV_WAN,,,,' \
  'STP-DNG,Sở Tư pháp Đà Nẵng,PROVINCE_JUSTICE,CENTRAL,BTP,20000,10000,GOV_WAN,,,,' > "$LOGS/sites.csv"
IMPORTED=$(curl -sf "${AUTH[@]}" -H 'Content-Type: text/csv' --data-binary @"$LOGS/sites.csv" "$ORCH/api/v1/sites/import") \
  || fail "site import refused"
echo "import: $IMPORTED"
echo "$IMPORTED" | grep -q '"dryRun":false' || fail "site import did not write"
# The database outlives a run (a re-run on the same machine keeps /var/lib/postgresql), so an earlier run's meeting may
# hold a slot: a booking-clash moves to the next day, anything else fails at once.
FIRST_DAY=$((RANDOM % 300 + 30))
for offset in $(seq 0 19); do
  DAY=$(date -u -d "+$((FIRST_DAY + offset)) days" +%Y-%m-%d)
  BOOKED=$(curl -s -w '\n%{http_code}' "${AUTH[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: ansible-ci-$$-$RANDOM" \
    -d "{\"title\":\"Kiểm thử triển khai\",\"hostSite\":\"BTP\",\"start\":\"${DAY}T08:00\",\"end\":\"${DAY}T09:00\",\"invites\":[{\"site\":\"STP-DNG\"}]}" \
    "$ORCH/api/v1/meetings")
  echo "$BOOKED" | grep -q '"code":"booking-clash"' || break
  echo "$DAY is taken by an earlier run's meeting: trying the next day"
done
echo "$BOOKED" | head -c 300; echo
[ "$(echo "$BOOKED" | tail -1)" = 201 ] || [ "$(echo "$BOOKED" | tail -1)" = 200 ] || fail "booking refused"
echo "$BOOKED" | grep -q '"status":"BOOKED"' || fail "the meeting is not BOOKED"
curl -sf http://127.0.0.1:18390/health | grep -q UP || fail "collector /health is not UP"

step "3b. visitor node v1: its Prosody answers on $VNODE_PORT and HoiNghi's account logs in there"
python3 - "$VNODE_PORT" <<'PY' || fail "visitor node v1 does not answer an XMPP stream on $VNODE_PORT"
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=10)
s.sendall(b"<?xml version='1.0'?><stream:stream to='auth.meet.hoinghi.test' xmlns='jabber:client' "
          b"xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")
got = b""
while b"</stream:features>" not in got:
    chunk = s.recv(4096)
    if not chunk:
        break
    got += chunk
print("visitor node v1:", got.decode(errors="replace")[:300])
assert b"<stream:stream" in got and b"starttls" in got, "no stream header with STARTTLS"
PY
# The orchestrator logs every XMPP login (XmppSession); on the node its account is hoinghi@auth.<domain>.
if [ "$(cat /proc/1/comm)" = systemd ]; then orch_log() { journalctl -u hoinghi-orchestrator -b --no-pager; }
else orch_log() { tail -n +"$ORCH_LOG_FROM" "$ORCH_LOG"; }; fi
for _ in $(seq 60); do orch_log | grep -q 'XMPP logged in as hoinghi@auth.meet.hoinghi.test' && break; sleep 2; done
orch_log | grep -E 'XMPP (logged in|connect|connection)' | tail -5
orch_log | grep -q 'XMPP logged in as hoinghi@auth.meet.hoinghi.test' \
  || fail "the orchestrator did not log in on visitor node v1 (hoinghi@auth.meet.hoinghi.test)"

step "3c. prosodyctl check config on the deployed (rendered) configs: main Prosody and visitor node v1"
for cfg in /etc/hoinghi/prosody /etc/hoinghi/prosody-v1; do
  ( set -a; . "$cfg/prosody.env"; set +a; prosodyctl --config "$cfg/prosody.cfg.lua" check config ) \
    | tee "$LOGS/prosody-check.log"
  grep -q 'All checks passed' "$LOGS/prosody-check.log" || fail "prosodyctl check config found problems in $cfg"
done

step "3d. backup, then restore into a scratch database and compare"
DUMP=$(/usr/local/sbin/hoinghi-pg-backup)
echo "backup: $DUMP"
SCRATCH=hoinghi_restore_check
psql_admin() { runuser -u postgres -- psql -h /run/hoinghi-postgresql -p 18332 -XAtq "$@"; }
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $SCRATCH"
/usr/local/sbin/hoinghi-pg-restore "$DUMP" "$SCRATCH"
COUNTS="SELECT (SELECT count(*) FROM hoinghi.site) || ' sites, ' || (SELECT count(*) FROM hoinghi.meeting) || ' meetings, ' || (SELECT count(*) FROM hoinghi.audit_log) || ' audit rows'"
LIVE=$(psql_admin -d hoinghi -c "$COUNTS"); RESTORED=$(psql_admin -d "$SCRATCH" -c "$COUNTS")
echo "live: $LIVE; restored: $RESTORED"
[ "$LIVE" = "$RESTORED" ] || fail "restored database differs from the live one"
psql_admin -d postgres -c "DROP DATABASE $SCRATCH"

step "4. second run: must change nothing"
time ansible-playbook -i "$INVENTORY" "${VAULT[@]}" playbooks/site.yml > "$LOGS/run2.log" 2>&1 \
  || { tail -40 "$LOGS/run2.log"; fail "second run failed (log: $LOGS/run2.log)"; }
grep -B2 -E '^changed:' "$LOGS/run2.log" || true
RECAP=$(grep -E '^localhost +:' "$LOGS/run2.log")
echo "$RECAP"
echo "$RECAP" | grep -q 'changed=0 ' || fail "second run changed something (log: $LOGS/run2.log)"

step "5. systemd-analyze verify on every role's unit"
test/verify-units.sh

echo
echo "ansible checks passed (logs: $LOGS)"

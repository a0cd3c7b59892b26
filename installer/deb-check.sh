#!/usr/bin/env bash
# Done-when check for the Debian package (issue 8), on a Debian/Ubuntu machine, as root:
#   install the .deb with apt -> the installed launcher runs --version and (headless) self-test ->
#   the desktop entry exists, and its Exec line opens a ChartLens window (under Xvfb) ->
#   the user signs in to the demo EHR and syncs a patient -> an upgrade keeps that cache and
#   sign-in -> apt-get remove leaves the user's data -> purge too.
# It runs the app as a throwaway user (chartlens-check) so the data lands in a real per-user
# folder (~/.local/share/chartlens), and deletes that user at the end (--keep-user keeps it).
# Every command is echoed with "$ " before it runs; the log is what docs/installer.md quotes.
# Exit status 0 only if every check passed.
#
# Usage: installer/deb-check.sh [--no-gui] [--keep-user]
#   --no-gui     skip the desktop-entry launch under Xvfb (then no xvfb/x11-utils install)
#   Environment: SELF_TEST_TIMEOUT (default 300 s), GUI_WAIT (seconds to wait for the window, 60)
set -uo pipefail
cd "$(dirname "$0")/.."

CHECK_USER=chartlens-check
SELF_TEST_TIMEOUT=${SELF_TEST_TIMEOUT:-300}
GUI_WAIT=${GUI_WAIT:-60}
gui=yes
keep_user=no
for a in "$@"; do
    case "$a" in
        --no-gui) gui=no ;;
        --keep-user) keep_user=yes ;;
        *) echo "usage: $0 [--no-gui] [--keep-user]" >&2; exit 2 ;;
    esac
done

failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
show() { echo "\$ $*"; "$@"; }                       # echo, then run
as_user() { runuser -u "$CHECK_USER" -- env -u DISPLAY -u WAYLAND_DISPLAY "$@"; }
# No desktop keyring in a headless check: the app's file secret store, passphrase from the environment.
as_user_env() { as_user CHARTLENS_SECRET_STORE=file CHARTLENS_PASSPHRASE=deb-check-passphrase "$@"; }
PATIENT=1d032331-37ec-ccb6-f124-441110084906   # a demo patient (same as the e2e test)
stop_tree() { for pid in $(ps --ppid "$1" -o pid= 2>/dev/null) "$1"; do kill "$pid" 2>/dev/null; done; }
data_dir="/home/$CHECK_USER/.local/share/chartlens"
data_digest() { (cd "$data_dir" 2>/dev/null && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }

[ "$(id -u)" -eq 0 ] || { echo "deb-check: run as root (it installs and removes a package)"; exit 2; }
command -v apt-get >/dev/null || { echo "deb-check: needs apt-get (Debian/Ubuntu)"; exit 2; }
debs=(target/installer/chartlens_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    echo "deb-check: expected exactly one target/installer/chartlens_*.deb (build: mvn -B -Pinstaller -DskipTests package)"
    exit 2
fi
deb=${debs[0]}
export DEBIAN_FRONTEND=noninteractive

echo "== machine"
show sh -c '. /etc/os-release; echo "$PRETTY_NAME, $(uname -m)"'
show ls -l "$deb"
if dpkg -s chartlens >/dev/null 2>&1; then
    echo "chartlens is already installed; removing it first so the check starts clean"
    show apt-get remove -y -qq chartlens >/dev/null
fi
if ! id "$CHECK_USER" >/dev/null 2>&1; then
    show useradd --create-home --shell /bin/sh "$CHECK_USER"
fi

echo
echo "== install"
show apt-get update -qq
apt_run() {   # apt_run LOG ARGS...: echo the command, run it, keep its output in LOG; returns apt's status
    local log=$1
    shift
    echo "\$ apt-get $*"
    apt-get "$@" >"$log" 2>&1
}
installed() { [ "$(dpkg-query -W -f='${Status}' chartlens 2>/dev/null)" = "install ok installed" ]; }
apt_run /tmp/chartlens-apt.log install -y "./$deb"; rc=$?
grep -E "^(Need to get|After this operation|Unpacking chartlens|Setting up chartlens|E:)|chartlens" /tmp/chartlens-apt.log | grep -v "^  " | cut -c1-160
echo "($(sed -n '/^The following NEW packages/,/^[0-9]/p' /tmp/chartlens-apt.log | grep '^  ' | wc -w) new packages, chartlens and its dependencies)"
if [ $rc -eq 0 ] && installed; then
    pass "installed: $(dpkg-query -W -f='${Package} ${Version}' chartlens)"
else
    fail "apt-get install failed (exit $rc): $(grep -E 'E:|error' /tmp/chartlens-apt.log | head -n 3 | tr '\n' ' ')"
    exit 1
fi
show dpkg-query -W -f='Depends: ${Depends}\nInstalled-Size: ${Installed-Size} KiB\n' chartlens

echo
echo "== the installed launcher, as user $CHECK_USER, no display"
show ls -l /usr/bin/chartlens
out=$(as_user chartlens --version 2>&1); rc=$?
echo "\$ chartlens --version"; echo "$out"
if [ $rc -eq 0 ] && [[ "$out" == *ChartLens* ]]; then pass "chartlens --version"; else fail "chartlens --version: exit $rc"; fi

echo "\$ chartlens self-test"
start=$(date +%s)
out=$(as_user timeout --kill-after=10 "$SELF_TEST_TIMEOUT" chartlens self-test 2>&1); rc=$?
echo "$out"
if [ $rc -eq 0 ]; then
    pass "chartlens self-test ($(( $(date +%s) - start )) s)"
else
    fail "chartlens self-test: exit $rc ($(echo "$out" | tail -n 1))"
fi

# Checking tools (not ChartLens dependencies): desktop-file-validate, and Xvfb + xwininfo for the window.
need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
if [ "$gui" = yes ]; then
    command -v Xvfb >/dev/null || need+=(xvfb)
    command -v xwininfo >/dev/null || need+=(x11-utils)
fi
if [ ${#need[@]} -gt 0 ]; then
    apt_run /tmp/chartlens-apt.log install -y "${need[@]}" || fail "could not install the checking tools ${need[*]}"
fi

echo
echo "== desktop entry"
desktop=$(ls /usr/share/applications/chartlens-*.desktop 2>/dev/null | head -n 1)
if [ -n "$desktop" ]; then
    show cat "$desktop"
    exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)
    icon=$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)
    if [ -x "${exec_line%% *}" ] && [ -f "$icon" ]; then
        pass "desktop entry $desktop (Exec and Icon exist)"
    else
        fail "desktop entry $desktop: Exec '${exec_line}' or Icon '${icon}' missing"
    fi
    if command -v desktop-file-validate >/dev/null; then
        if show desktop-file-validate "$desktop"; then pass "desktop-file-validate"; else fail "desktop-file-validate"; fi
    fi
else
    fail "no /usr/share/applications/chartlens-*.desktop after install"
    exec_line=/opt/chartlens/bin/ChartLens
fi

if [ "$gui" = yes ]; then
    echo
    echo "== start ChartLens from the desktop entry (Exec line) on a virtual display"
    # A real window: named, of the app (name or class mentions ChartLens), at least 200x200
    # (GTK's 10x10 "ChartLens" group leader never shows and must not count).
    app_windows() {
        DISPLAY=:97 xwininfo -root -tree 2>/dev/null | grep -i 'chartlens' | grep -v 'has no name' \
            | awk '{ if (match($0, /[0-9]+x[0-9]+[+-]/)) { split(substr($0, RSTART, RLENGTH - 1), wh, "x");
                     if (wh[1] >= 200 && wh[2] >= 200) print } }' | sed 's/^ *//'
    }
    Xvfb :97 -screen 0 1600x1000x24 -nolisten tcp -ac >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 2
    echo "\$ DISPLAY=:97 $exec_line    # as $CHECK_USER"
    runuser -u "$CHECK_USER" -- env DISPLAY=:97 $exec_line >/tmp/chartlens-gui.log 2>&1 &
    app_pid=$!
    window=""
    for _ in $(seq 1 "$GUI_WAIT"); do
        kill -0 $app_pid 2>/dev/null || break
        window=$(app_windows | head -n 1)
        [ -n "$window" ] && break
        sleep 1
    done
    if [ -n "$window" ]; then
        sleep 3
        echo "\$ DISPLAY=:97 xwininfo -root -tree     # the app's named windows of at least 200x200"
        app_windows
        if [ -x /usr/bin/import ]; then
            DISPLAY=:97 /usr/bin/import -window root target/installer/deb-check-window.png 2>/dev/null \
                && echo "screenshot: target/installer/deb-check-window.png"
        fi
        pass "the desktop entry opened a ChartLens window"
    elif kill -0 $app_pid 2>/dev/null; then
        fail "no ChartLens window within ${GUI_WAIT} s (the app is still running)"
    else
        fail "the app exited without a window: $(tail -n 3 /tmp/chartlens-gui.log | tr '\n' ' ')"
    fi
    # stop what this script started, by process id: the launcher (runuser's child), runuser, Xvfb
    for pid in $(ps --ppid $app_pid -o pid= 2>/dev/null) $app_pid $xvfb_pid; do
        kill "$pid" 2>/dev/null
    done
    wait 2>/dev/null
fi

echo
echo "== real use as $CHECK_USER: demo EHR, sign-in, sync one patient (this is the data an upgrade must keep)"
logs=$(mktemp -d)
chmod 755 "$logs"
echo "\$ chartlens sandbox --auto-approve &"
as_user_env chartlens sandbox --auto-approve >"$logs/sandbox" 2>&1 &
sbx_pid=$!
for _ in $(seq 1 120); do grep -q "^FHIR base: " "$logs/sandbox" && break; kill -0 $sbx_pid 2>/dev/null || break; sleep 1; done
grep "^FHIR base: " "$logs/sandbox" || fail "the demo EHR did not start: $(tail -n 2 "$logs/sandbox" | tr '\n' ' ')"
echo "\$ chartlens login demo --no-browser &      # then the printed URL is opened with curl, as a browser would"
as_user_env chartlens login demo --no-browser >"$logs/login" 2>&1 &
login_pid=$!
url=""
for _ in $(seq 1 90); do
    url=$(sed -n 's/^Open: //p' "$logs/login" | head -n 1)
    [ -n "$url" ] && break
    kill -0 $login_pid 2>/dev/null || break
    sleep 1
done
if [ -n "$url" ]; then
    code=$(curl -s -L -c "$logs/cookies" -b "$logs/cookies" -o /dev/null -w '%{http_code}' "$url")
    echo "(browser step: HTTP $code)"
fi
wait $login_pid; rc=$?
cat "$logs/login" | grep -v "^Open: "
if [ $rc -eq 0 ]; then pass "chartlens login demo --no-browser"; else fail "login: exit $rc"; fi
echo "\$ chartlens sync demo --patient $PATIENT"
as_user_env timeout 300 chartlens sync demo --patient "$PATIENT" >"$logs/sync" 2>"$logs/sync.err"; rc=$?
cat "$logs/sync"
if [ $rc -eq 0 ]; then pass "chartlens sync"; else fail "sync: exit $rc ($(tail -n 1 "$logs/sync.err"))"; fi
stop_tree $sbx_pid
wait $sbx_pid 2>/dev/null
echo "\$ chartlens patients"
as_user_env chartlens patients >"$logs/patients.before" 2>&1
cat "$logs/patients.before"
echo "\$ chartlens org status demo"
as_user_env chartlens org status demo >"$logs/status.before" 2>&1
cat "$logs/status.before"
if grep -q "$PATIENT" "$logs/patients.before" && grep -q "signed in: yes" "$logs/status.before"; then
    pass "the user has a cached patient and a sign-in"
else
    fail "no cached patient or no sign-in to carry over"
fi

echo
echo "== the user's data folder"
if [ -d "$data_dir" ]; then
    mode=$(stat -c %a "$data_dir")
    if [ "$mode" = 700 ]; then pass "$data_dir exists, owner-only ($mode)"; else fail "$data_dir has mode $mode (expected 700)"; fi
else
    echo "(the app did not create $data_dir; creating it as the user, as the app would)"
    as_user mkdir -p -m 700 "$data_dir"
fi
# Stands in for the cache and sign-ins: any file the user has there must survive.
as_user sh -c "echo 'written before upgrade/remove' > '$data_dir/deb-check-marker.txt'"
show sh -c "ls -la '$data_dir'"
data_digest >/tmp/chartlens-data.before

echo
echo "== upgrade (the same package with the next Debian revision)"
old_version=$(dpkg-query -W -f='${Version}' chartlens)
new_version="${old_version%-*}-$(( ${old_version##*-} + 1 ))"
work=$(mktemp -d)
show dpkg-deb -R "$deb" "$work/pkg"
sed -i "s/^Version: .*/Version: $new_version/" "$work/pkg/DEBIAN/control"
show dpkg-deb -Znone -b "$work/pkg" "$work/chartlens_upgrade.deb" >/dev/null
apt_run /tmp/chartlens-apt.log install -y "$work/chartlens_upgrade.deb"; rc=$?
grep -E "^(Preparing|Unpacking|Setting up|E:)" /tmp/chartlens-apt.log
rm -rf "$work"
now=$(dpkg-query -W -f='${Version}' chartlens)
if [ $rc -eq 0 ] && installed && [ "$now" = "$new_version" ]; then
    pass "upgraded $old_version -> $now"
else
    fail "upgrade failed (exit $rc, version now $now)"
fi
if as_user chartlens --version >/dev/null 2>&1 && [ -n "$(ls /usr/share/applications/chartlens-*.desktop 2>/dev/null)" ]; then
    pass "launcher and desktop entry work after the upgrade"
else
    fail "launcher or desktop entry broken after the upgrade"
fi
if data_digest | cmp -s - /tmp/chartlens-data.before; then pass "user data unchanged by the upgrade"; else fail "user data changed by the upgrade"; fi
echo "\$ chartlens patients; chartlens org status demo      # after the upgrade"
as_user_env chartlens patients >"$logs/patients.after" 2>&1
as_user_env chartlens org status demo >"$logs/status.after" 2>&1
cat "$logs/patients.after" "$logs/status.after"
if grep -q "$PATIENT" "$logs/patients.after" && cmp -s "$logs/patients.before" "$logs/patients.after" \
        && grep -q "signed in: yes" "$logs/status.after"; then
    pass "after the upgrade: the same cached patients, still signed in"
else
    fail "after the upgrade the cache or the sign-in is gone"
fi
data_digest >/tmp/chartlens-data.before   # the runs above may rewrite the cache; remove must keep this state

echo
echo "== uninstall"
apt_run /tmp/chartlens-apt.log remove -y chartlens; rc=$?
grep -E "^(Removing|E:)" /tmp/chartlens-apt.log
status=$(dpkg-query -W -f='${Status}' chartlens 2>/dev/null)
if [ $rc -eq 0 ] && [ "$status" = "deinstall ok config-files" ]; then
    pass "removed (dpkg status: $status)"
else
    fail "apt-get remove failed (exit $rc, dpkg status: $status)"
fi
left=$(ls -d /opt/chartlens /usr/bin/chartlens /usr/share/applications/chartlens-*.desktop 2>/dev/null)
if [ -z "$left" ]; then pass "no program files, link or desktop entry left"; else fail "left behind: $left"; fi
show sh -c "ls -la '$data_dir'"
if data_digest | cmp -s - /tmp/chartlens-data.before; then pass "user data survived apt-get remove"; else fail "user data changed by apt-get remove"; fi
apt_run /tmp/chartlens-apt.log purge -y chartlens; rc=$?
grep -E "^(Purging|ChartLens|E:)" /tmp/chartlens-apt.log
if [ $rc -eq 0 ] && ! dpkg-query -W chartlens >/dev/null 2>&1; then pass "purged"; else fail "apt-get purge failed (exit $rc)"; fi
if data_digest | cmp -s - /tmp/chartlens-data.before; then pass "user data survived apt-get purge"; else fail "user data changed by apt-get purge"; fi
echo "(a user deletes their own data with: rm -rf ~/.local/share/chartlens)"

if [ "$keep_user" = no ]; then
    userdel --remove "$CHECK_USER" 2>/dev/null
fi
rm -rf /tmp/chartlens-data.before /tmp/chartlens-gui.log /tmp/chartlens-apt.log "$logs"

echo
if [ $failures -eq 0 ]; then
    echo "deb-check: all checks passed"
    exit 0
fi
echo "deb-check: $failures check(s) failed"
exit 1

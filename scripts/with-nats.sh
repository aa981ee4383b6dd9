#!/usr/bin/env bash
# Runs a command with a throw-away NATS server (JetStream on) on 127.0.0.1 and stops it afterwards.
#
#   scripts/with-nats.sh [--install] [--allow-restart] COMMAND [ARGS...]
#
# The server comes from the Debian package (nats-server): JetStream enabled, its store in a
# temporary folder, a free port, listening on 127.0.0.1 only. The command sees
#   CROSSCHECK_TEST_NATS="nats://127.0.0.1:PORT"
# which the queue tests read (without it they are skipped). With --allow-restart it also sets
#   CROSSCHECK_TEST_NATS_RESTART  a shell command that restarts the server on the same port and
#                                 store (for fault tests; only the queue tests use this server).
# The script exits with the command's exit code. With --install, a missing server is installed with
# apt-get first (root only); without it, a missing server only prints a note and the command runs
# without the variable.
set -euo pipefail

script_name=with-nats
# shellcheck source=scripts/test-server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/test-server-common.sh"

if ! command -v nats-server >/dev/null; then
    if $install && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "with-nats: installing nats-server from Debian packages" >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null
    else
        echo "with-nats: no nats-server found; running without it, NATS tests will be skipped" >&2
        exec "$@"
    fi
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-nats.XXXXXX")
port=$(free_port)
pid_file="$dir/nats.pid"

# start and stop are also written as a script, so the restart command works from any process.
cat >"$dir/control.sh" <<SCRIPT
#!/usr/bin/env bash
set -euo pipefail
stop() {
    [[ -f '$pid_file' ]] || return 0
    local pid; pid=\$(cat '$pid_file')
    kill "\$pid" 2>/dev/null || true
    for _ in \$(seq 1 100); do kill -0 "\$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "\$pid" 2>/dev/null || true
    rm -f '$pid_file'
}
start() {
    nats-server -js -a 127.0.0.1 -p $port -sd '$dir/store' -P '$pid_file' >>'$dir/server.log' 2>&1 </dev/null &
    for _ in \$(seq 1 100); do
        if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "with-nats: the server did not start:" >&2; cat '$dir/server.log' >&2; return 1
}
case "\$1" in
    start) start ;;
    stop) stop ;;
    restart) stop; start ;;
esac
SCRIPT
chmod +x "$dir/control.sh"

stop_server() {
    "$dir/control.sh" stop || true
    rm -rf "$dir"
}
trap stop_server EXIT
trap "exit 130" INT
trap "exit 143" TERM

"$dir/control.sh" start

export CROSSCHECK_TEST_NATS="nats://127.0.0.1:$port"
if $allow_restart; then
    export CROSSCHECK_TEST_NATS_RESTART="'$dir/control.sh' restart"
else
    unset CROSSCHECK_TEST_NATS_RESTART
fi
echo "with-nats: nats-server $(nats-server --version | awk '{print $2}') on 127.0.0.1:$port with JetStream (CROSSCHECK_TEST_NATS set)" >&2

set +e
"$@"
status=$?
set -e
exit $status

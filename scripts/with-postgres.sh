#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL server on 127.0.0.1 and stops it afterwards.
#
#   scripts/with-postgres.sh [--install] [--allow-restart] COMMAND [ARGS...]
#
# The server comes from the Debian packages (postgresql-15): a new cluster in a temporary folder,
# trust authentication, a free port, listening on 127.0.0.1 only. The command sees
#   CROSSCHECK_TEST_POSTGRES="Host=127.0.0.1;Port=PORT;Username=postgres;Database=postgres"
# which the PostgreSQL tests read (without it they are skipped). With --allow-restart it also sets
#   CROSSCHECK_TEST_POSTGRES_RESTART  a shell command that restarts the server (for fault tests);
# off by default, because a restart would break other test assemblies using the server meanwhile.
# The script exits with the command's exit code. With --install, a missing server is installed with apt-get first (root only);
# without it, a missing server only prints a note and the command runs without the variable.
set -euo pipefail

script_name=with-postgres
# shellcheck source=scripts/test-server-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/test-server-common.sh"

pg_bin=""
find_server() {
    for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then pg_bin="$dir"; return 0; fi
    done
    return 1
}

if ! find_server; then
    if $install && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "with-postgres: installing postgresql-15 from Debian packages" >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null \
            || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        find_server || { echo "with-postgres: installed, but no initdb found under /usr/lib/postgresql" >&2; exit 1; }
    else
        echo "with-postgres: no PostgreSQL server found (/usr/lib/postgresql/15/bin/initdb); running without it, PostgreSQL tests will be skipped" >&2
        exec "$@"
    fi
fi

# initdb refuses to run as root: the cluster belongs to the postgres user then.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then su -s /bin/sh postgres -c "$1"; else sh -c "$1"; fi
}

data_dir=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-pg.XXXXXX")
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$data_dir"; fi
chmod 700 "$data_dir"
port=$(free_port)
cluster="$data_dir/data"

stop_server() {
    if [[ -f "$cluster/postmaster.pid" ]]; then
        as_owner "'$pg_bin/pg_ctl' -D '$cluster' -m fast -w stop" >/dev/null 2>&1 || true
    fi
    rm -rf "$data_dir"
}
trap stop_server EXIT
trap "exit 130" INT
trap "exit 143" TERM

as_owner "'$pg_bin/initdb' -D '$cluster' -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >"$data_dir/initdb.log" 2>&1 \
    || as_owner "'$pg_bin/initdb' -D '$cluster' -U postgres --auth=trust --encoding=UTF8 --locale=C" >"$data_dir/initdb.log" 2>&1 \
    || { echo "with-postgres: initdb failed:" >&2; cat "$data_dir/initdb.log" >&2; exit 1; }
# fsync off: a test cluster is thrown away, and it makes the tests much faster.
as_owner "'$pg_bin/pg_ctl' -D '$cluster' -l '$data_dir/server.log' -w -t 60 \
    -o \"-p $port -c listen_addresses=127.0.0.1 -k '$data_dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start" >/dev/null \
    || { echo "with-postgres: the server did not start:" >&2; cat "$data_dir/server.log" >&2; exit 1; }

export CROSSCHECK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
# pg_ctl restart reuses the options the server was started with (postmaster.opts).
if ! $allow_restart; then
    unset CROSSCHECK_TEST_POSTGRES_RESTART
elif [[ $(id -u) -eq 0 ]]; then
    export CROSSCHECK_TEST_POSTGRES_RESTART="su -s /bin/sh postgres -c \"'$pg_bin/pg_ctl' -D '$cluster' -l '$data_dir/server.log' -m fast -w -t 60 restart\" >/dev/null"
else
    export CROSSCHECK_TEST_POSTGRES_RESTART="'$pg_bin/pg_ctl' -D '$cluster' -l '$data_dir/server.log' -m fast -w -t 60 restart >/dev/null"
fi
echo "with-postgres: PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (CROSSCHECK_TEST_POSTGRES set)" >&2

set +e
"$@"
status=$?
set -e
exit $status

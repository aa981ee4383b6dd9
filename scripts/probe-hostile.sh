#!/usr/bin/env bash
# Runs the hostile-input and server probes (bad input named, other inputs kept) as commands and prints one line per probe:
#
#   PROBE | exit CODE (expected) | the line the user sees
#
# CODE is the command's exit code, or the HTTP status of a request (or, for the password probes, how
# many times the password was printed).
#
#   scripts/probe-hostile.sh [--memory]
#
# CROSSCHECK names the CLI to probe (default: a Release build made into a temporary folder).
# --memory adds the batch-memory probe (eight ~31 MB text files in one ingest, peak resident memory
# from /usr/bin/time; about a minute and 250 MB of disk). Under scripts/with-postgres.sh and
# scripts/with-nats.sh the PostgreSQL start-up line, `status` on PostgreSQL and `status --queue` are
# probed too. Nothing leaves 127.0.0.1. Exit code 1 when a probe's exit code is not the expected one.
set -uo pipefail
cd "$(dirname "$0")/.."

memory=false
[[ ${1:-} == --memory ]] && memory=true

work=$(mktemp -d /tmp/crosscheck-probe-XXXXXX)
server_pid=""
cleanup() {
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    chmod -R u+rwx "$work" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

if [[ -z ${CROSSCHECK:-} ]]; then
    echo "building the CLI (Release) into $work/cli ..." >&2
    dotnet build src/Crosscheck.Cli -c Release -o "$work/cli" -v q -nologo >"$work/build.log" 2>&1 \
        || { cat "$work/build.log" >&2; exit 1; }
    CROSSCHECK="$work/cli/crosscheck"
fi
cc() { "$CROSSCHECK" "$@"; }

failures=0
# report NAME EXPECTED ACTUAL LINE
report() {
    local mark=""
    [[ $2 != "$3" ]] && { mark="  <-- expected exit $2"; failures=$((failures + 1)); }
    printf '%-34s | exit %s (%s) | %s%s\n' "$1" "$3" "$2" "$4" "$mark"
}
# The lines of a run worth showing: errors, skips and the summary, not progress.
lines() { grep -vE '^(reading|clustering|extracting|reprocessing|next:) ' "$1" | grep -vE '^\s*$' | awk '{ printf "%s%s", (NR > 1 ? " // " : ""), $0 }'; }
# probe NAME EXPECTED_EXIT COMMAND...: runs a CLI command, reports its exit code and lines.
probe() {
    local name=$1 expected=$2; shift 2
    "$@" >"$work/out" 2>&1
    local code=$?
    report "$name" "$expected" "$code" "$(lines "$work/out")"
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

in=$work/in
mkdir -p "$in"
cd "$work" || exit 1

# --- Inputs -----------------------------------------------------------------------------------------
printf '%s\n' '{"title": "Cut \ud800", "text": "Ferry timetable cut for the winter \udc00 after the operator ran short of crew."}' \
    '{"title": "Harbour", "text": "The harbour reopened on Tuesday after two days of storms, the port authority said in a statement."}' >"$in/surrogate.jsonl"
probe "lone surrogate in JSONL" 0 cc ingest "$in/surrogate.jsonl" --db jsonl.db

cat >"$in/surrogate-feed.json" <<'EOF'
{"version": "https://jsonfeed.org/version/1.1", "title": "Port news", "items": [
 {"id": "1", "url": "https://port.example/a", "title": "Cut \ud800", "content_text": "Ferry timetable cut for the winter \udc00 after the operator ran short of crew."},
 {"id": "2", "url": "https://port.example/b", "title": "Harbour", "content_text": "The harbour reopened on Tuesday after two days of storms, the port authority said."}]}
EOF
probe "lone surrogate in JSON Feed" 0 cc ingest "$in/surrogate-feed.json" --db feed.db

cat >"$in/surrogate-ld.html" <<'EOF'
<html><head><title>Ferry</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cut \ud800 here"}</script></head>
<body><article><h1>Ferry cut</h1><p>Ferry timetable cut for the winter after the operator ran short of crew, the council said on Monday evening.</p>
<p>Passengers will have two sailings a day instead of five until March, the operator said.</p></article></body></html>
EOF
probe "lone surrogate in JSON-LD" 0 cc ingest "$in/surrogate-ld.html" --db ld.db
# The body is kept: a word of its second paragraph finds the article.
probe "  its body, searched" 0 cc search sailings --db ld.db

python3 - "$in" <<'EOF'
import sys
d = sys.argv[1]
ok = '<item><title>Harbour reopens</title><link>https://port.example/ok</link><description>The harbour reopened on Tuesday after two days of storms, the port authority said.</description></item>'
open(f"{d}/tag-like.xml", "w").write('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Big</title><link>https://port.example/big</link><description>'
    + "&lt;b" * (15 * 1024 * 1024 // 5) + '</description></item>' + ok + '</channel></rss>')
comment = "<!--" + "x" * 70000 + "-->"
open(f"{d}/entity-late.xml", "w").write('<?xml version="1.0"?>' + comment + '<!DOCTYPE rss [<!ENTITY e "boom">]><rss version="2.0"><channel><title>T</title><item><title>&e;</title><link>https://port.example/e</link><description>The harbour reopened.</description></item></channel></rss>')
open(f"{d}/comment-long.xml", "w").write('<?xml version="1.0"?>' + comment + '<rss version="2.0"><channel><title>T</title>' + ok + '</channel></rss>')
with open(f"{d}/long-line.jsonl", "w") as f:
    f.write('{"title": "Harbour", "text": "The harbour reopened on Tuesday after two days of storms, the port authority said."}\n')
    f.write('{"title": "huge", "text": "' + "a" * 20_000_000 + '"}\n')
    f.write('{"title": "Ferry", "text": "A second ferry operator said on Wednesday it would also cut its winter timetable."}\n')
page = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>The harbour master closed the port on Monday after the storm damaged two breakwaters.</p></article></body></html>'
def record(uri, length=None):
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + b"\r\nWARC-Date: 2023-03-14T09:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
            + str(len(page) if length is None else length).encode() + b"\r\n\r\n" + page + b"\r\n\r\n")
open(f"{d}/lying.warc", "wb").write(record(b"https://port.example/1") + record(b"https://port.example/lie", 10**12) + record(b"https://port.example/2").replace(b"Monday", b"Sunday"))
EOF
probe "15 MB feed item of &lt;b" 1 cc ingest "$in/tag-like.xml" --db tag.db
probe "XML entity after a 70 KB comment" 1 cc ingest "$in/entity-late.xml" --db entity.db
probe "feed after a 70 KB comment" 0 cc ingest "$in/comment-long.xml" --db comment.db
probe "JSONL line of 20 MB" 1 cc ingest "$in/long-line.jsonl" --db line.db
probe "WARC with a lying Content-Length" 1 cc ingest "$in/lying.warc" --db warc.db

mkdir -p "$in/tree/a" "$in/empty" "$in/locked"
printf 'Storm closes port\n\nThe port closed for two days after the storm, the harbour master said on Monday.\n' >"$in/tree/a/story.txt"
ln -s .. "$in/tree/a/up1"
ln -s ../.. "$in/tree/a/up2"
mkfifo "$in/pipe.txt"
probe "symlink loops, pipe, empty dir" 1 timeout 120 "$CROSSCHECK" ingest "$in/tree" "$in/pipe.txt" "$in/empty" --db walk.db
printf 'Locked away\n\nNobody can read this directory, so nothing in it is ingested, and the run says so.\n' >"$in/locked/x.txt"
chmod 000 "$in/locked"
if [[ $(id -u) -eq 0 ]]; then
    # root reads any directory: the probe runs as nobody, with a store nobody may write.
    mkdir -p "$work/nobody" && chmod 777 "$work/nobody" && chmod 755 "$work" "$in"
    probe "unreadable directory" 1 setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$work/nobody" "$CROSSCHECK" ingest "$in/locked" --db "$work/nobody/locked.db"
else
    probe "unreadable directory" 1 cc ingest "$in/locked" --db locked.db
fi

# --- Dossier output ------------------------------------------------------------------------------------
story=$(cc stories --db jsonl.db --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
probe "dossier --out /dev/full" 1 cc dossier "$story" --db jsonl.db --out /dev/full
probe "dossier --out the database" 1 cc dossier "$story" --db jsonl.db --out jsonl.db
probe "  the database afterwards" 0 cc status --db jsonl.db

# --- Server ----------------------------------------------------------------------------------------------
port=$(free_port)
base=http://127.0.0.1:$port
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
CROSSCHECK_TOKEN=$token "$CROSSCHECK" serve --db jsonl.db --urls "$base" --metrics >serve.log 2>&1 &
server_pid=$!
for _ in $(seq 60); do curl -s -o /dev/null "$base/api/stories" && break; sleep 0.5; done
report "serve start-up line" 0 0 "$(head -1 serve.log)"
http() { curl -s -o "$work/body" -w '%{http_code} %{time_total}s' "$@"; }
status=$(http "$base/api/stories?page=107374184")
report "GET /api/stories?page=107374184" 200 "${status%% *}" "$status $(head -c 120 "$work/body")"
status=$(http -H 'Host: attacker.example' "$base/api/stories")
report "foreign Host header" 421 "${status%% *}" "$status $(python3 -c 'import json, sys; print(json.load(sys.stdin)["detail"])' <"$work/body")"
status=$(http "$base/api/entities/no-such-entity-anywhere")
report "GET /api/entities/{unknown}" 404 "${status%% *}" "$status $(python3 -c 'import json, sys; print(json.load(sys.stdin)["detail"])' <"$work/body")"
counters() { curl -s "$base/metrics" | grep -E '^crosscheck_articles_(ingested|failed)_total' | sed -E 's/\{[^}]*\}//' | paste -sd ' '; }
post() { http -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "$1" "$base/api/articles"; }
status=$(post '{"title": "Cut \ud800", "text": "A ferry operator said on Wednesday it would also cut its winter timetable \udc00 after losing crew."}')
report "POST JSON with a lone surrogate" 201 "${status%% *}" "$status $(head -c 120 "$work/body")"
before=$(counters)
status=$(post '{"title": "x", "text": "cut')
report "POST invalid JSON" 400 "${status%% *}" "$status $(python3 -c 'import json, sys; print(json.load(sys.stdin)["detail"])' <"$work/body")"
status=$(post '{"title": "Library", "text": "The town library will open on Sundays from March, the council said on Thursday after a vote."}')
report "POST a second article" 201 "${status%% *}" "$status $(head -c 120 "$work/body")"
report "/metrics while posting" 0 0 "after the first POST: $before; after two more: $(counters)"
kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""

probe "serve --db postgres://user:password@" 1 timeout 60 "$CROSSCHECK" serve --db "postgres://crosscheck:hunter2-secret@127.0.0.1:1/news" --urls "http://127.0.0.1:$(free_port)"
grep -q hunter2 "$work/out" && report "  password printed" 0 1 "the password appears in the output"

# --- Status ------------------------------------------------------------------------------------------------
probe "status (SQLite)" 0 cc status --db jsonl.db
if [[ -n ${CROSSCHECK_TEST_POSTGRES:-} ]]; then
    pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$CROSSCHECK_TEST_POSTGRES")
    pg="postgres://postgres:hunter2-secret@127.0.0.1:$pg_port/postgres"
    probe "ingest (PostgreSQL)" 0 cc ingest "$in/surrogate.jsonl" --db "$pg"
    port=$(free_port)
    "$CROSSCHECK" serve --db "$pg" --urls "http://127.0.0.1:$port" >serve-pg.log 2>&1 &
    server_pid=$!
    for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/api/stories" && break; sleep 0.5; done
    kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""
    report "serve start-up line (PostgreSQL)" 0 "$(grep -c hunter2 serve-pg.log)" "$(head -1 serve-pg.log)"
    probe "status (PostgreSQL)" 0 cc status --db "$pg"
    if [[ -n ${CROSSCHECK_TEST_NATS:-} ]]; then
        probe "ingest --queue" 0 cc ingest "$in/surrogate-feed.json" --db "$pg" --queue "$CROSSCHECK_TEST_NATS" --stream PROBE
        probe "status --queue" 0 cc status --db "$pg" --queue "$CROSSCHECK_TEST_NATS" --stream PROBE
    fi
fi

# --- Memory of one batch ---------------------------------------------------------------------------------------
if $memory; then
    mkdir -p "$in/large"
    python3 - "$in/large" <<'EOF'
import random, sys
words = ["".join(random.Random(n).choice("abcdefghijklmnopqrstuvwxyz") for _ in range(2 + n % 8)) for n in range(5000)]
for i in range(8):
    rnd = random.Random(i)
    with open(f"{sys.argv[1]}/large{i}.txt", "w") as f:
        f.write(f"Report {i} on the harbour\n\n")
        size = 0
        while size < 31 * 1024 * 1024:
            paragraph = " ".join(rnd.choice(words) for _ in range(80)).capitalize() + ".\n\n"
            f.write(paragraph)
            size += len(paragraph)
EOF
    /usr/bin/time -f '%e s, peak %M KB' -o time.txt "$CROSSCHECK" ingest "$in/large" --db large.db >"$work/out" 2>&1
    report "8 text files of 31 MB" 0 $? "$(lines "$work/out"); $(cat time.txt)"
fi

echo "$failures probe(s) with an unexpected exit code"
[[ $failures -eq 0 ]]

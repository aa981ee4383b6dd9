# Sourced by scripts/with-*.sh: what every throw-away test server script does the same way.
# Sets $install and $allow_restart from the leading options and leaves the command in "$@";
# provides free_port. The caller sets $script_name first (for messages).

install=false
allow_restart=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --install) install=true; shift ;;
        --allow-restart) allow_restart=true; shift ;;
        *) break ;;
    esac
done
if [[ $# -eq 0 ]]; then
    echo "usage: $script_name [--install] [--allow-restart] COMMAND [ARGS...]" >&2
    exit 2
fi

# A port on 127.0.0.1 nothing listens on (random, so parallel runs rarely collide).
free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    echo "$script_name: no free port found" >&2
    return 1
}

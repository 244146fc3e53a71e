#!/usr/bin/env bash
# Renders the README's screenshots from the real binary in a real terminal.
#
# usage: assets/screenshot.sh            (from the repository root)
#
# Each shot starts target/release/treaty in a detached tmux session of a given
# size, types keys into it, captures the screen with its attributes
# (`tmux capture-pane -e`) and renders the capture to assets/NAME.png with
# assets/render_ansi.py. Needs tmux and python3; pyte and Pillow are installed
# into a throwaway virtualenv under ${TMPDIR:-/tmp}. The user's own bookmarks
# and imports are not used: the data directory is a fresh temporary one.
set -euo pipefail

cd "$(dirname "$0")/.."
cargo build --release --quiet

venv="${TMPDIR:-/tmp}/treaty-screenshot-venv"
if ! "$venv/bin/python" -c 'import pyte, PIL' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pyte pillow
fi

data_home="$(mktemp -d)"
trap 'rm -rf "$data_home"' EXIT
socket="treaty-shot-$$"

# shot NAME COLSxROWS ARGS -- KEY...
shot() {
    local name="$1" size="$2"
    shift 2
    local args=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do
        args+=("$1")
        shift
    done
    [[ $# -gt 0 ]] && shift
    local cols="${size%x*}" rows="${size#*x}"
    tmux -L "$socket" new-session -d -x "$cols" -y "$rows" \
        env TREATY_DATA_HOME="$data_home" TERM=xterm-256color \
        target/release/treaty "${args[@]}"
    sleep 0.5
    for key in "$@"; do
        tmux -L "$socket" send-keys "$key"
        sleep 0.2
    done
    sleep 0.5
    tmux -L "$socket" capture-pane -e -p -N >"$data_home/$name.ansi"
    tmux -L "$socket" kill-server
    "$venv/bin/python" assets/render_ansi.py "$cols" "$rows" "assets/$name.png" \
        <"$data_home/$name.ansi"
    echo "assets/$name.png"
}

# The first launch: the start screen (a fresh data directory).
shot start 100x30 --
# A wide terminal: the article and Cited by beside the passage in full.
shot wide 200x50 24 -- Tab j

# The explorer on Article 23 with its "Cited by" pane.
shot explorer 110x32 23 --
# A critique passage, reached by following the first "Cited by" link.
shot explorer-source 110x32 23 -- Tab Enter

# Presentation mode on Article 23, as a facilitator shows it.
shot present 110x32 23 -- p
# The same article continued on the next slide: every passage shows.
shot present-continued 110x32 23 -- p Space
# The coverage view: articles by how much the critiques discuss them.
shot coverage 110x32 -- C

# Shared settings for the scripts in this folder; sourced, not run.
# Tools this project installs live outside the clone, so fresh clones on the same machine
# reuse them; each is checked by version, not just presence.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${SENDA_TOOLS_DIR:-$HOME/.cache/senda/tools}"
CARGO_LEPTOS_VERSION="0.3.10"
BINARYEN_VERSION="132"

export PATH="$TOOLS_DIR/binaryen-$BINARYEN_VERSION/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The release build of the server and the Rust tests share one compiled dependency tree; the
# compile-time Leptos setting below must match what cargo-leptos passes, or it is rebuilt.
export LEPTOS_OUTPUT_NAME="senda"
# A cargo target folder outside the clone, reused between clones on this machine. A cold one
# works too; it only takes longer.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/senda/target}"

say() { printf "\n==> [%s] %s\n" "$(date +%T)" "$*"; }

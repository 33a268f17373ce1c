#!/usr/bin/env bash
# The main job on the embedded default: set up, build the graph from the bundled sample corpus
# (examples/corpus) into .chainkg/graph.json, and serve the viewer on http://127.0.0.1:5000.
# Extra arguments go to `chainkg serve` (e.g. --port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
.venv/bin/chainkg build
exec .venv/bin/chainkg serve "$@"

#!/usr/bin/env bash
# The main job on the embedded default: set up, build the graph from the bundled sample corpus
# (examples/corpus) into .chainkg/graph.json, import a small generated firm list (fictional firms in the
# corpus's regions, labelled 生成的示例数据) so firms are placed on chain links at once, and serve the
# viewer on http://127.0.0.1:5000. Extra arguments go to `chainkg serve` (e.g. --port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
.venv/bin/chainkg build
mkdir -p .chainkg
.venv/bin/python -m bench.firm_data .chainkg/generated_firms.csv --rows 300
.venv/bin/chainkg import firms .chainkg/generated_firms.csv --title "生成的示例企业名单（虚构企业）"
exec .venv/bin/chainkg serve "$@"

"""The headless Chromium the browser tests and benchmarks drive: Debian's ``chromium`` package, through Playwright."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
#: Headless, and nothing that reaches the network or updates itself while a page is timed.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

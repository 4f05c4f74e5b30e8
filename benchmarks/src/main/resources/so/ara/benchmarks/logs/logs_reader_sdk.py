"""Python side of the logs benchmark on the real Python SDK: ara_sdk.AraClient.logs(), its generator as shipped.

The SDK (on PYTHONPATH) is imported and its client built before "ready", as the Java reader builds its client; a
read times the first call of client.logs() (which looks the app up with GET /apps) to the N-th row. The only change
is "Last-Event-ID: 0" added to the SDK's log-stream request (the SDK sends none), so it replays the same buffered
rows the Java reader reads: urllib.request.urlopen is wrapped for that one URL, the SDK's own code is untouched.

Protocol: prints "ready", then answers each stdin line with "<rows> <nanos> <nanos to the first row>".
Arguments: base URL, API key, app slug, runtime key, rows.
"""
import os
import sys
import tempfile
import time
import urllib.request

from ara_sdk import AraClient

_urlopen = urllib.request.urlopen


def _urlopen_from_start(request, *args, **kwargs):
    if isinstance(request, urllib.request.Request) and request.full_url.endswith("/logs/stream"):
        request.add_header("Last-Event-ID", "0")
    return _urlopen(request, *args, **kwargs)


urllib.request.urlopen = _urlopen_from_start


def read(client, runtime_key, rows):
    start = time.perf_counter_ns()
    seen = 0
    first_row = 0
    stream = client.logs(runtime_key=runtime_key)
    for _row in stream:
        if seen == 0:
            first_row = time.perf_counter_ns() - start
        seen += 1
        if seen >= rows:
            break
    nanos = time.perf_counter_ns() - start
    stream.close()
    return seen, nanos, first_row


def main():
    base_url, api_key, slug, runtime_key, rows = sys.argv[1:6]
    import pathlib
    client = AraClient(manifest={"name": slug, "slug": slug}, api_base_url=base_url, api_key=api_key,
                       cwd=pathlib.Path(tempfile.gettempdir()))
    print("ready", flush=True)
    for _command in sys.stdin:
        seen, nanos, first_row = read(client, runtime_key, int(rows))
        print("%d %d %d" % (seen, nanos, first_row), flush=True)
    # skip the interpreter's teardown (it idles on the abandoned stream): nothing is measured after the last read
    os._exit(0)


if __name__ == "__main__":
    main()

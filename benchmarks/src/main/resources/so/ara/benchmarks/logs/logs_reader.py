"""Python baseline of the logs benchmark: the Python SDK's way of reading the log stream, stdlib only.

As ara_sdk's AraClient.logs(): find the app with GET /apps (owner row of the slug), then open the stream with
urllib.request.urlopen, iterate the response line by line, decode UTF-8 (errors replaced), strip, skip blank,
comment and non-"data:" lines, json.loads the rest and yield each row (undecodable rows skipped). The only
addition is "Last-Event-ID: 0", so it replays the same buffered rows the Java reader reads.

Protocol: prints "ready", then answers each stdin line with "<rows> <nanos> <nanos to the first row>" for one
read of the first N rows.
Arguments: base URL, API key, app slug, runtime key, rows.
"""
import json
import sys
import time
import urllib.request


def find_app_id(base_url, api_key, slug):
    request = urllib.request.Request(base_url + "/apps", method="GET",
                                     headers={"Authorization": "Bearer " + api_key, "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.loads(response.read().decode("utf-8") or "{}")
    for app in body.get("apps") or []:
        if str(app.get("slug") or "") == slug and str(app.get("role") or "") == "owner":
            return str(app["id"])
    raise RuntimeError("App '%s' not found. Deploy first." % slug)


def stream_logs(base_url, app_id, runtime_key):
    request = urllib.request.Request(base_url + "/v1/apps/" + app_id + "/logs/stream", method="GET",
                                     headers={"Authorization": "Bearer " + runtime_key,
                                              "Accept": "text/event-stream", "Last-Event-ID": "0"})
    with urllib.request.urlopen(request, timeout=60) as response:
        for raw in response:
            text = raw.decode("utf-8", errors="replace").strip()
            if not text or text.startswith(":") or not text.startswith("data:"):
                continue
            payload = text[5:].strip()
            if not payload:
                continue
            try:
                yield json.loads(payload)
            except json.JSONDecodeError:
                continue


def read(base_url, api_key, slug, runtime_key, rows):
    start = time.perf_counter_ns()
    seen = 0
    first_row = 0
    stream = stream_logs(base_url, find_app_id(base_url, api_key, slug), runtime_key)
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
    print("ready", flush=True)
    for _command in sys.stdin:
        seen, nanos, first_row = read(base_url, api_key, slug, runtime_key, int(rows))
        print("%d %d %d" % (seen, nanos, first_row), flush=True)


if __name__ == "__main__":
    main()

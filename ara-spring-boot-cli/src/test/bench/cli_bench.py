#!/usr/bin/env python3
"""Not a test: wall and CPU time of `java -jar <jar> ara <command>` for two builds of the sample app, alternating,
medians over ROUNDS rounds, against a standalone ara-local (its logs must carry rows for `logs-first-row`).

    java -jar ara-local/target/ara-local.jar --server.port=8787 --ara.local.api-key=ak_local_dev &
    python3 ara-spring-boot-cli/src/test/bench/cli_bench.py 5 before/sample-app.jar sample-app/target/sample-app.jar \
        http://127.0.0.1:8787 ak_local_dev

Runtime commands get --runtime-key (from one deploy) so both builds make the same HTTP calls."""
import json, os, subprocess, sys, tempfile, time, statistics

rounds, before, after, base, key = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
work = tempfile.mkdtemp(prefix="h3-bench-")
env = dict(os.environ, ARA_API_BASE_URL=base, ARA_API_KEY=key, HOME=work)

import resource
cpu = {}

def run(jar, args, timeout=600):
    t = time.monotonic()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(["java", "-jar", jar, "ara", *args], env=env, cwd=work, capture_output=True, text=True,
                       timeout=timeout)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return time.monotonic() - t, p

def first_log_row(jar):
    t = time.monotonic()
    p = subprocess.Popen(["java", "-jar", jar, "ara", "logs", "--runtime-key", runtime_key], env=env, cwd=work,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    # a run in the background makes a fresh row once the stream is up (logs are live)
    feeder = subprocess.Popen(["bash", "-c", "for i in $(seq 1 40); do curl -s -o /dev/null -X POST "
                               "-H 'Authorization: Bearer %s' -H 'Content-Type: application/json' "
                               "-d '{\"agent_id\":\"faq\",\"input\":{\"message\":\"x\"}}' %s/v1/apps/%s/runs; "
                               "sleep 0.05; done" % (runtime_key, base, app_id)])
    line = p.stdout.readline()
    elapsed = time.monotonic() - t
    p.kill(); p.wait(); feeder.kill(); feeder.wait()
    assert line.strip(), "no log row"
    return elapsed

# setup: deploy with the after jar, keep its key for all runtime commands (both jars get --runtime-key)
_, d = run(after, ["deploy"])
assert d.returncode == 0, d.stderr
runtime_key = json.loads(d.stdout)["runtime_key"]
import urllib.request
req = urllib.request.Request(base + "/apps", headers={"Authorization": "Bearer " + key})
app_id = [a["id"] for a in json.load(urllib.request.urlopen(req))["apps"] if a["slug"] == "support-desk"][0]
_, r = run(after, ["run-async", "--agent", "faq", "--message", "status?", "--runtime-key", runtime_key])
run_id = json.loads(r.stdout)["run_id"]

commands = {
    "run": ["run", "--agent", "faq", "--message", "hello", "--runtime-key", runtime_key],
    "run-status": ["run-status", "--run-id", run_id, "--runtime-key", runtime_key],
    "events": ["events", "--message", "new ticket", "--runtime-key", runtime_key],
    "deploy": ["deploy"],
}
results = {name: {"before": [], "after": []} for name in list(commands) + ["logs-first-row"]}
cpus = {name: {"before": [], "after": []} for name in commands}
for i in range(rounds):
    for jar_name, jar in (("before", before), ("after", after)) if i % 2 == 0 else (("after", after), ("before", before)):
        for name, args in commands.items():
            t, p = run(jar, args)
            if p.returncode != 0:
                print("FAILED", jar_name, name, p.returncode, p.stderr[-400:], file=sys.stderr)
            results[name][jar_name].append(t)
            cpus[name][jar_name].append(run.cpu)
            print("sample round=%d %s %s wall=%.2f cpu=%.2f rc=%d" % (i, jar_name, name, t, run.cpu, p.returncode),
                  flush=True)
        results["logs-first-row"][jar_name].append(first_log_row(jar))
        print("sample round=%d %s logs-first-row wall=%.2f" % (i, jar_name, results["logs-first-row"][jar_name][-1]),
              flush=True)

print("%-16s %10s %10s %8s" % ("command", "before s", "after s", "ratio"))
for name, r in results.items():
    b, a = statistics.median(r["before"]), statistics.median(r["after"])
    print("%-16s %10.2f %10.2f %8.2fx" % (name, b, a, b / a))
print("%-16s %10s %10s %8s" % ("command", "before cpu", "after cpu", "ratio"))
for name, r in cpus.items():
    b, a = statistics.median(r["before"]), statistics.median(r["after"])
    print("%-16s %10.2f %10.2f %8.2fx" % (name, b, a, b / a))
print("rounds:", rounds, "(alternating order), medians; samples:", json.dumps(
    {k: {j: [round(x, 2) for x in v[j]] for j in v} for k, v in results.items()}))

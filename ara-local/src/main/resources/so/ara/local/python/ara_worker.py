"""ara-local Python worker: runs the tool and prompt functions of one app, as Ara's runtime does. Stdlib only.

Protocol: one JSON request per line on stdin, one JSON reply per line on the process's original stdout, which
is kept private: fd 1 is pointed at stderr, and sys.stdout/sys.stderr are captured per call, so nothing user code
prints can corrupt the protocol.

Request: {"id": n, "key": <cache key of source>, "source": <python>, "function": <name>,
          "kwargs": {...}} or {..., "positional": [...]}
Reply:   {"id": n, "ok": true, "result": <json>, "stdout": "...", "stderr": "..."} or
         {"id": n, "ok": false, "error": "ValueError: bad ticket", "exception": "ValueError",
          "traceback": "...", "stdout": "...", "stderr": "..."}
"""
import builtins
import contextlib
import io
import json
import linecache
import os
import sys
import traceback

CAPTURE_LIMIT = 64 * 1024
MODULE_CACHE_LIMIT = 256


def secret(name, default=None):
    """Ara SDK helper: the trimmed env value of a secret; its default, else an error, when empty."""
    value = (os.environ.get(name) or "").strip()
    if value:
        return value
    if default is not None:
        return str(default)
    raise RuntimeError("Missing required secret: %s" % name)


def env(name, default=None):
    """Ara SDK helper: the raw env value when set (even empty), else the default or ""."""
    if name in os.environ:
        return os.environ[name]
    return "" if default is None else default


_modules = {}


def _function(key, source, name):
    namespace = _modules.get(key)
    if namespace is None:
        namespace = {"__name__": "ara_app_source", "__builtins__": builtins, "secret": secret, "env": env}
        filename = "<ara source of %s>" % name
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)  # lines in tracebacks
        exec(compile(source, filename, "exec"), namespace)
        if len(_modules) >= MODULE_CACHE_LIMIT:
            _modules.clear()
        _modules[key] = namespace
    function = namespace.get(name)
    if not callable(function):
        raise NameError("the source does not define a function named '%s'" % name)
    return function


def _clip(text):
    if len(text) <= CAPTURE_LIMIT:
        return text
    return text[:CAPTURE_LIMIT] + "\n[truncated: %d more characters]" % (len(text) - CAPTURE_LIMIT)


def _handle(request):
    out, err = io.StringIO(), io.StringIO()
    reply = {"id": request.get("id")}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            function = _function(request["key"], request["source"], request["function"])
            if "positional" in request:
                result = function(*request["positional"])
            else:
                result = function(**(request.get("kwargs") or {}))
        try:
            json.dumps(result, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise TypeError("the result is not JSON serializable: %s" % error) from None
        reply.update(ok=True, result=result)
    except BaseException as error:  # report everything, SystemExit and KeyboardInterrupt included
        text = str(error)
        name = type(error).__name__
        frames = error.__traceback__
        while frames is not None and frames.tb_frame.f_code.co_filename == __file__:
            frames = frames.tb_next  # only the app's own frames
        reply.update(ok=False, exception=name, error=name + ": " + text if text else name,
                     traceback=_clip("".join(traceback.format_exception(type(error), error, frames))))
    reply["stdout"] = _clip(out.getvalue())
    reply["stderr"] = _clip(err.getvalue())
    return reply


def main():
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)
    sys.path.insert(0, os.getcwd())
    protocol.write(json.dumps({"ready": True, "python": sys.version.split()[0]}) + "\n")
    protocol.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError as error:
            reply = {"id": None, "ok": False, "exception": "ProtocolError", "error": "bad request: %s" % error}
        else:
            reply = _handle(request)
        try:
            text = json.dumps(reply, allow_nan=False)
        except (TypeError, ValueError) as error:
            text = json.dumps({"id": reply.get("id"), "ok": False, "exception": "TypeError",
                               "error": "TypeError: the reply is not JSON serializable: %s" % error})
        protocol.write(text + "\n")
        protocol.flush()


if __name__ == "__main__":
    main()

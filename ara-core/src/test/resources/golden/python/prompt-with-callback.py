def triage(input: dict) -> str:
    """Triage incoming support tickets."""
    arguments = {"input": input}
    import hashlib, hmac, json, os, time, uuid, urllib.error, urllib.request
    ARA_CALLBACK_URL = "https://desk.example.com/api/ara/callbacks/agents/triage/prompt"
    secret = os.environ.get("JAVA_CALLBACK_SECRET", "")
    if not secret:
        raise RuntimeError("Prompt of agent 'triage'" + ": JAVA_CALLBACK_SECRET is not set; deploy the Spring app again to sync it")
    body = json.dumps(arguments, separators=(",", ":")).encode("utf-8")
    timestamp = str(int(time.time()))
    delivery_id = uuid.uuid4().hex
    signed = (timestamp + "." + delivery_id + ".").encode("utf-8") + body
    signature = hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
    request = urllib.request.Request(ARA_CALLBACK_URL, data=body, method="POST", headers={
        "Content-Type": "application/json", "Accept": "application/json",
        "X-Ara-Timestamp": timestamp, "X-Ara-Delivery-Id": delivery_id,
        "X-Ara-Signature": "sha256=" + signature})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        detail = error.read(4096).decode("utf-8", "replace")
        try:
            problem = json.loads(detail)
        except ValueError:
            problem = None
        if isinstance(problem, dict) and (problem.get("detail") or problem.get("title")):
            detail = str(problem.get("detail") or problem.get("title"))
        raise RuntimeError("Prompt of agent 'triage'" + " failed in Java (HTTP %d): %s" % (error.code, detail)) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise RuntimeError("Prompt of agent 'triage'" + ": the Spring app is unreachable: %s" % error) from None
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        raise RuntimeError("Prompt of agent 'triage'" + ": the Spring app answered invalid JSON")
    return str(payload.get("result") or "")

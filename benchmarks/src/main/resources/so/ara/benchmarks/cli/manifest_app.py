# A Python SDK App whose manifest is the Java sample's, read from ARA_BENCH_MANIFEST (the JSON `ara manifest` prints).
import json
import os
import pathlib

from ara_sdk import App


class ManifestApp(App):
    @property
    def manifest(self):
        return json.loads(pathlib.Path(os.environ["ARA_BENCH_MANIFEST"]).read_text(encoding="utf-8"))


app = ManifestApp("support-desk")

#!/usr/bin/env python3
# The Flatpak cannot be built offline here; check what can be checked.
import json
import re
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    manifest = json.load(f)

errors = []
if manifest.get("app-id") != "io.minsheng.Tracker":
    errors.append("app-id must be io.minsheng.Tracker")
if manifest.get("command") != "minsheng":
    errors.append("command must be minsheng")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    errors.append("runtime and sdk must be the GNOME ones")
args = manifest.get("finish-args", [])
for needed in ("--socket=wayland", "--socket=fallback-x11", "--share=ipc"):
    if needed not in args:
        errors.append("finish-args lacks " + needed)
modules = manifest.get("modules", [])
if not modules or modules[-1].get("name") != "minsheng" or modules[-1].get("buildsystem") != "meson":
    errors.append("the last module must be minsheng, built with meson")
elif not any(s.get("type") == "dir" for s in modules[-1].get("sources", [])):
    errors.append("the minsheng module must build from the repository (a dir source)")

# Every fetched source is pinned: an archive by its sha256, a git source by
# its commit; a placeholder would only fail on the builder.
for module in modules:
    if not isinstance(module, dict):
        continue
    for source in module.get("sources", []):
        kind = source.get("type")
        if kind in ("archive", "file") and not re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")):
            errors.append("module %s: %s needs a sha256" % (module.get("name"), source.get("url")))
        if kind == "git" and not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
            errors.append("module %s: %s needs a commit" % (module.get("name"), source.get("url")))

for e in errors:
    print("flatpak/io.minsheng.Tracker.json: " + e, file=sys.stderr)
sys.exit(1 if errors else 0)

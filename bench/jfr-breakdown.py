#!/usr/bin/python3
"""Where a JFR recording's CPU samples went, by stage of a map or feature request: prints one Markdown table row per
recording, "| label | stage % | ... |", the shares of jdk.ExecutionSample events whose stack's topmost recognised
frame belongs to the stage, and the GC pauses (sum and longest) of the recording.
Usage: jfr-breakdown.py --header | jfr-breakdown.py LABEL RECORDING.jfr"""
import json
import subprocess
import sys

# (stage, prefixes of class names); the first stage, looking from the top of the stack down, that a frame belongs to
# takes the sample. Order matters where one stage calls another's library (PNG encoding calls java.util.zip).
STAGES = [
    ("PNG encoding", ("ar.com.hjg.pngj.", "java.util.zip.", "org.terrawatch.rendering.ImageEncoder")),
    ("rasterising", ("sun.java2d.", "org.terrawatch.rendering.ThinLines", "java.awt.BasicStroke", "sun.awt.", "java.awt.image.", "java.awt.Graphics")),
    ("path building", ("org.terrawatch.rendering.Shapes", "java.awt.geom.")),
    ("style rules", ("org.terrawatch.rendering.FeatureFilters", "org.terrawatch.rendering.MapRenderer")),
    ("reprojection", ("org.terrawatch.ows.Reprojection", "org.apache.sis.")),
    ("WKB decoding", ("org.terrawatch.store.Wkb", "org.locationtech.jts.io.")),
    ("GML / GeoJSON writing", ("org.terrawatch.wfs.", "org.terrawatch.ogcapi.", "org.terrawatch.query.geojson.",
                               "com.fasterxml.jackson.", "javax.xml.stream.", "com.ctc.wstx.")),
    ("fetch from PostGIS", ("org.postgresql.", "com.zaxxer.hikari.", "org.springframework.jdbc.")),
    ("feature building", ("org.terrawatch.query.", "org.locationtech.jts.")),
    ("HTTP and framework", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.", "org.springframework.",
                            "jakarta.servlet.", "org.terrawatch.app.")),
]
NAMES = [name for name, _ in STAGES] + ["other"]


def events(recording, kind):
    out = subprocess.run(["jfr", "print", "--json", "--events", kind, recording], check=True, capture_output=True,
                         text=True, timeout=300).stdout
    return json.loads(out)["recording"]["events"]


def stage(frames):
    for frame in frames:
        name = frame["method"]["type"]["name"].replace("/", ".")
        for stage_name, prefixes in STAGES:
            if name.startswith(prefixes):
                return stage_name
    return "other"


def seconds(duration):
    # JFR prints durations as ISO-8601 ("PT0.012345S")
    return float(duration.removeprefix("PT").removesuffix("S")) if duration.endswith("S") and "M" not in duration else 0.0


if sys.argv[1:] == ["--header"]:
    print("| recording | samples | " + " | ".join(NAMES) + " | GC pauses: sum / longest ms |")
    print("|---" * (len(NAMES) + 3) + "|")
    sys.exit(0)
label, recording = sys.argv[1], sys.argv[2]
counts = dict.fromkeys(NAMES, 0)
samples = events(recording, "jdk.ExecutionSample")
for event in samples:
    trace = event["values"].get("stackTrace") or {"frames": []}
    counts[stage(trace["frames"])] += 1
pauses = [seconds(e["values"]["duration"]) for e in events(recording, "jdk.GCPhasePause")]
total = max(1, len(samples))
print(f"| {label} | {len(samples)} | " + " | ".join(f"{100 * counts[n] / total:.0f} %" for n in NAMES)
      + f" | {1000 * sum(pauses):.0f} / {1000 * max(pauses, default=0):.0f} |")

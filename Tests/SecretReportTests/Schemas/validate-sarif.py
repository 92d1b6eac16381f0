#!/usr/bin/env python3
"""Validates a SARIF log (standard input) against the SARIF 2.1.0 JSON schema beside this file.

Exit status 0: valid; 1: invalid (every error printed, with its JSON path); 2: the validator
itself is missing (install it: `pip install jsonschema` or `apt-get install python3-jsonschema`).
Used by the Swift tests; never skipped.
"""
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("python3 module jsonschema is missing (pip install jsonschema)", file=sys.stderr)
    sys.exit(2)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
    schema = json.load(f)
log = json.load(sys.stdin)
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
for error in errors:
    path = "/".join(str(p) for p in error.absolute_path)
    print(f"{path}: {error.message}", file=sys.stderr)
sys.exit(1 if errors else 0)

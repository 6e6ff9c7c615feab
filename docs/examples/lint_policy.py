#!/usr/bin/env python3
"""Lints IAM policy files through policylint's C API with ctypes (stdlib only).

    POLICYLINT_LIBRARY=/usr/local/lib/libpolicylint.so python3 lint_policy.py policy.json...

Prints one line per finding and exits 1 when a finding is at least a
warning, 2 on an error (like the policylint command).
"""
import ctypes
import ctypes.util
import os
import sys


def load_library():
    path = os.environ.get("POLICYLINT_LIBRARY") or ctypes.util.find_library("policylint")
    if not path:
        sys.exit("lint_policy.py: libpolicylint not found; set POLICYLINT_LIBRARY to its path")
    lib = ctypes.CDLL(path)
    handle = ctypes.c_void_p  # pl_analyzer*, pl_result*, const pl_finding*: opaque
    signatures = {
        "pl_last_error": (ctypes.c_char_p, []),
        "pl_analyzer_new": (ctypes.c_int, [ctypes.POINTER(handle), ctypes.c_void_p]),
        "pl_analyzer_free": (None, [handle]),
        "pl_lint_file": (ctypes.c_int, [ctypes.POINTER(handle), handle, ctypes.c_char_p]),
        "pl_result_free": (None, [handle]),
        "pl_result_failed": (ctypes.c_int, [handle]),
        "pl_result_finding_count": (ctypes.c_size_t, [handle]),
        "pl_result_finding": (handle, [handle, ctypes.c_size_t]),
        "pl_finding_code": (ctypes.c_char_p, [handle]),
        "pl_finding_file": (ctypes.c_char_p, [handle]),
        "pl_finding_message": (ctypes.c_char_p, [handle]),
        "pl_finding_line": (ctypes.c_uint32, [handle]),
        "pl_finding_column": (ctypes.c_uint32, [handle]),
        "pl_finding_severity": (ctypes.c_int, [handle]),
        "pl_severity_name": (ctypes.c_char_p, [ctypes.c_int]),
    }
    for name, (result, arguments) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = result, arguments
    return lib


def main(paths):
    lib = load_library()
    analyzer = ctypes.c_void_p()
    if lib.pl_analyzer_new(ctypes.byref(analyzer), None) != 0:
        sys.exit("lint_policy.py: " + lib.pl_last_error().decode())
    status = 0
    try:
        for path in paths:
            result = ctypes.c_void_p()
            if lib.pl_lint_file(ctypes.byref(result), analyzer, path.encode()) != 0:
                print("lint_policy.py: " + lib.pl_last_error().decode(), file=sys.stderr)
                status = 2
                continue
            for i in range(lib.pl_result_finding_count(result)):
                finding = lib.pl_result_finding(result, i)
                severity = lib.pl_severity_name(lib.pl_finding_severity(finding)).decode()
                print(f"{lib.pl_finding_file(finding).decode()}:{lib.pl_finding_line(finding)}:"
                      f"{lib.pl_finding_column(finding)}: {severity}: "
                      f"{lib.pl_finding_message(finding).decode()} [{lib.pl_finding_code(finding).decode()}]")
            if lib.pl_result_failed(result) and status == 0:
                status = 1
            lib.pl_result_free(result)
    finally:
        lib.pl_analyzer_free(analyzer)
    return status


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))

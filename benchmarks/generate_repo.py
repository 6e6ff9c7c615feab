#!/usr/bin/env python3
"""Generated inputs for the scaling measurements, built from the AWS managed
policies of the shared corpus so that their shape is real.

  generate_repo.py files COUNT DIR        COUNT policy files under DIR, 1,000 per folder
  generate_repo.py document MIB FILE      one policy document of about MIB MiB

The files are the corpus policies in turn, each given its own Id so that no
two are the same text. The document is one policy whose Statement list runs
through every corpus statement again and again, each with its own Sid, until
the size is reached: the size of an account's authorization details. Write
them to a temporary directory; generated data is never committed.
"""
import json
import os
import pathlib
import sys

FILES_PER_FOLDER = 1000


def corpus_dir(shared=None):
    root = shared or os.environ.get("POLICYLINT_SHARED_DIR") or pathlib.Path(__file__).resolve().parents[2] / "shared"
    return pathlib.Path(root) / "corpus" / "aws-managed"


def corpus_policies(shared=None):
    return [json.loads(path.read_text()) for path in sorted(corpus_dir(shared).glob("*.json"))]


def write_files(count, out_dir, shared=None):
    policies = corpus_policies(shared)
    out_dir = pathlib.Path(out_dir)
    for i in range(count):
        folder = out_dir / f"team{i // FILES_PER_FOLDER:03d}"
        if i % FILES_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        policy = dict(policies[i % len(policies)])
        policy["Id"] = f"generated-{i}"
        (folder / f"policy{i:06d}.json").write_text(json.dumps(policy, indent=2) + "\n")


def write_document(mebibytes, out_file, shared=None):
    statements = []
    for policy in corpus_policies(shared):
        listed = policy.get("Statement", [])
        statements.extend(s for s in (listed if isinstance(listed, list) else [listed]) if isinstance(s, dict))
    target = int(mebibytes * (1 << 20))
    pieces, size, i = [], 0, 0
    while size < target:
        statement = dict(statements[i % len(statements)])
        statement["Sid"] = f"S{i}"
        piece = json.dumps(statement, indent=2)
        pieces.append(piece)
        size += len(piece) + 2
        i += 1
    body = ",\n".join(pieces)
    pathlib.Path(out_file).write_text('{\n"Version": "2012-10-17",\n"Statement": [\n' + body + "\n]\n}\n")
    return i


def main(argv):
    if len(argv) != 4 or argv[1] not in ("files", "document"):
        sys.exit(__doc__)
    if argv[1] == "files":
        write_files(int(argv[2]), argv[3])
    else:
        write_document(float(argv[2]), argv[3])


if __name__ == "__main__":
    main(sys.argv)

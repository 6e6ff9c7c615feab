#pragma once
// What policylint prints is safe to show: inputs (file names, Sids, actions,
// configuration values) are chosen by whoever wrote the files, and a report
// or an error message that quotes them must neither leak an AWS credential
// nor let them drive the terminal or a CI log. Every report format, baseline
// and message goes through these; they are public so that embedders can
// print their own text the same way.
#include "policylint/export.hpp"
#include <string>
#include <string_view>

namespace policylint {

/// `text` with every AWS key id (AKIA, ASIA and the other prefixes of AWS
/// unique ids, followed by 16 base-32 characters, plain or JSON-escaped) and
/// every secret access key named as one or near such an id masked, byte for
/// byte: the first and last 4 characters stay (`AKIA************ABCD`).
POLICYLINT_API std::string mask_credentials(std::string_view text);

/// `text` for a terminal or a CI log, on one line: credentials masked as by
/// mask_credentials, and control characters shown as escapes, never emitted
/// (C0 controls and DEL as `\n`, `\r`, `\t` or `\x1b`; C1 controls and the
/// Unicode bidirectional and line-separator controls as `\u0085`; each byte
/// that is not UTF-8 as `\xff`). Printable text, UTF-8 included, is kept.
POLICYLINT_API std::string printable(std::string_view text);

}  // namespace policylint

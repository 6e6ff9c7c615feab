#pragma once
// Masking AWS credentials is a property of the output, not of one rule:
// every writer is wrapped so that what it writes for a result, whichever
// field or rule quoted the input, is masked before anyone sees it.
#include <memory>
#include <string_view>

#include "policylint/finding.hpp"
#include "policylint/report.hpp"

namespace policylint::report {

/// `writer` with what it writes for each result passed through
/// hygiene::mask_credentials, with the result's source as the context that
/// tells a secret next to a key id. What `finish` writes (counts, the rule
/// table) quotes no input and is left as it is.
std::unique_ptr<ReportWriter> masked(std::unique_ptr<ReportWriter> writer);

/// Masks, in place, the strings of `finding` that quote input (message,
/// file, Sid, related messages, subject), as a writer would print them;
/// `source` is the finding's file, the context for secrets.
void mask_finding(Finding& finding, std::string_view source);

}  // namespace policylint::report

#pragma once
// Just enough Markdown handling to reuse a rule's doc page (docs/rules/*.md)
// where plain text is wanted, such as SARIF descriptions.
#include <string>
#include <string_view>

namespace policylint::report {

/// The body of the `## heading` section of `markdown`, or "" when absent.
std::string_view markdown_section(std::string_view markdown, std::string_view heading) noexcept;

/// `markdown` as plain text: heading markers, code fences and inline
/// backticks removed; paragraphs kept.
std::string markdown_to_plain(std::string_view markdown);

/// The paragraph's lines joined into one line.
std::string join_lines(std::string_view paragraph);

}  // namespace policylint::report

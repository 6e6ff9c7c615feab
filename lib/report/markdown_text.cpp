#include "report/markdown_text.hpp"

namespace policylint::report {
namespace {

std::string_view trim(std::string_view text) noexcept {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) {
    return {};
  }
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

// Calls `visit` with each line of `text`, without its line break.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    visit(text.substr(0, end));
    if (end == std::string_view::npos) {
      break;
    }
    text.remove_prefix(end + 1);
  }
}

}  // namespace

std::string_view markdown_section(std::string_view markdown, std::string_view heading) noexcept {
  const std::string marker = "## " + std::string(heading) + "\n";
  std::size_t begin = markdown.starts_with(marker) ? 0 : markdown.find("\n" + marker);
  if (begin == std::string_view::npos) {
    return {};
  }
  begin = markdown.find('\n', begin + 1) + 1;
  const std::size_t end = markdown.find("\n## ", begin);
  return trim(markdown.substr(begin, end == std::string_view::npos ? end : end - begin));
}

std::string markdown_to_plain(std::string_view markdown) {
  std::string out;
  for_each_line(markdown, [&](std::string_view line) {
    if (line.starts_with("```")) {
      return;
    }
    if (line.starts_with('#')) {
      line = trim(line.substr(line.find_first_not_of('#')));
    }
    for (const char c : line) {
      if (c != '`') {
        out.push_back(c);
      }
    }
    out.push_back('\n');
  });
  return out;
}

std::string join_lines(std::string_view paragraph) {
  std::string out;
  for_each_line(paragraph, [&](std::string_view line) {
    line = trim(line);
    if (line.empty()) {
      return;
    }
    if (!out.empty()) {
      out.push_back(' ');
    }
    out.append(line);
  });
  return out;
}

}  // namespace policylint::report

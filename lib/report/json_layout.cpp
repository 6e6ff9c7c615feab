#include "report/json_layout.hpp"

namespace policylint::report {
namespace {

constexpr int kIndent = 2;

void new_line(std::string& out, int depth) {
  out.push_back('\n');
  out.append(static_cast<std::size_t>(depth * kIndent), ' ');
}

}  // namespace

void append_nested(std::string& out, const nlohmann::json& value, int depth) {
  // A dump holds line breaks only between elements: those inside strings are
  // escaped.
  const std::string text = value.dump(kIndent, ' ', false, nlohmann::json::error_handler_t::replace);
  for (const char c : text) {
    if (c == '\n') {
      new_line(out, depth);
    } else {
      out.push_back(c);
    }
  }
}

void StreamedArray::open(std::string& out) {
  if (!opened_) {
    out += opening_;
    opened_ = true;
  }
}

void StreamedArray::add(std::string& out, const nlohmann::json& element) {
  open(out);
  if (!empty_) {
    out.push_back(',');
  }
  empty_ = false;
  new_line(out, depth_ + 1);
  append_nested(out, element, depth_ + 1);
}

void StreamedArray::close(std::string& out) {
  open(out);
  if (!empty_) {
    new_line(out, depth_);
  }
  out.push_back(']');
}

}  // namespace policylint::report

#include "policylint/baseline.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/json_layout.hpp"
#include "report/masking.hpp"
#include "report/render_all.hpp"

namespace policylint {
namespace {

constexpr int kBaselineVersion = 1;
// Enough of the offending text to tell findings apart, without letting a huge
// range (a whole statement) make the fingerprint fragile.
constexpr std::size_t kMaxSnippet = 200;

class Fnv1a {
 public:
  void add(std::string_view text) noexcept {
    for (const char c : text) {
      add_byte(static_cast<unsigned char>(c));
    }
    add_byte(0);  // a separator, so ("ab", "c") and ("a", "bc") differ
  }
  std::uint64_t value() const noexcept { return hash_; }

 private:
  void add_byte(unsigned char byte) noexcept {
    hash_ ^= byte;
    hash_ *= 0x100000001b3ULL;
  }
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// The finding's source text without whitespace, so that reindenting or
// reflowing the policy does not change it.
std::string snippet(const Finding& finding, const std::string* source) {
  std::string out;
  if (source == nullptr) {
    return out;
  }
  const std::size_t begin = std::min<std::size_t>(finding.range.begin.offset, source->size());
  const std::size_t end = std::clamp<std::size_t>(finding.range.end.offset, begin, source->size());
  for (std::size_t i = begin; i < end && out.size() < kMaxSnippet; ++i) {
    if (std::isspace(static_cast<unsigned char>((*source)[i])) == 0) {
      out.push_back((*source)[i]);
    }
  }
  return out;
}

// A JSON value quoted in a message: its start when it is long.
std::string shortened(std::string text) {
  constexpr std::size_t kQuoted = 40;
  if (text.size() > kQuoted) {
    text.resize(kQuoted);
    text += "...";
  }
  return text;
}

}  // namespace

std::vector<std::string> fingerprints(const LintResult& result) {
  std::vector<std::string> out;
  out.reserve(result.findings.size());
  std::unordered_map<std::uint64_t, std::size_t> seen;
  for (const Finding& finding : result.findings) {
    Fnv1a hash;
    hash.add(finding.code);
    hash.add(finding.file);
    hash.add(finding.sid);
    hash.add(finding.subject.empty() ? snippet(finding, result.source.get()) : finding.subject);
    const std::size_t occurrence = ++seen[hash.value()];
    out.push_back(fmt::format("{:016x}:{}", hash.value(), occurrence));
  }
  return out;
}

struct Baseline::Recorded {
  std::unordered_set<std::string> fingerprints;
};

Baseline::Baseline(std::shared_ptr<const Recorded> recorded) noexcept : recorded_(std::move(recorded)) {}

std::optional<Baseline> Baseline::parse(std::string_view text, std::string& error) {
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, false);
  if (document.is_discarded()) {
    error = "not valid JSON";
    return std::nullopt;
  }
  if (!document.is_object() || !document.contains("findings") || !document["findings"].is_array()) {
    error = "not a policylint baseline (no \"findings\" array); write one with --write-baseline";
    return std::nullopt;
  }
  const auto tool = document.find("tool");
  if (tool == document.end() || *tool != "policylint") {
    error = fmt::format("not a policylint baseline (its \"tool\" is {}); write one with --write-baseline",
                        tool == document.end() ? "missing" : shortened(tool->dump()));
    return std::nullopt;
  }
  const auto version = document.find("version");
  if (version == document.end() || !version->is_number_integer()) {
    error = fmt::format("the baseline's \"version\" must be the whole number {}, not {}", kBaselineVersion,
                        version == document.end() ? "missing" : shortened(version->dump()));
    return std::nullopt;
  }
  if (*version != kBaselineVersion) {
    error = fmt::format("baseline version {} is not supported (expected {}); write it again with --write-baseline",
                        version->dump(), kBaselineVersion);
    return std::nullopt;
  }
  auto recorded = std::make_shared<Recorded>();
  for (const nlohmann::json& entry : document["findings"]) {
    if (!entry.is_object() || !entry.contains("fingerprint") || !entry["fingerprint"].is_string()) {
      error = "a baseline entry has no \"fingerprint\" string";
      return std::nullopt;
    }
    recorded->fingerprints.insert(entry["fingerprint"].get<std::string>());
  }
  return Baseline(std::move(recorded));
}

std::size_t Baseline::filter(LintResult& result) const {
  const std::vector<std::string> prints = fingerprints(result);
  std::vector<Finding> kept;
  for (std::size_t i = 0; i < prints.size(); ++i) {
    if (recorded_->fingerprints.count(prints[i]) == 0) {
      kept.push_back(std::move(result.findings[i]));
    }
  }
  const std::size_t removed = prints.size() - kept.size();
  result.findings = std::move(kept);
  return removed;
}

namespace {

// Keys in the order nlohmann's objects keep them: findings, tool, version.
class BaselineWriter final : public ReportWriter {
 public:
  void add(const LintResult& result, std::string& out) override {
    const std::vector<std::string> prints = fingerprints(result);
    for (std::size_t i = 0; i < prints.size(); ++i) {
      const Finding& finding = result.findings[i];
      findings_.add(out, {{"fingerprint", prints[i]},
                          {"code", finding.code},
                          {"file", finding.file},
                          {"line", finding.range.begin.line},
                          {"message", finding.message}});
    }
  }

  void finish(const RunSummary& /*summary*/, std::string& out) override {
    findings_.close(out);
    out += fmt::format(",\n  \"tool\": \"policylint\",\n  \"version\": {}\n}}\n", kBaselineVersion);
  }

 private:
  report::StreamedArray findings_{1, "{\n  \"findings\": ["};
};

}  // namespace

std::unique_ptr<ReportWriter> baseline_writer() { return report::masked(std::make_unique<BaselineWriter>()); }

std::string render_baseline(std::span<const LintResult> results) {
  return report::render_all(*baseline_writer(), results, RunSummary{});
}

}  // namespace policylint

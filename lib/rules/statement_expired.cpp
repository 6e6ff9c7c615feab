#include <chrono>
#include <cstdio>
#include <string>

#include "analysis/condition_analysis.hpp"
#include "text/text.hpp"
#include "rules/rule.hpp"

namespace policylint::rules {
namespace {

bool is_request_time_key(std::string_view key) noexcept {
  return equal_ignoring_case(key, "aws:CurrentTime") || equal_ignoring_case(key, "aws:EpochTime");
}

std::string day_text(analysis::Day day) {
  const std::chrono::year_month_day date(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

void check(PolicyContext& context) {
  const analysis::Day today = context.options().as_of.value_or(analysis::current_day());
  for (const Statement& statement : context.policy().statements) {
    if (!statement.condition.present) {
      continue;
    }
    const analysis::ConditionAnalysis analysis = analysis::analyze_condition(statement.condition, today);
    for (const analysis::EntryVerdict& verdict : analysis.entries) {
      if (verdict.verdict != analysis::ConditionVerdict::never_true || verdict.entry == nullptr ||
          !is_request_time_key(verdict.entry->key) || !verdict.op ||
          verdict.op->base->family == analysis::OperatorFamily::string) {
        continue;
      }
      if (verdict.reason.find("passed") == std::string_view::npos) {
        continue;  // unreadable dates and contradictions between entries are other rules' findings
      }
      context.report(verdict.entry->key_range,
                     "this statement applies only to requests made in a time window that ended before " +
                         day_text(today) + " (" + std::string(verdict.reason) + "), so it never applies any more" +
                         (statement.effect == Effect::deny ? ": the Deny no longer guards anything" : "") +
                         "; remove the statement or move the date",
                     &statement, verdict.entry->key);
      break;
    }
  }
}

}  // namespace

extern const Rule statement_expired{
    {"PL240", "statement-expired", Severity::warning, Category::validity,
     "A statement whose aws:CurrentTime or aws:EpochTime window lies wholly in the past"},
    check,
};

}  // namespace policylint::rules

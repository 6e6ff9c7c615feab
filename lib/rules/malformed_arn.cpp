#include "analysis/arn.hpp"
#include "rules/resource_arns.hpp"

namespace policylint::rules {
namespace {

struct Diagnosis {
  std::size_t begin;  ///< the offending part of the value
  std::size_t end;
  std::string message;
};

Diagnosis diagnose(const std::string& text, const analysis::ArnSplit& split, analysis::ArnProblem problem) {
  using analysis::ArnProblem;
  const analysis::Arn& arn = split.arn;
  const std::string shape = "; an ARN reads arn:partition:service:region:account:resource";
  switch (problem) {
    case ArnProblem::not_arn:
      return {0, text.size(), "\"" + text + "\" is not an ARN: it does not start with \"arn:\"" + shape +
                                  ", or use \"*\" for every resource"};
    case ArnProblem::missing_fields:
      return {0, text.size(), "\"" + text + "\" has " + std::to_string(split.field_count) +
                                  " of the six ARN fields, so it matches no resource" + shape +
                                  " (leave a field empty, e.g. arn:aws:s3:::bucket, rather than dropping it)"};
    case ArnProblem::unknown_partition:
      return {arn.partition.offset, arn.partition.end(),
              "\"" + std::string(arn.partition.text) +
                  "\" is not an AWS partition; use aws, aws-cn, aws-us-gov (or an aws-iso partition)"};
    case ArnProblem::empty_service:
      return {arn.service.offset, arn.service.end(), "the ARN \"" + text + "\" has an empty service field" + shape};
    case ArnProblem::service_case:
      return {arn.service.offset, arn.service.end(),
              "the service field \"" + std::string(arn.service.text) +
                  "\" has upper-case letters; ARNs are compared case-sensitively and AWS writes services in lower case"};
    case ArnProblem::service_wildcard:
      return {arn.service.offset, arn.service.end(),
              "the service field \"" + std::string(arn.service.text) +
                  "\" has a wildcard, so the ARN matches the resources of every service it fits; name the "
                  "service, or use \"*\" for the whole Resource"};
    case ArnProblem::empty_resource:
      return {0, text.size(),
              "the ARN \"" + text + "\" ends after the account field: it names no resource; add the resource part "
              "(e.g. bucket-name, user/name) or end it with *"};
    case ArnProblem::none: break;
  }
  return {0, text.size(), {}};
}

/// True when a `*` after the service field can run across the colons of the
/// fields an ARN lacks (IAM matches a Resource as a pattern).
bool may_span_missing_fields(const ResourceArn& arn) {
  const std::string& text = arn.value.text;
  const analysis::ArnField& service = arn.split.arn.service;
  const std::size_t after_service = arn.split.field_count >= 3 ? service.end() : 0;
  return text.find('*', after_service) != std::string::npos;
}

/// An ARN with fewer than six fields whose `*` stands for the missing ones
/// (Access Analyzer: MISSING_ARN_FIELD). IAM matches it as a pattern, so it
/// works, but it reads as something narrower than it is; with the service
/// field present and empty it matches nothing.
void check_short_arn(PolicyContext& context, const ResourceArn& arn) {
  const std::string& text = arn.value.text;
  const analysis::Arn& fields = arn.split.arn;
  if (arn.split.field_count >= 4 && fields.service.text.empty()) {
    report_in_arn(context, arn, fields.service.offset, fields.service.end(),
                  "the ARN \"" + text + "\" has an empty service field, so it matches no resource; an ARN reads "
                  "arn:partition:service:region:account:resource");
    return;
  }
  const std::string scope = arn.split.field_count <= 2 || analysis::is_open_field(fields.service.text)
                                ? std::string("every resource of every service")
                                : "any " + std::string(fields.service.text) +
                                      " resource it fits, whatever the missing fields hold";
  Finding& finding = report_in_arn(
      context, arn, 0, text.size(),
      "\"" + text + "\" has " + std::to_string(arn.split.field_count) +
          " of the six ARN fields: its * stands for the missing ones, so it matches " + scope +
          "; write all six fields (arn:partition:service:region:account:resource) so the Resource says what it grants");
  finding.severity = Severity::warning;
}

void check(PolicyContext& context) {
  for_each_resource_arn(context, [&](const ResourceArn& arn) {
    if (arn.value.text.empty()) {
      return;  // empty-value (PL114) reports it
    }
    if (!arn.split.complete() && arn.split.field_count >= 2 && arn.split.arn.prefix.text == "arn" &&
        may_span_missing_fields(arn)) {
      check_short_arn(context, arn);
      return;
    }
    const analysis::ArnProblem problem = analysis::arn_problem(arn.value.text, arn.split);
    if (problem == analysis::ArnProblem::none) {
      return;
    }
    Diagnosis diagnosis = diagnose(arn.value.text, arn.split, problem);
    Finding& finding = report_in_arn(context, arn, diagnosis.begin, diagnosis.end, std::move(diagnosis.message));
    if (problem == analysis::ArnProblem::service_wildcard) {
      finding.severity = Severity::suggestion;  // IAM accepts it as a pattern (Access Analyzer: a suggestion)
    }
  });
}

}  // namespace

extern const Rule malformed_arn{
    {"PL205", "malformed-arn", Severity::error, Category::validity,
     "A Resource value that is not a well-formed ARN"},
    check,
};

}  // namespace policylint::rules

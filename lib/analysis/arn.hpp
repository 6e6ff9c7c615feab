#pragma once
// Splitting an ARN (or an ARN pattern from a Resource element or an Arn
// condition) into its fields, keeping where each field starts so findings can
// point at the exact segment.
#include <cstddef>
#include <optional>
#include <string_view>

namespace policylint::analysis {

/// One field of an ARN: its text and its byte offset in the whole string.
struct ArnField {
  std::string_view text;
  std::size_t offset = 0;

  std::size_t end() const noexcept { return offset + text.size(); }
};

/// arn:partition:service:region:account:resource. The resource part keeps
/// any further ':' (`function:name:alias`).
struct Arn {
  ArnField prefix;  ///< "arn" when well formed
  ArnField partition;
  ArnField service;
  ArnField region;
  ArnField account;
  ArnField resource;
};

/// How a text splits into ARN fields.
struct ArnSplit {
  /// How many ':'-separated fields the text has, up to six (the resource part
  /// counts as one).
  std::size_t field_count = 0;
  /// The fields; those past field_count are empty and placed at the end.
  Arn arn;

  bool complete() const noexcept { return field_count == 6; }
};

/// Splits `text` at its first five colons, those inside ${...} variables
/// excepted. Never fails: a text with fewer fields says so through
/// field_count.
ArnSplit split_arn(std::string_view text) noexcept;

/// What keeps a Resource value from being an ARN IAM can match.
enum class ArnProblem : unsigned char {
  none,
  not_arn,           ///< does not start with "arn:"
  missing_fields,    ///< fewer than six fields and no trailing `*` to stand for them
  unknown_partition, ///< not aws, aws-cn, aws-us-gov, aws-iso*, aws-eusc
  empty_service,
  service_case,      ///< the service field has upper-case letters
  service_wildcard,  ///< `*` or `?` in the service field
  empty_resource,    ///< nothing after the fifth colon
};

/// The first problem of a Resource/NotResource value, "*" being fine.
ArnProblem arn_problem(std::string_view text, const ArnSplit& split) noexcept;

/// True when the text is a wildcard standing for every resource: "*", "**"...
bool is_match_all(std::string_view text) noexcept;

/// Partitions AWS documents: aws, aws-cn, aws-us-gov, and the isolated
/// aws-iso* and sovereign aws-eusc partitions.
bool is_known_partition(std::string_view partition) noexcept;

/// True for region names shaped like AWS's: "us-east-1", "us-gov-west-1",
/// "cn-northwest-1", "us-isob-east-1".
bool is_region_shaped(std::string_view region) noexcept;

/// True for a 12-digit account ID.
bool is_account_id(std::string_view account) noexcept;

/// True when a field holds a wildcard or a policy variable, so its final text
/// is only known at request time.
bool is_open_field(std::string_view field) noexcept;

}  // namespace policylint::analysis

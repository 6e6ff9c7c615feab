#pragma once
// Finds AWS credentials in text in one pass that skips what cannot hold
// one: access key ids (AKIA/ASIA/ABIA/ACCA + 16 base-32 characters) and
// secret access keys (40 base64 characters assigned to a secret-key name, or
// written near an access key id).
#include <string>
#include <string_view>
#include <vector>

#include "policylint/source.hpp"

namespace policylint::hygiene {

enum class SecretKind : unsigned char { access_key_id, secret_access_key };

struct SecretMatch {
  SecretKind kind = SecretKind::access_key_id;
  std::string_view value;  ///< points into the scanned text
  SourceRange range;
  /// The name a secret access key is assigned to (e.g. aws_secret_access_key);
  /// empty when it was recognised by a nearby access key id instead.
  std::string_view assigned_to;
  /// One of the placeholder keys in AWS documentation (AKIAIOSFODNN7EXAMPLE,
  /// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and their siblings, which all
  /// end in EXAMPLE or EXAMPLEKEY).
  bool example = false;
};

struct SecretScan {
  std::vector<SecretMatch> matches;  ///< in text order
};

/// Scans `text`, which must outlive the result.
SecretScan scan_text_for_secrets(std::string_view text);

/// The first and last 4 characters with the rest as `*`: safe to print.
std::string mask_secret(std::string_view value);

/// "an AWS access key id (AKIA************MPLE)" and the like: what was
/// found, masked.
std::string describe(const SecretMatch& match);

/// `text` with every match masked as mask_secret does, byte for byte, so
/// positions stay valid.
std::string masked_copy(std::string_view text, const SecretScan& scan);

/// False for binary content: a NUL byte among the first 8,000 bytes (the
/// heuristic git uses). Secret scans pass over binary files.
bool looks_like_text(std::string_view bytes) noexcept;

}  // namespace policylint::hygiene

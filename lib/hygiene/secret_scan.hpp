#pragma once
// Finds AWS credentials in text in one pass that skips what cannot hold
// one: access key ids (AKIA/ASIA/ABIA/ACCA + 16 base-32 characters) and
// secret access keys (40 base64 characters assigned to a secret-key name, or
// written near an access key id), written plainly or with JSON escapes
// (\u0041KIA..., \/). The same recognisers mask credentials in everything
// policylint prints (mask_credentials).
#include <string>
#include <string_view>
#include <vector>

#include "policylint/source.hpp"

namespace policylint::hygiene {

enum class SecretKind : unsigned char { access_key_id, secret_access_key };

struct SecretMatch {
  SecretKind kind = SecretKind::access_key_id;
  std::string value;  ///< decoded: JSON escapes in the text resolved
  SourceRange range;  ///< of the text as written, escapes included
  /// The bytes of the text to overwrite with `*` to mask the value (all but
  /// the bytes of its first and last 4 characters).
  std::size_t mask_begin = 0;
  std::size_t mask_end = 0;
  /// The name a secret access key is assigned to (e.g. aws_secret_access_key);
  /// empty when it was recognised by a nearby access key id instead.
  std::string assigned_to;
  /// One of the placeholder keys in AWS documentation (AKIAIOSFODNN7EXAMPLE,
  /// wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY and their siblings, which all
  /// end in EXAMPLE or EXAMPLEKEY).
  bool example = false;
};

struct SecretScan {
  std::vector<SecretMatch> matches;  ///< in text order
};

/// Scans `text`, binary or not: a NUL byte does not hide a key.
SecretScan scan_text_for_secrets(std::string_view text);

/// The first and last 4 characters with the rest as `*`: safe to print.
std::string mask_secret(std::string_view value);

/// "an AWS access key id (AKIA************MPLE)" and the like: what was
/// found, masked.
std::string describe(const SecretMatch& match);

/// `text` with every match masked as mask_secret does, byte for byte, so
/// positions stay valid.
std::string masked_copy(std::string_view text, const SecretScan& scan);

/// Masks in place, byte for byte, every credential in text[from, end):
/// - an id with any of the prefixes of AWS unique ids and keys (AKIA, ASIA,
///   ABIA, ACCA, AGPA, AIDA, AIPA, ANPA, ANVA, APKA, AROA, ASCA) followed by
///   16 base-32 characters, wherever it stands, plainly or JSON-escaped;
/// - a secret access key as scan_text_for_secrets finds one, when it is
///   assigned to a secret-key name, or when the text, or `context` (say, the
///   file a report quotes), holds such an id, plain, escaped or masked.
/// What a report, a baseline or an error message prints goes through this.
void mask_credentials(std::string& text, std::size_t from = 0, std::string_view context = {});

/// `value` (one quoted value: a CSV cell, a name) with any key id and any
/// secret-looking run of 40 base64 characters masked, with no need of a
/// neighbouring key id.
std::string mask_value(std::string_view value);

/// False for binary content: a NUL byte among the first 8,000 bytes (the
/// heuristic git uses). Secret scans read binary files too.
bool looks_like_text(std::string_view bytes) noexcept;

}  // namespace policylint::hygiene

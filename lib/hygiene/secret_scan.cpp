#include "hygiene/secret_scan.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <tuple>
#include <utility>

#include "text/text_cursor.hpp"

namespace policylint::hygiene {
namespace {

constexpr std::size_t kKeyIdLength = 20;
constexpr std::size_t kSecretLength = 40;
constexpr std::size_t kMaskKeep = 4;
// How far before a secret on its line a name assigning it may start.
constexpr std::size_t kNameLookBehind = 120;
// A secret without a name counts when an access key id is this many lines
// away or closer (credentials files put the two on adjacent lines).
constexpr long kKeyIdNeighbourhoodLines = 3;

// The bits of a character class.
constexpr unsigned char other = 0;
constexpr unsigned char alnum = 1;         // [A-Za-z0-9]
constexpr unsigned char word = 32;         // [A-Za-z0-9_]: a key id glued to these is part of a longer name
constexpr unsigned char base64 = 2;        // [A-Za-z0-9+/]
constexpr unsigned char base32_upper = 4;  // [A-Z2-7], the alphabet of access key ids
constexpr unsigned char upper = 8;
constexpr unsigned char lower = 16;

constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    unsigned char bits = 0;
    const bool is_upper = c >= 'A' && c <= 'Z';
    const bool is_lower = c >= 'a' && c <= 'z';
    const bool is_digit = c >= '0' && c <= '9';
    if (is_upper || is_lower || is_digit) {
      bits |= alnum | base64 | word;
    }
    if (c == '_') {
      bits |= word;
    }
    if (c == '+' || c == '/') {
      bits |= base64;
    }
    if (is_upper || (c >= '2' && c <= '7')) {
      bits |= base32_upper;
    }
    bits |= is_upper ? upper : 0;
    bits |= is_lower ? lower : 0;
    classes[static_cast<std::size_t>(c)] = bits;
  }
  return classes;
}

constexpr std::array<unsigned char, 256> kClasses = make_classes();

unsigned char char_class(char c) noexcept { return kClasses[static_cast<unsigned char>(c)]; }

bool all_of_class(std::string_view text, unsigned char bits) noexcept {
  return std::all_of(text.begin(), text.end(), [&](char c) { return (char_class(c) & bits) != 0; });
}

bool is_example_key_id(std::string_view run) noexcept { return run.ends_with("EXAMPLE"); }

bool is_access_key_id(std::string_view run) noexcept {
  if (run.size() != kKeyIdLength) {
    return false;
  }
  const std::string_view prefix = run.substr(0, 4);
  if (prefix != "AKIA" && prefix != "ASIA" && prefix != "ABIA" && prefix != "ACCA") {
    return false;
  }
  const std::string_view rest = run.substr(prefix.size());
  if (is_example_key_id(run)) {
    // Some documented examples (AKIAI44QH8DHBEXAMPLE) use digits outside base-32.
    return std::all_of(rest.begin(), rest.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
  }
  return all_of_class(rest, base32_upper);
}

// A 40-character base64 run with both letter cases: what AWS generates. The
// case test keeps out hex digests such as git commit ids.
bool could_be_secret(std::string_view run, char next) noexcept {
  if (run.size() != kSecretLength || next == '=') {
    return false;  // padding: a longer base64 blob, not a key
  }
  unsigned char seen = 0;
  for (const char c : run) {
    seen |= char_class(c);
  }
  return (seen & upper) != 0 && (seen & lower) != 0;
}

// True when `name`, ignoring case and punctuation, names a secret access
// key: aws_secret_access_key, secretAccessKey, AWS-SECRET-KEY, secret_key...
bool names_secret_key(std::string_view name) noexcept {
  std::array<char, kNameLookBehind> folded{};
  std::size_t size = 0;
  for (const char c : name) {
    if ((char_class(c) & alnum) != 0 && size < folded.size()) {
      folded[size++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  const std::string_view normalised(folded.data(), size);
  return normalised.find("secretaccesskey") != std::string_view::npos ||
         normalised.find("secretkey") != std::string_view::npos;
}

bool is_name_char(char c) noexcept { return (char_class(c) & alnum) != 0 || c == '_' || c == '-' || c == '.'; }

// The nearest name on the same line before `begin` that names a secret key,
// or empty.
std::string_view assigning_name(std::string_view text, std::size_t begin) noexcept {
  const std::size_t limit = begin > kNameLookBehind ? begin - kNameLookBehind : 0;
  std::size_t pos = begin;
  while (pos > limit) {
    if (text[pos - 1] == '\n') {
      break;
    }
    if (!is_name_char(text[pos - 1])) {
      --pos;
      continue;
    }
    const std::size_t end = pos;
    while (pos > limit && is_name_char(text[pos - 1])) {
      --pos;
    }
    const std::string_view name = text.substr(pos, end - pos);
    if (names_secret_key(name)) {
      return name;
    }
  }
  return {};
}

struct Candidate {
  std::size_t begin = 0;
  std::size_t end = 0;
  SecretKind kind = SecretKind::access_key_id;
  std::string_view assigned_to;
};

// Within text[begin, end), a maximal run of characters that are word or
// base64 characters: every maximal run of word characters is a possible key
// id, every maximal run of base64 characters a possible secret. The
// character at `end`, if any, belongs to neither class and closes both.
void find_candidates_in(std::string_view text, std::size_t begin, std::size_t end, std::vector<Candidate>& out) {
  std::size_t word_begin = begin;
  std::size_t base64_begin = begin;
  bool in_word = false;
  bool in_base64 = false;
  for (std::size_t i = begin; i <= end; ++i) {
    const unsigned char bits = i < end ? char_class(text[i]) : other;
    if ((bits & word) == 0 && in_word) {
      in_word = false;
      if (i - word_begin == kKeyIdLength && is_access_key_id(text.substr(word_begin, kKeyIdLength))) {
        out.push_back({word_begin, i, SecretKind::access_key_id, {}});
      }
    } else if ((bits & word) != 0 && !in_word) {
      in_word = true;
      word_begin = i;
    }
    if ((bits & base64) == 0 && in_base64) {
      in_base64 = false;
      const char next = i < text.size() ? text[i] : '\0';
      if (could_be_secret(text.substr(base64_begin, i - base64_begin), next)) {
        out.push_back({base64_begin, i, SecretKind::secret_access_key, assigning_name(text, base64_begin)});
      }
    } else if ((bits & base64) != 0 && !in_base64) {
      in_base64 = true;
      base64_begin = i;
    }
  }
}

// Keys and secrets are runs of at least kKeyIdLength word or base64
// characters, and most text is made of shorter ones (JSON keys, action
// names). So the scan looks kKeyIdLength - 1 characters ahead: when that
// character cannot be part of such a run, no run long enough starts before
// it, and the scan jumps past it without reading what lies between.
std::vector<Candidate> find_candidates(std::string_view text) {
  constexpr unsigned char run_chars = word | base64;
  const auto in_run = [&](std::size_t i) { return (char_class(text[i]) & run_chars) != 0; };
  std::vector<Candidate> out;
  std::size_t at = 0;  // the start of the text, or just after a character outside any run
  while (at + kKeyIdLength <= text.size()) {
    const std::size_t probe = at + kKeyIdLength - 1;
    if (!in_run(probe)) {
      at = probe + 1;
      continue;
    }
    std::size_t begin = probe;
    while (begin > at && in_run(begin - 1)) {
      --begin;
    }
    std::size_t end = probe + 1;
    while (end < text.size() && in_run(end)) {
      ++end;
    }
    if (end - begin >= kKeyIdLength) {
      find_candidates_in(text, begin, end, out);
    }
    at = end + 1;
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  return out;
}

// `key_id_lines` is sorted.
bool near_a_key_id(const std::vector<std::uint32_t>& key_id_lines, std::uint32_t line) {
  const long first = std::max(1L, static_cast<long>(line) - kKeyIdNeighbourhoodLines);
  const auto found = std::lower_bound(key_id_lines.begin(), key_id_lines.end(), static_cast<std::uint32_t>(first));
  return found != key_id_lines.end() && static_cast<long>(*found) <= static_cast<long>(line) + kKeyIdNeighbourhoodLines;
}

struct Escape {
  char decoded;
  std::size_t length;  ///< bytes of the text it stands for
};

// The escape at text[at] (a backslash) as JSON reads it. A \uXXXX outside
// printable ASCII, which no key holds, reads as a space: it ends a run as the
// character would. A backslash that starts no escape stands for itself.
Escape escape_at(std::string_view text, std::size_t at) noexcept {
  if (at + 1 >= text.size()) {
    return {'\\', 1};
  }
  switch (text[at + 1]) {
    case 'u': {
      if (at + 6 > text.size()) {
        return {'\\', 1};
      }
      const char* digits = text.data() + at + 2;
      unsigned value = 0;
      if (std::from_chars(digits, digits + 4, value, 16).ptr != digits + 4) {
        return {'\\', 1};
      }
      return {value >= 0x20 && value < 0x7F ? static_cast<char>(value) : ' ', 6};
    }
    case '/': return {'/', 2};
    case '\\': return {'\\', 2};
    case '"': return {'"', 2};
    case 'n': return {'\n', 2};
    case 'r': return {'\r', 2};
    case 't': return {'\t', 2};
    case 'b':
    case 'f': return {' ', 2};
    default: return {'\\', 1};
  }
}

// Text as a scan reads it: with JSON escapes resolved, so that a key written
// \u0041KIA... is found, and the way back from a position in the decoded
// text to the byte of the text as written. Text without a backslash is read
// as it is, without a copy.
class DecodedText {
 public:
  explicit DecodedText(std::string_view raw) : raw_(raw) {
    std::size_t at = raw.find('\\');
    if (at == std::string_view::npos) {
      return;
    }
    escaped_ = true;
    decoded_.reserve(raw.size());
    std::size_t copied = 0;
    while (at != std::string_view::npos) {
      decoded_.append(raw.substr(copied, at - copied));
      const Escape escape = escape_at(raw, at);
      decoded_.push_back(escape.decoded);
      copied = at + escape.length;
      if (escape.length > 1) {
        anchors_.emplace_back(decoded_.size(), copied);
      }
      at = raw.find('\\', copied);
    }
    decoded_.append(raw.substr(copied));
  }

  std::string_view text() const noexcept { return escaped_ ? std::string_view(decoded_) : raw_; }

  /// The offset in the text as written of decoded position `at`.
  std::size_t raw_offset(std::size_t at) const noexcept {
    const auto after = std::upper_bound(anchors_.begin(), anchors_.end(), at,
                                        [](std::size_t position, const auto& anchor) { return position < anchor.first; });
    if (after == anchors_.begin()) {
      return at;
    }
    const auto& anchor = *std::prev(after);
    return anchor.second + (at - anchor.first);
  }

 private:
  std::string_view raw_;
  std::string decoded_;
  bool escaped_ = false;
  // (decoded position, raw offset) just after each escape longer than one
  // byte: between two anchors both texts advance together.
  std::vector<std::pair<std::size_t, std::size_t>> anchors_;
};

// The bytes of the text as written to overwrite so that decoded[begin, end)
// shows only its first and last kMaskKeep characters, as mask_secret does.
std::pair<std::size_t, std::size_t> mask_bytes(const DecodedText& decoded, std::size_t begin, std::size_t end) {
  if (end - begin <= 2 * kMaskKeep) {
    return {decoded.raw_offset(begin), decoded.raw_offset(end)};
  }
  return {decoded.raw_offset(begin + kMaskKeep), decoded.raw_offset(end - kMaskKeep)};
}

// The prefixes of AWS unique ids (IAM identifiers reference): access keys
// (AKIA, ASIA), STS bearer tokens, context-specific credentials, groups,
// users, instance profiles, managed policies and their versions, public
// keys, roles and certificates.
constexpr std::array<std::string_view, 12> kIdPrefixes = {"AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA",
                                                        "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA"};

struct Span {
  std::size_t begin;
  std::size_t end;
};

// Ids with one of kIdPrefixes and at least 16 base-32 characters after it,
// wherever they stand (glued to a word too: a Sid may hold one), each up to
// the end of its base-32 run. With `masked_too`, ids whose characters after
// the prefix are partly `*` (as masked) count as well.
std::vector<Span> find_ids(std::string_view text, bool masked_too) {
  constexpr std::size_t kIdTail = kKeyIdLength - 4;
  const auto id_char = [&](char c) { return (char_class(c) & base32_upper) != 0 || (masked_too && c == '*'); };
  std::vector<Span> out;
  std::size_t at = text.find('A');
  while (at != std::string_view::npos && at + kKeyIdLength <= text.size()) {
    const std::string_view prefix = text.substr(at, 4);
    if (std::find(kIdPrefixes.begin(), kIdPrefixes.end(), prefix) != kIdPrefixes.end()) {
      std::size_t end = at + 4;
      while (end < text.size() && id_char(text[end])) {
        ++end;
      }
      const std::string_view tail = text.substr(at + 4, end - at - 4);
      const bool masked = tail.find('*') != std::string_view::npos;
      if (tail.size() >= kIdTail && (!masked || (masked_too && tail.find_first_not_of('*') != std::string_view::npos))) {
        out.push_back({at, end});
        at = text.find('A', end);
        continue;
      }
    }
    at = text.find('A', at + 1);
  }
  return out;
}

bool holds_id(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  const DecodedText decoded(text);
  return !find_ids(decoded.text(), true).empty();
}

// The stars in the middle of a masked secret access key.
constexpr std::string_view kMaskedSecretMiddle = "********************************";
static_assert(kMaskedSecretMiddle.size() == kSecretLength - 2 * kMaskKeep);

// Masks the credentials in text[from, end); secrets without a name or a key
// id near them only when `all_secrets` is set.
void mask_in_place(std::string& text, std::size_t from, std::string_view context, bool all_secrets) {
  const DecodedText decoded(std::string_view(text).substr(from));
  const std::string_view view = decoded.text();
  std::vector<Span> spans = find_ids(view, false);
  std::vector<Candidate> secrets = find_candidates(view);
  std::erase_if(secrets, [](const Candidate& c) { return c.kind != SecretKind::secret_access_key; });
  if (!all_secrets && std::any_of(secrets.begin(), secrets.end(), [](const Candidate& c) { return c.assigned_to.empty(); })) {
    // A secret masked elsewhere in the text (a rule quoting it masked) makes
    // its unmasked copies there (say, in a source line) secrets too.
    const bool masked_secret_near = view.find(kMaskedSecretMiddle) != std::string_view::npos;
    const bool ids_near = !spans.empty() || masked_secret_near || !find_ids(view, true).empty() || holds_id(context);
    if (!ids_near) {
      std::erase_if(secrets, [](const Candidate& c) { return c.assigned_to.empty(); });
    }
  }
  for (const Candidate& secret : secrets) {
    spans.push_back({secret.begin, secret.end});
  }
  for (const Span& span : spans) {
    const auto [begin, end] = mask_bytes(decoded, span.begin, span.end);
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(from + begin), text.begin() + static_cast<std::ptrdiff_t>(from + end), '*');
  }
}

}  // namespace

SecretScan scan_text_for_secrets(std::string_view text) {
  const DecodedText decoded(text);
  const std::vector<Candidate> candidates = find_candidates(decoded.text());
  std::vector<SecretMatch> positioned;
  positioned.reserve(candidates.size());
  TextCursor cursor(text);
  for (const Candidate& candidate : candidates) {
    SecretMatch& match = positioned.emplace_back();
    match.kind = candidate.kind;
    match.value = decoded.text().substr(candidate.begin, candidate.end - candidate.begin);
    match.range = cursor.range(decoded.raw_offset(candidate.begin), decoded.raw_offset(candidate.end));
    std::tie(match.mask_begin, match.mask_end) = mask_bytes(decoded, candidate.begin, candidate.end);
    match.assigned_to = candidate.assigned_to;
    match.example = match.kind == SecretKind::access_key_id ? is_example_key_id(match.value)
                                                            : match.value.ends_with("EXAMPLEKEY");
  }
  std::vector<std::uint32_t> key_id_lines;
  for (const SecretMatch& match : positioned) {
    if (match.kind == SecretKind::access_key_id) {
      key_id_lines.push_back(match.range.begin.line);
    }
  }
  SecretScan scan;
  for (const SecretMatch& match : positioned) {
    const bool keep = match.kind == SecretKind::access_key_id || !match.assigned_to.empty() ||
                      near_a_key_id(key_id_lines, match.range.begin.line);
    if (keep) {
      scan.matches.push_back(match);
    }
  }
  return scan;
}

std::string mask_secret(std::string_view value) {
  std::string out(value);
  if (out.size() <= 2 * kMaskKeep) {
    std::fill(out.begin(), out.end(), '*');
    return out;
  }
  std::fill(out.begin() + kMaskKeep, out.end() - kMaskKeep, '*');
  return out;
}

std::string describe(const SecretMatch& match) {
  if (match.kind == SecretKind::secret_access_key) {
    return "an AWS secret access key (" + mask_secret(match.value) + ")";
  }
  // ASIA keys are issued by STS with a session token; the others are long-term.
  const bool temporary = match.value.starts_with("ASIA");
  return std::string(temporary ? "a temporary AWS access key id (" : "an AWS access key id (") +
         mask_secret(match.value) + ")";
}

std::string masked_copy(std::string_view text, const SecretScan& scan) {
  std::string out(text);
  for (const SecretMatch& match : scan.matches) {
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(match.mask_begin),
              out.begin() + static_cast<std::ptrdiff_t>(match.mask_end), '*');
  }
  return out;
}

void mask_credentials(std::string& text, std::size_t from, std::string_view context) {
  mask_in_place(text, std::min(from, text.size()), context, false);
}

std::string mask_value(std::string_view value) {
  std::string out(value);
  mask_in_place(out, 0, {}, true);
  return out;
}

bool looks_like_text(std::string_view bytes) noexcept {
  constexpr std::size_t kSniffBytes = 8000;
  const std::string_view head = bytes.substr(0, std::min(bytes.size(), kSniffBytes));
  return std::memchr(head.data(), '\0', head.size()) == nullptr;
}

}  // namespace policylint::hygiene

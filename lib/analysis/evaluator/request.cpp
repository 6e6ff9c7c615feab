// Reading a request once before its policies are matched: the action split
// and lower-cased, the kind of principal and its account, the resource's
// account, and the context looked up ignoring key case. Also the policy
// variables, whose values come from the request.
#include <algorithm>
#include <array>

#include "analysis/arn.hpp"
#include "analysis/evaluator/evaluator_internal.hpp"
#include "analysis/policy_variables.hpp"
#include "text/text.hpp"
#include "policylint/glob.hpp"

namespace policylint::evaluator {
namespace {

using Kind = PreparedRequest::PrincipalKind;

void lower_into(std::string_view text, std::string& out) {
  out.resize(text.size());
  std::transform(text.begin(), text.end(), out.begin(), ascii_lower);
}

void read_principal(const Request& request, PreparedRequest& prepared) {
  const std::string_view principal = request.principal;
  prepared.role_arn.clear();
  prepared.principal_account = {};
  if (request.anonymous || principal.empty()) {
    prepared.principal_kind = Kind::anonymous;
    return;
  }
  if (analysis::is_account_id(principal)) {
    prepared.principal_kind = Kind::account;
    prepared.principal_account = principal;
    return;
  }
  if (!principal.starts_with("arn:")) {
    // "lambda.amazonaws.com": AWS services sign as their service principal.
    prepared.principal_kind = principal.find('.') != std::string_view::npos ? Kind::service : Kind::other;
    return;
  }
  const analysis::ArnSplit split = analysis::split_arn(principal);
  const analysis::Arn& arn = split.arn;
  prepared.principal_account = arn.account.text;
  const std::string_view resource = arn.resource.text;
  prepared.principal_kind = Kind::other;
  if (resource == "root") {
    prepared.principal_kind = Kind::account;
  } else if (resource.starts_with("user/")) {
    prepared.principal_kind = Kind::user;
  } else if (resource.starts_with("role/")) {
    prepared.principal_kind = Kind::role;
  } else if (resource.starts_with("federated-user/")) {
    prepared.principal_kind = Kind::federated_user;
  } else if (resource.starts_with("assumed-role/")) {
    prepared.principal_kind = Kind::assumed_role;
    const std::string_view rest = resource.substr(13);
    const std::string_view role = rest.substr(0, rest.find('/'));
    prepared.role_arn.append("arn:").append(arn.partition.text).append(":iam::").append(arn.account.text);
    prepared.role_arn.append(":role/").append(role);
  }
}

}  // namespace

const ContextValue* PreparedRequest::context(std::string_view key) const {
  for (const ContextEntry& entry : request->context) {
    if (equal_ignoring_case(entry.key, key)) return &entry.value;
  }
  if (!request->principal_context || !starts_with_ignoring_case(key, "aws:")) return nullptr;
  static constexpr std::array<std::string_view, 4> kDerived = {"aws:PrincipalArn", "aws:PrincipalAccount",
                                                               "aws:PrincipalType", "aws:username"};
  for (std::size_t i = 0; i < kDerived.size(); ++i) {
    if (!equal_ignoring_case(key, kDerived[i])) continue;
    if (!derived[i]) {
      const std::string_view principal = request->principal;
      std::optional<std::string> text;
      switch (i) {
        case 0:
          if (principal.starts_with("arn:")) text = std::string(principal);
          break;
        case 1:
          if (!principal_account.empty()) text = std::string(principal_account);
          break;
        case 2: {
          // By PrincipalKind: anonymous, service, account, user, role,
          // assumed_role, federated_user, other.
          constexpr std::string_view kTypes[] = {"Anonymous", "", "Account", "User", "AssumedRole", "AssumedRole",
                                                 "FederatedUser", ""};
          const std::string_view type = kTypes[static_cast<std::size_t>(principal_kind)];
          if (!type.empty()) text = std::string(type);
          break;
        }
        default:
          if (principal_kind == PrincipalKind::user) text = std::string(principal.substr(principal.rfind('/') + 1));
          break;
      }
      derived[i] = text ? ContextValue{{std::move(*text)}, false} : ContextValue{};
    }
    return derived[i]->values.empty() ? nullptr : &*derived[i];
  }
  return nullptr;
}

void prepare_request(const Request& request, PreparedRequest& prepared) {
  prepared.request = &request;
  const std::string_view action = request.action;
  const std::size_t colon = action.find(':');
  if (colon == std::string_view::npos) {
    lower_into(action, prepared.action_service);
    prepared.action_name.clear();
  } else {
    lower_into(action.substr(0, colon), prepared.action_service);
    lower_into(action.substr(colon + 1), prepared.action_name);
  }
  lower_into(action, prepared.action);
  prepared.resource_product.reset();
  for (std::optional<ContextValue>& value : prepared.derived) value.reset();
  prepared.resource_has_wildcard = has_wildcard(request.resource);
  prepared.resource_literal = request.wildcard_only_action && request.resource == "*";
  prepared.resource_arn = analysis::split_arn(request.resource);
  prepared.resource_account =
      request.resource_account.empty() ? prepared.resource_arn.arn.account.text : std::string_view(request.resource_account);
  read_principal(request, prepared);
  // An ARN without an account (S3 buckets) and no account given: the
  // resource is taken to be in the caller's account.
  if (prepared.resource_account.empty()) prepared.resource_account = prepared.principal_account;
}

VariableTemplate compile_variables(std::string_view text) {
  using PieceKind = VariableTemplate::Piece::Kind;
  VariableTemplate out;
  const auto add_text = [&out](std::string_view part) {
    if (part.empty()) return;
    if (out.pieces.empty() || out.pieces.back().kind != PieceKind::text) out.pieces.push_back({PieceKind::text, {}, false, {}});
    out.pieces.back().text.append(part);
  };
  std::size_t from = 0;
  for (const analysis::PolicyVariable& variable : analysis::find_policy_variables(text)) {
    add_text(text.substr(from, variable.offset - from));
    from = variable.end();
    if (variable.problem != analysis::VariableProblem::none) {
      // IAM substitutes only well-formed variables; the rest is plain text.
      add_text(text.substr(variable.offset, variable.size));
    } else if (variable.escape) {
      out.pieces.push_back({PieceKind::escape, std::string(variable.name), false, {}});
    } else {
      out.pieces.push_back(
          {PieceKind::variable, std::string(variable.name), variable.has_default, std::string(variable.default_value)});
    }
  }
  add_text(text.substr(from));
  return out;
}

bool resolve_variables(const VariableTemplate& pieces, const PreparedRequest& request, Resolved& out,
                       std::string* why) {
  using PieceKind = VariableTemplate::Piece::Kind;
  out.text.clear();
  out.literal.clear();
  const auto append = [&out](std::string_view part, bool literal) {
    out.text.append(part);
    out.literal.resize(out.text.size(), literal ? 1 : 0);
  };
  for (const VariableTemplate::Piece& piece : pieces.pieces) {
    if (piece.kind != PieceKind::variable) {
      append(piece.text, piece.kind == PieceKind::escape);
      continue;
    }
    const ContextValue* value = request.context(piece.text);
    if (value != nullptr && value->multivalued) {
      if (why != nullptr) *why = "${" + piece.text + "} is multivalued and cannot be substituted";
      return false;
    }
    if (value != nullptr && !value->values.empty()) {
      append(value->values.front(), true);
    } else if (piece.has_default) {
      append(piece.default_value, true);
    } else {
      if (why != nullptr) *why = "${" + piece.text + "} is not in the request context and has no default";
      return false;
    }
  }
  return true;
}

}  // namespace policylint::evaluator

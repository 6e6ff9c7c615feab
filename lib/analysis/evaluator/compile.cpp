// Compiling policies for the evaluator: every statement element is read once
// into the form its matcher wants, so that evaluating a request does no
// parsing.
#include <algorithm>
#include <utility>

#include "analysis/arn.hpp"
#include "analysis/evaluator/evaluator_internal.hpp"
#include "analysis/policy_variables.hpp"
#include "text/text.hpp"
#include "policylint/glob.hpp"

namespace policylint::evaluator {
namespace {

ActionPattern compile_action(std::string_view text) {
  ActionPattern pattern;
  if (text == "*") {
    pattern.all = true;
    return pattern;
  }
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    pattern.never = true;
    return pattern;
  }
  pattern.service = to_lower(text.substr(0, colon));
  pattern.name = to_lower(text.substr(colon + 1));
  pattern.service_wildcard = has_wildcard(pattern.service);
  pattern.name_wildcard = has_wildcard(pattern.name);
  return pattern;
}

void record_fields(ResourcePattern& pattern) {
  const analysis::Arn arn = analysis::split_arn(pattern.text).arn;
  const analysis::ArnField* fields[] = {&arn.prefix, &arn.partition, &arn.service, &arn.region, &arn.account, &arn.resource};
  for (std::size_t i = 0; i < 6; ++i) {
    pattern.field_begin[i] = static_cast<std::uint32_t>(fields[i]->offset);
    pattern.field_end[i] = static_cast<std::uint32_t>(fields[i]->end());
  }
  // Variables belong in the resource part: then the other fields are
  // matched as written and only the resource part is substituted.
  if (pattern.has_variables && !analysis::has_policy_variable(pattern.text.substr(0, arn.resource.offset))) {
    pattern.variables = compile_variables(arn.resource.text);
    pattern.variables_in_resource_only = true;
  }
}

/// What a short ARN (fewer than six fields) means depends on the policy:
/// identity policies, boundaries and session policies read the missing
/// fields as `*`; resource and endpoint policies do so only when the ARN has
/// a wildcard, else it names no resource; SCPs only when it ends in `*`;
/// RCPs never.
ResourcePattern compile_resource(PolicyRole role, const Value& value, bool substitutes) {
  ResourcePattern pattern;
  pattern.range = value.range;
  pattern.text = value.text;
  pattern.has_variables = substitutes && analysis::has_policy_variable(value.text);
  if (pattern.has_variables) pattern.variables = compile_variables(value.text);
  if (analysis::is_match_all(value.text)) {
    pattern.form = ResourcePattern::Form::all;
    return pattern;
  }
  if (!value.text.starts_with("arn:")) {
    pattern.form = ResourcePattern::Form::text;
    return pattern;
  }
  const analysis::ArnSplit split = analysis::split_arn(value.text);
  pattern.form = ResourcePattern::Form::arn;
  if (split.complete()) {
    record_fields(pattern);
    return pattern;
  }
  bool pad = false;
  switch (role) {
    case PolicyRole::identity:
    case PolicyRole::boundary:
    case PolicyRole::session:
      pad = true;
      break;
    case PolicyRole::resource:
    case PolicyRole::endpoint:
      pad = has_wildcard(value.text);
      if (!pad) pattern.form = ResourcePattern::Form::nothing;
      break;
    case PolicyRole::scp:
      pad = value.text.ends_with('*');
      if (!pad) pattern.form = ResourcePattern::Form::rejected;
      break;
    case PolicyRole::rcp:
      pattern.form = ResourcePattern::Form::rejected;
      break;
  }
  if (pad) {
    for (std::size_t field = split.field_count; field < 6; ++field) pattern.text += ":*";
    pattern.padded = true;
    if (pattern.has_variables) pattern.variables = compile_variables(pattern.text);
    record_fields(pattern);
  }
  return pattern;
}

PrincipalEntry compile_principal(std::string_view type, std::string_view text) {
  using Kind = PrincipalEntry::Kind;
  PrincipalEntry entry;
  entry.value = std::string(text);
  // A bare string other than "*" is not valid IAM; it is read as an AWS
  // principal, the only kind such a string can name.
  if (type == "AWS" || type.empty()) {
    if (text == "*") {
      entry.kind = Kind::aws_everyone;
    } else if (analysis::is_account_id(text)) {
      entry.kind = Kind::account;
    } else if (text.starts_with("arn:")) {
      const analysis::Arn arn = analysis::split_arn(text).arn;
      if (arn.resource.text == "root") {
        entry.kind = Kind::account;
        entry.value = std::string(arn.account.text);
      } else {
        entry.kind = Kind::arn;
      }
    }
  } else if (type == "Service") {
    entry.kind = text == "*" ? Kind::everyone : Kind::service;
    entry.value = to_lower(text);
  } else if (type == "Federated") {
    entry.kind = Kind::federated;
  } else if (type == "CanonicalUser") {
    entry.kind = Kind::canonical_user;
  }
  return entry;
}

ConditionValue compile_condition_value(const analysis::ConditionOperator* op, const Value& value, bool substitutes) {
  using Family = analysis::OperatorFamily;
  ConditionValue compiled;
  compiled.text = value.text;
  const Family family = op != nullptr ? op->base->family : Family::string;
  // Variables are substituted in the values of String, ARN and Bool operators.
  const bool takes_variables = family == Family::string || family == Family::arn || family == Family::boolean;
  compiled.has_variables = substitutes && takes_variables && analysis::has_policy_variable(value.text);
  if (compiled.has_variables) {
    compiled.variables = compile_variables(value.text);
    return compiled;
  }
  switch (family) {
    case Family::numeric:
      compiled.number = parse_number(value.text);
      break;
    case Family::date:
      compiled.date_ms = parse_date_ms(value.text);
      break;
    case Family::ip_address:
      compiled.ip = analysis::parse_ip_range(value.text);
      break;
    case Family::boolean:
    case Family::null:
      compiled.boolean = analysis::parse_bool(value.text);
      break;
    default:
      break;
  }
  return compiled;
}

CompiledStatement compile_statement(PolicyRole role, const Statement& statement, bool substitutes) {
  CompiledStatement out;
  out.index = statement.index;
  out.sid = std::string(statement.sid_text());
  out.effect = statement.effect;
  out.range = statement.range;
  out.substitutes_variables = substitutes;

  const PrincipalElement& principal = statement.principals();
  out.has_principal = principal.present;
  out.principal_negated = statement.principals_negated();
  if (principal.wildcard) out.principals.push_back({PrincipalEntry::Kind::everyone, "*"});
  for (const PrincipalGroup& group : principal.groups) {
    for (const Value& value : group.values.values) out.principals.push_back(compile_principal(group.type, value.text));
  }

  const ValueList& actions = statement.actions();
  out.has_action = actions.present;
  out.action_negated = statement.actions_negated();
  for (const Value& value : actions.values) out.actions.push_back(compile_action(value.text));

  const ValueList& resources = statement.resources();
  out.has_resource = resources.present;
  out.resource_negated = statement.resources_negated();
  for (const Value& value : resources.values) out.resources.push_back(compile_resource(role, value, substitutes));

  for (const ConditionBlock& block : statement.condition.blocks) {
    const std::optional<analysis::ConditionOperator> op = analysis::parse_condition_operator(block.op);
    for (const ConditionEntry& entry : block.entries) {
      CompiledCondition& condition = out.conditions.emplace_back();
      condition.op_text = block.op;
      condition.op = op;
      condition.key = entry.key;
      condition.range = entry.key_range;
      for (const Value& value : entry.values.values) {
        condition.values.push_back(compile_condition_value(op ? &*op : nullptr, value, substitutes));
      }
    }
  }
  return out;
}

void add_to_index(std::vector<IndexedStatements>& index, const std::string& key, std::uint32_t statement) {
  auto found = std::find_if(index.begin(), index.end(), [&](const IndexedStatements& entry) { return entry.key == key; });
  if (found == index.end()) found = index.insert(found, {key, {}});
  if (found->statements.empty() || found->statements.back() != statement) found->statements.push_back(statement);
}

void index_by_action(CompiledPolicy& policy) {
  for (std::uint32_t i = 0; i < policy.statements.size(); ++i) {
    const CompiledStatement& statement = policy.statements[i];
    if (!statement.has_action) continue;  // applies to no request
    const bool any = statement.action_negated ||
                     std::any_of(statement.actions.begin(), statement.actions.end(),
                                 [](const ActionPattern& pattern) { return pattern.all || pattern.service_wildcard; });
    if (any) {
      policy.any_service.push_back(i);
      continue;
    }
    for (const ActionPattern& pattern : statement.actions) {
      if (pattern.never) continue;
      if (pattern.name_wildcard) {
        add_to_index(policy.by_service, pattern.service, i);
      } else {
        add_to_index(policy.by_action, pattern.service + ":" + pattern.name, i);
      }
    }
  }
}

}  // namespace

CompiledPolicy compile_policy(PolicyRole role, std::string name, std::size_t level, const Policy& policy) {
  CompiledPolicy compiled;
  compiled.role = role;
  compiled.name = std::move(name);
  compiled.level = level;
  const bool substitutes = analysis::variables_substituted(policy);
  compiled.statements.reserve(policy.statements.size());
  for (const Statement& statement : policy.statements) {
    compiled.statements.push_back(compile_statement(role, statement, substitutes));
  }
  index_by_action(compiled);
  return compiled;
}

}  // namespace policylint::evaluator

namespace policylint {

struct PolicySetBuilder::Data {
  CompiledPolicySet::Impl set;
};

PolicySetBuilder::PolicySetBuilder() : data_(std::make_unique<Data>()) {}
PolicySetBuilder::~PolicySetBuilder() = default;
PolicySetBuilder::PolicySetBuilder(PolicySetBuilder&&) noexcept = default;
PolicySetBuilder& PolicySetBuilder::operator=(PolicySetBuilder&&) noexcept = default;

void PolicySetBuilder::begin_level(PolicyRole role, std::string name) {
  if (role == PolicyRole::scp) data_->set.scp_levels.push_back({std::move(name), {}});
  if (role == PolicyRole::rcp) data_->set.rcp_levels.push_back({std::move(name), {}});
}

void PolicySetBuilder::add(PolicyRole role, std::string name, const Policy& policy) {
  CompiledPolicySet::Impl& set = data_->set;
  const auto add_to_level = [&](std::vector<evaluator::Level>& levels) {
    if (levels.empty()) levels.push_back({});
    const std::size_t level = levels.size() - 1;
    levels.back().policies.push_back(evaluator::compile_policy(role, std::move(name), level, policy));
  };
  switch (role) {
    case PolicyRole::identity:
      set.identity.push_back(evaluator::compile_policy(role, std::move(name), 0, policy));
      break;
    case PolicyRole::resource:
      set.resource.push_back(evaluator::compile_policy(role, std::move(name), 0, policy));
      break;
    case PolicyRole::boundary:
      set.boundary.push_back(evaluator::compile_policy(role, std::move(name), 0, policy));
      break;
    case PolicyRole::session:
      set.session.push_back(evaluator::compile_policy(role, std::move(name), 0, policy));
      break;
    case PolicyRole::endpoint:
      set.endpoint.push_back(evaluator::compile_policy(role, std::move(name), 0, policy));
      break;
    case PolicyRole::scp:
      add_to_level(set.scp_levels);
      break;
    case PolicyRole::rcp:
      add_to_level(set.rcp_levels);
      break;
  }
}

std::shared_ptr<const CompiledPolicySet> PolicySetBuilder::compile() const {
  return std::make_shared<const CompiledPolicySet>(std::make_unique<CompiledPolicySet::Impl>(data_->set));
}

CompiledPolicySet::CompiledPolicySet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledPolicySet::~CompiledPolicySet() = default;

}  // namespace policylint

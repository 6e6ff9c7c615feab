#include <algorithm>
#include <optional>

#include "analysis/escalation_methods.hpp"
#include "rules/grant_findings.hpp"

namespace policylint::rules {
namespace {

using analysis::ConditionVerdict;
using analysis::EscalationKind;
using analysis::EscalationMethod;
using analysis::Reach;

constexpr std::string_view kPassedToService = "iam:PassedToService";

/// One step of a method, fulfilled by one statement's grant of one action.
struct StepGrant {
  catalog::ActionView action;
  analysis::Grant grant;
  ConditionVerdict verdict;  ///< what the statement's condition leaves of the grant
};

/// What a statement's condition leaves of its grant of `action` for this
/// method: an iam:PassedToService condition on iam:PassRole counts only when
/// it rules out the service the method passes the role to.
std::optional<ConditionVerdict> verdict_for(const analysis::StatementGrant& grant, catalog::ActionView action,
                                            const EscalationMethod& method) {
  const bool pass_role = !method.passed_to.empty() && action.name() == "iam:PassRole";
  if (pass_role && !grant.condition.admits(kPassedToService, method.passed_to)) {
    return std::nullopt;
  }
  const ConditionVerdict verdict =
      pass_role ? grant.condition.verdict_without(kPassedToService) : grant.condition.verdict;
  if (verdict > ConditionVerdict::weakly_restricting) {
    return std::nullopt;
  }
  return verdict;
}

/// The widest, least restricted grant of one of the step's actions that can
/// reach the sensitive target (a wildcard or every resource).
std::optional<StepGrant> fulfil(const analysis::EffectiveAccess& access, std::span<const catalog::ActionView> step,
                                const EscalationMethod& method) {
  std::optional<StepGrant> best;
  for (const catalog::ActionView action : step) {
    for (const analysis::Grant& grant : access.grants_of(action)) {
      if (grant.resources.reach < Reach::wildcard) {
        break;
      }
      const auto verdict = verdict_for(*grant.statement, action, method);
      const bool better = !best || grant.resources.reach > best->grant.resources.reach ||
                          (grant.resources.reach == best->grant.resources.reach && verdict < best->verdict);
      if (verdict && better) {
        best = StepGrant{action, grant, *verdict};
      }
    }
  }
  return best;
}

std::string_view fix_for(EscalationKind kind) noexcept {
  switch (kind) {
    case EscalationKind::direct:
      return "name in Resource only what the holder may change (never what carries its own permissions), or "
             "remove the action";
    case EscalationKind::new_resource:
      return "name the roles it may pass in Resource and limit iam:PassedToService, or remove one of these actions";
    case EscalationKind::existing_resource:
      return "name the resources it may act on in Resource, or add a condition such as aws:ResourceTag";
  }
  return "";
}

/// What one method needs, as the policy grants it.
struct Match {
  const EscalationMethod* method;
  std::vector<StepGrant> steps;
};

/// Adds, for each step, where it is granted and on which resources.
void relate(Finding& finding, const Match& match) {
  for (const StepGrant& step : match.steps) {
    const Statement& granting = *step.grant.statement->statement;
    const SourceRange where = where_named(granting, step.action);
    if (where.begin.offset != finding.range.begin.offset) {
      finding.related.push_back(
          {where, "grants " + std::string(step.action.name()) + " (statement " + std::to_string(granting.index) + ")"});
    }
    finding.related.push_back({where_resources(granting, step.grant.resources.value),
                               std::string(step.action.name()) + " applies to these resources"});
  }
}

bool narrowed_a_little(const Match& match) noexcept {
  return std::any_of(match.steps.begin(), match.steps.end(),
                     [](const StepGrant& step) { return step.verdict == ConditionVerdict::weakly_restricting; });
}

std::vector<catalog::ActionView> actions_of(const Match& match) {
  std::vector<catalog::ActionView> actions;
  for (const StepGrant& step : match.steps) {
    actions.push_back(step.action);
  }
  return actions;
}

/// A method that works on its own: one finding per method.
void report_method(PolicyContext& context, const Match& match) {
  const EscalationMethod& method = *match.method;
  const bool everywhere = std::all_of(match.steps.begin(), match.steps.end(), [](const StepGrant& step) {
    return step.grant.resources.reach == Reach::unscoped;
  });
  const bool weakly = narrowed_a_little(match);
  const StepGrant& first = match.steps.front();
  const Statement& statement = *first.grant.statement->statement;
  const std::string message =
      "with " + list_actions(actions_of(match)) + (everywhere ? " on every resource" : " on wildcard resources") +
      " the holder can " + std::string(method.how) + " (privilege escalation: " + std::string(method.id) + ")" +
      (weakly ? "; a condition narrows this only a little" : "") + "; " + std::string(fix_for(method.kind));
  Finding& finding = context.report(where_named(statement, first.action), message, &statement, std::string(method.id));
  finding.severity = weakly ? lowered(Severity::security) : Severity::security;
  relate(finding, match);
}

/// Methods that need a privileged resource to exist already: the policy
/// cannot say whether one does, so they are reported with less confidence,
/// in one finding per statement.
void report_existing(PolicyContext& context, const std::vector<const Match*>& matches) {
  const Statement& statement = *matches.front()->steps.front().grant.statement->statement;
  std::string ways;
  std::string ids;
  bool weakly = false;
  for (const Match* match : matches) {
    ways += (ways.empty() ? "" : "; ") + list_actions(actions_of(*match)) + " to " + std::string(match->method->how) +
            " (" + std::string(match->method->id) + ")";
    ids += (ids.empty() ? "" : ",") + std::string(match->method->id);
    weakly = weakly || narrowed_a_little(*match);
  }
  const std::string message =
      "the holder can take over the roles of existing resources if any runs with more privilege than it has: " + ways +
      (weakly ? "; a condition narrows this only a little" : "") + "; " +
      std::string(fix_for(EscalationKind::existing_resource));
  Finding& finding =
      context.report(where_named(statement, matches.front()->steps.front().action), message, &statement, ids);
  finding.severity = weakly ? lowered(Severity::warning) : Severity::warning;
  for (const Match* match : matches) {
    relate(finding, *match);
  }
}

/// The methods whose every step the policy grants, in table order.
std::vector<Match> matches_of(const analysis::EffectiveAccess& access) {
  static const std::vector<analysis::EscalationSteps> resolved = [] {
    std::vector<analysis::EscalationSteps> all;
    for (const EscalationMethod& method : analysis::escalation_methods()) {
      all.push_back(analysis::resolve_steps(method));
    }
    return all;
  }();
  const auto methods = analysis::escalation_methods();
  std::vector<Match> matches;
  for (std::size_t m = 0; m < methods.size(); ++m) {
    Match match{&methods[m], {}};
    for (const std::vector<catalog::ActionView>& step : resolved[m].steps) {
      const auto fulfilled = fulfil(access, step, methods[m]);
      if (!fulfilled) {
        break;
      }
      match.steps.push_back(*fulfilled);
    }
    if (match.steps.size() == resolved[m].steps.size() && !match.steps.empty()) {
      matches.push_back(std::move(match));
    }
  }
  return matches;
}

void check(PolicyContext& context) {
  if (!grants_to_holder(context)) {
    return;
  }
  const analysis::EffectiveAccess& access = context.effective_access();
  if (access.has_admin()) {
    return;  // PL300 says it: a holder of everything has nothing left to escalate to
  }
  const std::vector<Match> matches = matches_of(access);
  // Existing-resource methods, grouped by the statement of their first step.
  std::vector<std::vector<const Match*>> existing_by_statement;
  for (const Match& match : matches) {
    if (match.method->kind != EscalationKind::existing_resource) {
      report_method(context, match);
      continue;
    }
    const Statement* statement = match.steps.front().grant.statement->statement;
    const auto group = std::find_if(existing_by_statement.begin(), existing_by_statement.end(), [&](const auto& g) {
      return g.front()->steps.front().grant.statement->statement == statement;
    });
    if (group == existing_by_statement.end()) {
      existing_by_statement.push_back({&match});
    } else {
      group->push_back(&match);
    }
  }
  for (const auto& group : existing_by_statement) {
    report_existing(context, group);
  }
}

}  // namespace

extern const Rule privilege_escalation{
    {"PL301", "privilege-escalation", Severity::security, Category::privilege_escalation,
     "The policy lets its holder make itself more powerful"},
    check,
};

}  // namespace policylint::rules

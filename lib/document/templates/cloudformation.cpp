#include "document/templates/cloudformation.hpp"

#include <array>
#include <string>

#include "document/templates/intrinsics.hpp"
#include "document/templates/yaml_tree.hpp"

namespace policylint::templates {
namespace {

const json::Member* member(const json::Node& object, std::string_view key) {
  const json::Member* found = nullptr;
  for (const json::Member& m : object.members) {
    found = m.key == key ? &m : found;  // the last one wins, as for CloudFormation
  }
  return found;
}

const json::Node* value(const json::Node& object, std::string_view key) {
  const json::Member* m = member(object, key);
  return m != nullptr ? &m->value : nullptr;
}

bool string_starting(const json::Node* node, std::string_view prefix) {
  return node != nullptr && node->kind == JsonKind::string && node->text.starts_with(prefix);
}

bool is_template(const json::Node& root) {
  if (root.kind != JsonKind::object) {
    return false;
  }
  if (member(root, "AWSTemplateFormatVersion") != nullptr) {
    return true;
  }
  const json::Node* transform = value(root, "Transform");
  if (string_starting(transform, "AWS::Serverless")) {
    return true;
  }
  if (transform != nullptr && transform->kind == JsonKind::array) {
    for (const json::Node& item : transform->items) {
      if (string_starting(&item, "AWS::Serverless")) {
        return true;
      }
    }
  }
  const json::Node* resources = value(root, "Resources");
  if (resources == nullptr || resources->kind != JsonKind::object) {
    return false;
  }
  for (const json::Member& resource : resources->members) {
    if (resource.value.kind == JsonKind::object && string_starting(value(resource.value, "Type"), "AWS::")) {
      return true;
    }
  }
  return false;
}

// A resource type and the properties that hold one policy document.
struct PolicyProperty {
  std::string_view resource_type;
  std::string_view property;
  PolicyType type;
};

constexpr std::array kPolicyProperties = {
    PolicyProperty{"AWS::IAM::Policy", "PolicyDocument", PolicyType::identity},
    PolicyProperty{"AWS::IAM::ManagedPolicy", "PolicyDocument", PolicyType::identity},
    PolicyProperty{"AWS::IAM::Role", "AssumeRolePolicyDocument", PolicyType::trust},
    PolicyProperty{"AWS::S3::BucketPolicy", "PolicyDocument", PolicyType::resource},
    PolicyProperty{"AWS::SQS::QueuePolicy", "PolicyDocument", PolicyType::resource},
    PolicyProperty{"AWS::SNS::TopicPolicy", "PolicyDocument", PolicyType::resource},
    PolicyProperty{"AWS::KMS::Key", "KeyPolicy", PolicyType::resource},
    PolicyProperty{"AWS::ECR::Repository", "RepositoryPolicyText", PolicyType::resource},
    PolicyProperty{"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy", PolicyType::resource},
    PolicyProperty{"AWS::EC2::VPCEndpoint", "PolicyDocument", PolicyType::endpoint},
};

class Extractor {
 public:
  explicit Extractor(TemplateReadOutput& out) : out_(out) {}

  void resource(const json::Member& resource) {
    if (resource.value.kind != JsonKind::object) {
      return;
    }
    const json::Node* type = value(resource.value, "Type");
    const json::Node* properties = value(resource.value, "Properties");
    if (type == nullptr || type->kind != JsonKind::string || properties == nullptr ||
        properties->kind != JsonKind::object) {
      return;
    }
    const std::string& id = resource.key;
    for (const PolicyProperty& known : kPolicyProperties) {
      if (type->text == known.resource_type) {
        policy(properties, known.property, known.type, id + "." + std::string(known.property));
      }
    }
    if (type->text == "AWS::IAM::Role" || type->text == "AWS::IAM::User" || type->text == "AWS::IAM::Group") {
      inline_policies(*properties, id);
    } else if (type->text == "AWS::Organizations::Policy") {
      const json::Node* kind = value(*properties, "Type");
      if (kind != nullptr && kind->text == "SERVICE_CONTROL_POLICY") {
        policy(properties, "Content", PolicyType::scp, id + ".Content");
      } else if (kind != nullptr && kind->text == "RESOURCE_CONTROL_POLICY") {
        policy(properties, "Content", PolicyType::rcp, id + ".Content");
      }
    } else if (type->text == "AWS::Serverless::Function") {
      sam_policies(*properties, id);
    }
  }

 private:
  // Role, User, Group: Policies[].PolicyDocument.
  void inline_policies(const json::Node& properties, const std::string& id) {
    const json::Node* list = value(properties, "Policies");
    if (list == nullptr || list->kind != JsonKind::array) {
      return;
    }
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      if (list->items[i].kind == JsonKind::object) {
        policy(&list->items[i], "PolicyDocument", PolicyType::identity,
               id + ".Policies[" + std::to_string(i) + "].PolicyDocument");
      }
    }
  }

  // SAM: Policies is a managed policy name, a policy template, an inline
  // document, or a list of these; only inline documents are read.
  void sam_policies(const json::Node& properties, const std::string& id) {
    const json::Member* list = member(properties, "Policies");
    if (list == nullptr) {
      return;
    }
    if (list->value.kind == JsonKind::object && value(list->value, "Statement") != nullptr) {
      add(list->value, list->key_range, PolicyType::identity, id + ".Policies");
      return;
    }
    if (list->value.kind != JsonKind::array) {
      return;
    }
    for (std::size_t i = 0; i < list->value.items.size(); ++i) {
      const json::Node& item = list->value.items[i];
      if (item.kind == JsonKind::object && value(item, "Statement") != nullptr) {
        add(item, item.range, PolicyType::identity, id + ".Policies[" + std::to_string(i) + "]");
      }
    }
  }

  void policy(const json::Node* holder, std::string_view property, PolicyType type, std::string subject) {
    const json::Member* found = member(*holder, property);
    if (found != nullptr && found->value.kind == JsonKind::object) {
      add(found->value, found->key_range, type, std::move(subject));
    }
  }

  void add(const json::Node& document, const SourceRange& place, PolicyType type, std::string subject) {
    EmbeddedPolicy policy;
    policy.type = type;
    policy.subject = std::move(subject);
    policy.place = place;
    resolve_intrinsics(document, policy.tree.root, policy.tree.arena.get());
    policy.tree.ok = true;
    out_.policies.push_back(std::move(policy));
  }

  TemplateReadOutput& out_;
};

bool looks_like_json(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

// A YAML file that does not parse is taken for a template when it says so.
bool mentions_template(std::string_view text) {
  return text.find("AWSTemplateFormatVersion") != std::string_view::npos ||
         (text.find("Resources:") != std::string_view::npos && text.find("AWS::") != std::string_view::npos);
}

}  // namespace

TemplateReadOutput read_cloudformation(std::string_view text) {
  TemplateReadOutput out;
  std::vector<SyntaxIssue> issues;
  const bool is_json = looks_like_json(text);
  // Built in place: a tree's lists live in its own arena.
  const json::ParseOutput tree = is_json ? json::parse(text, ParseLimits{}, issues) : parse_yaml(text, issues);
  if (!tree.ok) {
    if (!is_json) {
      out.is_template = mentions_template(text);
      out.issues = std::move(issues);
    }
    return out;  // broken JSON: the policy reader's to report
  }
  if (!is_template(tree.root)) {
    return out;
  }
  out.is_template = true;
  const json::Node* resources = value(tree.root, "Resources");
  if (resources != nullptr && resources->kind == JsonKind::object) {
    Extractor extractor(out);
    for (const json::Member& resource : resources->members) {
      extractor.resource(resource);
    }
  }
  return out;
}

}  // namespace policylint::templates

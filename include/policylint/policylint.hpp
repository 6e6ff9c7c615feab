#pragma once
// Everything of policylint's C++ API in one include: the policy model and
// findings, options, the catalog, linting one document or a whole workspace,
// configuration, baselines and reports. The C API is policylint.h.
#include "policylint/baseline.hpp"
#include "policylint/catalog.hpp"
#include "policylint/config.hpp"
#include "policylint/document.hpp"
#include "policylint/finding.hpp"
#include "policylint/glob.hpp"
#include "policylint/guardrails.hpp"
#include "policylint/hygiene.hpp"
#include "policylint/linter.hpp"
#include "policylint/linter_set.hpp"
#include "policylint/options.hpp"
#include "policylint/policy.hpp"
#include "policylint/policy_type.hpp"
#include "policylint/report.hpp"
#include "policylint/rules.hpp"
#include "policylint/source.hpp"
#include "policylint/version.hpp"
#include "policylint/workspace.hpp"

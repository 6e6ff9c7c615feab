# Turns docs/rules/<CODE>.md into a C++ table of (code, text) pairs.
# Invoked with -DDOCS_DIR=... -DOUTPUT=...
file(GLOB docs "${DOCS_DIR}/*.md")
list(SORT docs)
set(body "")
list(LENGTH docs count)
foreach(doc IN LISTS docs)
  get_filename_component(code "${doc}" NAME_WE)
  file(READ "${doc}" text)
  string(FIND "${text}" ")PLDOC\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${doc} contains the raw-string delimiter )PLDOC\"")
  endif()
  string(APPEND body "    {\"${code}\", R\"PLDOC(${text})PLDOC\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp"
"// Generated from docs/rules/*.md by cmake/EmbedRuleDocs.cmake. Do not edit.
#include \"rules/rule_docs.hpp\"

#include <array>

namespace policylint::rules {

namespace {
constexpr std::array<RuleDoc, ${count}> kRuleDocs = {{
${body}}};
}  // namespace

std::span<const RuleDoc> rule_docs() { return kRuleDocs; }

}  // namespace policylint::rules
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)

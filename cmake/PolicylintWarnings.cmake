# Warning flags shared by every target of the project.
add_library(policylint_warnings INTERFACE)
target_compile_options(policylint_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra -Wpedantic>
  # GCC 12 at -O3 reports impossible overlaps inside std::string's own
  # concatenation (GCC bug 105329); the warning says nothing about our code.
  $<$<COMPILE_LANG_AND_ID:CXX,GNU>:-Wno-restrict>
  $<$<BOOL:${POLICYLINT_WERROR}>:-Werror>)

# Installation: headers, the library, the CLI, a CMake package
# (find_package(policylint CONFIG) -> policylint::policylint) and policylint.pc.
# Included from the top-level CMakeLists.txt when POLICYLINT_INSTALL is on.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(POLICYLINT_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/policylint"
    CACHE STRING "Where the CMake package files are installed, relative to the prefix")

install(TARGETS policylint EXPORT policylintTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" NAMELINK_COMPONENT Development
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")
if(TARGET policylint_cli)
  # The installed CLI finds a shared libpolicylint next to it, wherever the
  # tree is installed or unpacked.
  file(RELATIVE_PATH _policylint_bin_to_lib "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_LIBDIR}")
  set_target_properties(policylint_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${_policylint_bin_to_lib}")
  install(TARGETS policylint_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
endif()

# A static library does not carry its private dependencies: consumers must
# link re2 and the C++ runtime themselves (fmt is compiled in), which a C
# program's linker does not add. The config file and policylint.pc say so.
get_target_property(_policylint_type policylint TYPE)
if(_policylint_type STREQUAL "STATIC_LIBRARY")
  set(POLICYLINT_STATIC_INSTALL ON)
  set(POLICYLINT_PC_REQUIRES_PRIVATE "re2 yaml-cpp")
  set(POLICYLINT_PC_LIBS_PRIVATE "-lstdc++ -lm")
else()
  set(POLICYLINT_STATIC_INSTALL OFF)
  set(POLICYLINT_PC_REQUIRES_PRIVATE "")
  set(POLICYLINT_PC_LIBS_PRIVATE "")
endif()

install(EXPORT policylintTargets
  NAMESPACE policylint::
  DESTINATION "${POLICYLINT_INSTALL_CMAKEDIR}")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/policylintConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/policylintConfig.cmake"
  INSTALL_DESTINATION "${POLICYLINT_INSTALL_CMAKEDIR}")
# Before 1.0, a minor release may break the API.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/policylintConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/policylintConfig.cmake" "${PROJECT_BINARY_DIR}/policylintConfigVersion.cmake"
        DESTINATION "${POLICYLINT_INSTALL_CMAKEDIR}")

# policylint.pc with paths relative to the .pc file, so that the installed
# tree can be moved.
file(RELATIVE_PATH POLICYLINT_PC_PREFIX_FROM_PCDIR
     "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" POLICYLINT_PC_PREFIX_FROM_PCDIR "${POLICYLINT_PC_PREFIX_FROM_PCDIR}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/policylint.pc.in" "${PROJECT_BINARY_DIR}/policylint.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/policylint.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

include(PolicylintPackaging)

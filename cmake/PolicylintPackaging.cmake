# CPack: `cpack` in a build tree makes a Debian package (.deb, Debian 12) and
# a .tar.gz of the installed tree. In a static build the CLI in both needs
# only the C library (static libpolicylint and C++ runtime, see
# tools/CMakeLists.txt), so the tarball runs wherever it is unpacked.
# Included from PolicylintInstall.cmake.
set(CPACK_PACKAGE_NAME "policylint")
set(CPACK_PACKAGE_VENDOR "policylint")
set(CPACK_PACKAGE_CONTACT "policylint maintainers <policylint@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Offline static analyzer for AWS IAM policies")
set(CPACK_PACKAGE_DESCRIPTION
    "policylint reads IAM policies (JSON, CloudFormation, Terraform) and reports\n\
invalid, insecure and over-broad grants, without network access or AWS\n\
credentials. The package holds the CLI, the library (C and C++ API), its\n\
CMake package and pkg-config file.")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_FILE_NAME "policylint-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
# The package manager's conventions: policylint_0.1.0_amd64.deb, in /usr.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
# Depends from what the binaries link (libc6, libre2-9, ...), found by dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(NOT BUILD_SHARED_LIBS)
  # Programs linking the static libpolicylint.a also link re2.
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libre2-dev, pkg-config")
else()
  # The CLI links this build's libpolicylint.so, which no installed package provides.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${PROJECT_BINARY_DIR}/lib")
endif()
include(CPack)

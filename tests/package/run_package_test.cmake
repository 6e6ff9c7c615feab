# Drives the package tests (cmake -P). Every step must succeed, or the test
# fails with the step's output.
#   STEP=install        install BUILD_DIR into PREFIX (fresh), check headers
#                       and that INSTALLED_FILES (relative to PREFIX) exist
#   STEP=cmake          configure, build and run PROJECT against PREFIX
#   STEP=pkgconfig      compile SOURCE with the flags of PREFIX's policylint.pc, run it
#   STEP=subdirectory   configure PROJECT, which add_subdirectory()s SOURCE_DIR
#   STEP=cli            run CLI: --version prints VERSION, a lint of LINT_FILE
#                       exits 1 and names LINT_EXPECT
#   STEP=cpack          cpack BUILD_DIR into WORK_DIR, unpack the .deb (dpkg-deb -x)
#                       and the .tar.gz, check the .deb's Depends and that the
#                       tarball's CLI needs no C++ runtime, run both CLIs as STEP=cli
# Common inputs: WORK_DIR (scratch), LIBDIR (relative to PREFIX), GENERATOR, BUILD_TYPE, C_COMPILER,
# CXX_COMPILER, EXTRA_FLAGS (e.g. sanitizer flags), EXTRA_LINK_FLAGS. Lists are '|'-separated.

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT code EQUAL 0)
    list(JOIN ARGN " " command)
    message(FATAL_ERROR "failed (${code}): ${command}\n${out}")
  endif()
  message(STATUS "${out}")
endfunction()

# Installed headers may include the standard library and each other, nothing
# else: a C++ tool that links policylint must not need its dependencies.
function(check_headers include_dir)
  file(GLOB_RECURSE headers "${include_dir}/policylint.h" "${include_dir}/policylint/*")
  if(NOT headers)
    message(FATAL_ERROR "no headers installed under ${include_dir}")
  endif()
  foreach(header IN LISTS headers)
    file(STRINGS "${header}" includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS includes)
      if(line MATCHES "<([^>]+)>")
        set(included "${CMAKE_MATCH_1}")  # the next MATCHES resets CMAKE_MATCH_1
        # Standard headers: <vector>, <cstdint>, and C's <stddef.h>, <stdint.h>.
        if(NOT included MATCHES "^[a-z_]+$" AND NOT included MATCHES "^std[a-z]+\\.h$")
          message(FATAL_ERROR "${header} includes a non-standard header: ${line}")
        endif()
      elseif(line MATCHES "\"([^\"]+)\"" AND NOT EXISTS "${include_dir}/${CMAKE_MATCH_1}")
        message(FATAL_ERROR "${header} includes a header that is not installed: ${line}")
      endif()
    endforeach()
  endforeach()
endfunction()

# The installed CLI, run where it was installed or unpacked.
function(check_cli cli)
  execute_process(COMMAND "${cli}" --version RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT code EQUAL 0 OR NOT out MATCHES "${VERSION}")
    message(FATAL_ERROR "${cli} --version: exit ${code}, expected ${VERSION}:\n${out}")
  endif()
  execute_process(COMMAND "${cli}" --no-config "${LINT_FILE}" RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT code EQUAL 1 OR NOT out MATCHES "${LINT_EXPECT}")
    message(FATAL_ERROR "${cli} ${LINT_FILE}: exit ${code}, expected 1 and ${LINT_EXPECT}:\n${out}")
  endif()
  message(STATUS "${cli}: ok")
endfunction()

string(REPLACE "|" ";" EXTRA_FLAGS "${EXTRA_FLAGS}")
string(REPLACE "|" ";" INSTALLED_FILES "${INSTALLED_FILES}")
set(toolchain -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
list(JOIN EXTRA_FLAGS " " flags)

if(STEP STREQUAL "install")
  file(REMOVE_RECURSE "${PREFIX}")
  run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" --config "${BUILD_TYPE}")
  check_headers("${PREFIX}/include")
  # find_package and pkg-config prove the rest; the CLI is checked here.
  foreach(file ${INSTALLED_FILES})
    if(NOT EXISTS "${PREFIX}/${file}")
      message(FATAL_ERROR "${PREFIX}/${file} was not installed")
    endif()
  endforeach()
elseif(STEP STREQUAL "cmake")
  file(REMOVE_RECURSE "${WORK_DIR}")
  set(checks "")
  if(EXTRA_LINK_FLAGS)
    # The sanitizers' C++ runtime needs libstdc++, which only the consumer's
    # link brings (through the package's target): CMake's own trial C program
    # has none, so it cannot vouch for the compiler here.
    set(checks "-DCMAKE_C_COMPILER_WORKS=ON")
  endif()
  run("${CMAKE_COMMAND}" -S "${PROJECT}" -B "${WORK_DIR}" -G "${GENERATOR}" ${toolchain} ${checks}
      "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" "-DCMAKE_PREFIX_PATH=${PREFIX}"
      "-DCMAKE_C_FLAGS=${flags}" "-DCMAKE_CXX_FLAGS=${flags}" "-DCMAKE_EXE_LINKER_FLAGS=${flags} ${EXTRA_LINK_FLAGS}")
  run("${CMAKE_COMMAND}" --build "${WORK_DIR}")
  get_filename_component(name "${PROJECT}" NAME)
  run("${WORK_DIR}/${name}")
elseif(STEP STREQUAL "pkgconfig")
  file(REMOVE_RECURSE "${WORK_DIR}")
  file(MAKE_DIRECTORY "${WORK_DIR}")
  set(ENV{PKG_CONFIG_PATH} "${PREFIX}/${LIBDIR}/pkgconfig")
  # A static library needs its private dependencies on the link line.
  set(static "")
  if(EXISTS "${PREFIX}/${LIBDIR}/libpolicylint.a")
    set(static --static)
  endif()
  execute_process(COMMAND pkg-config --cflags --libs ${static} policylint
                  RESULT_VARIABLE code OUTPUT_VARIABLE pc_flags ERROR_VARIABLE pc_error OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "pkg-config cannot find policylint in ${PREFIX}/${LIBDIR}/pkgconfig: ${pc_error}")
  endif()
  separate_arguments(pc_flags UNIX_COMMAND "${pc_flags}")
  # A plain C link (Libs.private brings the C++ runtime) unless sanitizing:
  # the C driver leaves out UBSan's C++ runtime, which a sanitized C++ library needs.
  set(linker "${C_COMPILER}")
  if(EXTRA_FLAGS)
    set(linker "${CXX_COMPILER}")
  endif()
  run("${C_COMPILER}" -std=c11 ${EXTRA_FLAGS} ${pc_flags} -c "${SOURCE}" -o "${WORK_DIR}/consumer.o")
  run("${linker}" ${EXTRA_FLAGS} "${WORK_DIR}/consumer.o" -o "${WORK_DIR}/consumer" ${pc_flags}
      "-Wl,-rpath,${PREFIX}/${LIBDIR}")
  run("${WORK_DIR}/consumer")
elseif(STEP STREQUAL "subdirectory")
  file(REMOVE_RECURSE "${WORK_DIR}")
  run("${CMAKE_COMMAND}" -S "${PROJECT}" -B "${WORK_DIR}" -G "${GENERATOR}" ${toolchain}
      "-DPOLICYLINT_SOURCE_DIR=${SOURCE_DIR}" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}")
elseif(STEP STREQUAL "cli")
  check_cli("${CLI}")
elseif(STEP STREQUAL "cpack")
  file(REMOVE_RECURSE "${WORK_DIR}")
  run(cpack --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}")
  file(GLOB deb "${WORK_DIR}/*.deb")
  file(GLOB tarball "${WORK_DIR}/*.tar.gz")
  if(NOT deb OR NOT tarball)
    message(FATAL_ERROR "cpack made no .deb or no .tar.gz in ${WORK_DIR}")
  endif()
  execute_process(COMMAND dpkg-deb -f "${deb}" Depends OUTPUT_VARIABLE depends)
  if(NOT depends MATCHES "libc6")
    message(FATAL_ERROR "${deb}: Depends lacks what the CLI links: '${depends}'")
  endif()
  run(dpkg-deb -x "${deb}" "${WORK_DIR}/deb")
  check_cli("${WORK_DIR}/deb/usr/${BINDIR}/policylint")
  file(MAKE_DIRECTORY "${WORK_DIR}/tgz")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E tar xzf "${tarball}" WORKING_DIRECTORY "${WORK_DIR}/tgz"
                  RESULT_VARIABLE code)
  file(GLOB tgz_cli "${WORK_DIR}/tgz/*/${BINDIR}/policylint")
  if(NOT code EQUAL 0 OR NOT tgz_cli)
    message(FATAL_ERROR "${tarball}: cannot unpack it or it holds no ${BINDIR}/policylint")
  endif()
  check_cli("${tgz_cli}")
  # Self-contained when the library is static: the C++ runtime is linked in.
  file(GLOB_RECURSE shared_library "${WORK_DIR}/tgz/*/libpolicylint.so*")
  find_program(readelf readelf)
  if(readelf AND NOT shared_library)
    execute_process(COMMAND "${readelf}" -d "${tgz_cli}" OUTPUT_VARIABLE dynamic)
    if(dynamic MATCHES "libstdc\\+\\+")
      message(FATAL_ERROR "${tgz_cli} loads libstdc++.so:\n${dynamic}")
    endif()
  endif()
else()
  message(FATAL_ERROR "unknown STEP '${STEP}'")
endif()

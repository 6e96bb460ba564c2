# deb_installs_with_apt: scripts/check-deb on the package the deb_package_builds fixture made
# (its name carries the version and architecture, so it is found here rather than spelled in CMake).
# Usage: cmake -DDIR=<deb-test dir> -DSCRIPT=<scripts/check-deb> -P run-check-deb.cmake
file(GLOB debs ${DIR}/netloom_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one netloom_*.deb in ${DIR}, found: ${debs}")
endif()
execute_process(COMMAND ${SCRIPT} ${debs} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "scripts/check-deb failed (${rc})")
endif()

# iris_add_test(<name> SOURCES <files...> [LIBRARIES <targets...>] [GUI] [ENGINES] [TIMEOUT s] [LABELS ...])
# One Qt Test executable per class or feature. <name> must start with the
# library or module under test (core_, kb_, shell_, usagers_...). GUI tests
# run on the offscreen platform.
# ENGINES: a storage suite, run on both engines from the same executable: "<name>" on
# SQLite and "<name>_pg" on PostgreSQL (IRIS_TEST_ENGINE=postgresql, on the throwaway
# cluster of the iris_pg fixture, see tests/CMakeLists.txt).
function(iris_add_test name)
  cmake_parse_arguments(T "GUI;ENGINES" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test iris_testsupport ${T_LIBRARIES})
  if(IRIS_PCH)
    target_precompile_headers(${name} REUSE_FROM iris_test_pch)
  endif()
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests/bin")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set(env "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;IRIS_SOURCE_DIR=${CMAKE_SOURCE_DIR};IRIS_BINARY_DIR=${CMAKE_BINARY_DIR};IRIS_SHARED_DIR=${CMAKE_SOURCE_DIR}/../shared")
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${env}" LABELS "${T_LABELS}")
  if(T_ENGINES)
    add_test(NAME ${name}_pg COMMAND ${name})
    set_tests_properties(${name}_pg PROPERTIES TIMEOUT ${T_TIMEOUT}
      ENVIRONMENT "${env};IRIS_TEST_ENGINE=postgresql;IRIS_TEST_PG_URI_FILE=${IRIS_TEST_PG_STATE}/uri"
      FIXTURES_REQUIRED iris_pg LABELS "postgresql;${T_LABELS}")
  endif()
endfunction()

# iris_add_bench(<name> SOURCES <files...> [LIBRARIES <targets...>] [ARGS ...])
# A benchmark executable run by `cmake --build build --target bench`.
function(iris_add_bench name)
  cmake_parse_arguments(B "" "" "SOURCES;LIBRARIES;ARGS" ${ARGN})
  add_executable(${name} ${B_SOURCES})
  target_link_libraries(${name} PRIVATE ${B_LIBRARIES})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
  add_custom_target(run_${name}
    COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen "IRIS_SHARED_DIR=${CMAKE_SOURCE_DIR}/../shared" "IRIS_SOURCE_DIR=${CMAKE_SOURCE_DIR}"
            $<TARGET_FILE:${name}> ${B_ARGS}
    DEPENDS ${name} USES_TERMINAL
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
  add_dependencies(bench run_${name})
endfunction()

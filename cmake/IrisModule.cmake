# iris_add_module(<target> ID <id> NAME <name> VERSION <x.y.z>
#                 [DESCRIPTION <text>] [DEPENDS <id>...] SOURCES <files...>
#                 [LIBRARIES <targets...>] [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Declares a business module: a Qt plugin whose JSON metadata (id, name,
# version, dependencies) is generated from the declared arguments, so the
# dependency list lives in one place. The plugin class uses
#   Q_PLUGIN_METADATA(IID IrisModule_iid FILE "module.json")
function(iris_add_module target)
  cmake_parse_arguments(M "NO_INSTALL" "ID;NAME;VERSION;DESCRIPTION;OUTPUT_DIRECTORY"
                        "DEPENDS;SOURCES;LIBRARIES" ${ARGN})
  if(NOT M_ID OR NOT M_NAME OR NOT M_VERSION)
    message(FATAL_ERROR "iris_add_module(${target}): ID, NAME and VERSION are required")
  endif()
  set(deps "")
  foreach(d IN LISTS M_DEPENDS)
    list(APPEND deps "\"${d}\"")
  endforeach()
  list(JOIN deps ", " deps)
  set(meta_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}_meta")
  file(CONFIGURE OUTPUT "${meta_dir}/module.json" CONTENT
"{
  \"id\": \"${M_ID}\",
  \"name\": \"${M_NAME}\",
  \"version\": \"${M_VERSION}\",
  \"description\": \"${M_DESCRIPTION}\",
  \"dependencies\": [${deps}]
}
" @ONLY)
  add_library(${target} MODULE ${M_SOURCES})
  target_include_directories(${target} PRIVATE "${meta_dir}")
  set_property(TARGET ${target} APPEND PROPERTY AUTOMOC_MOC_OPTIONS "-I${meta_dir}")
  set_source_files_properties(${M_SOURCES} PROPERTIES OBJECT_DEPENDS "${meta_dir}/module.json")
  target_link_libraries(${target} PRIVATE iris_core Qt6::Core ${M_LIBRARIES})
  if(NOT M_OUTPUT_DIRECTORY)
    set(M_OUTPUT_DIRECTORY "${IRIS_MODULE_OUTPUT_DIRECTORY}")
  endif()
  set_target_properties(${target} PROPERTIES
    PREFIX "" OUTPUT_NAME "iris-module-${M_ID}"
    LIBRARY_OUTPUT_DIRECTORY "${M_OUTPUT_DIRECTORY}"
    INSTALL_RPATH "$ORIGIN/..")
  if(NOT M_NO_INSTALL)
    install(TARGETS ${target} LIBRARY DESTINATION "${IRIS_MODULEDIR}" COMPONENT runtime)
  endif()
endfunction()

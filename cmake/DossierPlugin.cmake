# dossier_add_plugin(<target> SOURCES <files>... [OUTPUT_DIRECTORY <dir>] [NO_INSTALL])
#
# Builds a dossier plugin: a shared module exporting dossier_plugin_info, linked
# against the kernel with every symbol resolved at link time (a missing export
# is a link error, not a load error), and placed where dossier looks for
# plugins (lib/dossier/plugins in the build tree). Used in-tree and, through
# find_package(dossier), by plugins built out of tree.
function(dossier_add_plugin target)
  cmake_parse_arguments(P "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
  add_library(${target} MODULE ${P_SOURCES})
  if(NOT P_OUTPUT_DIRECTORY)
    set(P_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib/dossier/plugins)
  endif()
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIRECTORY}
    CXX_STANDARD 20
    CXX_STANDARD_REQUIRED ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    # Installed into <prefix>/lib/dossier/plugins; the kernel is in <prefix>/lib.
    INSTALL_RPATH "$ORIGIN/../.."
    BUILD_RPATH "$<TARGET_FILE_DIR:dossier::kernel>")
  target_link_libraries(${target} PRIVATE dossier::kernel)
  if(NOT DOSSIER_FUZZ AND NOT DOSSIER_TSAN)  # under the sanitizers their runtime comes with the executable
    target_link_options(${target} PRIVATE -Wl,--no-undefined)
  endif()
  if(NOT P_NO_INSTALL)
    include(GNUInstallDirs)
    install(TARGETS ${target} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/dossier/plugins)
  endif()
endfunction()

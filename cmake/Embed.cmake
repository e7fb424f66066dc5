# dossier_embed_files(<output.cc> HEADER <h> NAMESPACE <ns> SYMBOL <name> FILES <files>...)
# Compiles data files (schemas, gazetteers) into the binary, regenerating the
# source, and beside it the header <h> declaring them, whenever one changes.
# Targets compiling against the header add the output's folder to their
# include path.
function(dossier_embed_files output)
  cmake_parse_arguments(E "" "HEADER;NAMESPACE;SYMBOL" "FILES" ${ARGN})
  string(REPLACE ";" "\\;" files_arg "${E_FILES}")
  get_filename_component(out_dir ${output} DIRECTORY)
  add_custom_command(
    OUTPUT ${output} ${out_dir}/${E_HEADER}
    COMMAND ${CMAKE_COMMAND} "-DFILES=${files_arg}" -DOUTPUT=${output} -DHEADER=${E_HEADER}
            -DNAMESPACE=${E_NAMESPACE} -DSYMBOL=${E_SYMBOL} -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedFiles.cmake
    COMMENT "Embedding ${E_SYMBOL}")
endfunction()

# Writes a C++ source holding every schemas/*.schema.json as a string, so the
# kernel validates with exactly the schemas it was built with.
# Usage: cmake -DSCHEMA_DIR=... -DOUTPUT=... -P EmbedSchemas.cmake
file(GLOB schema_files "${SCHEMA_DIR}/*.schema.json")
list(SORT schema_files)
set(body "// Generated from schemas/ by cmake/EmbedSchemas.cmake; do not edit.\n")
string(APPEND body "#include \"schemas_embedded.h\"\n\nnamespace dossier {\n\n")
string(APPEND body "const EmbeddedSchema kEmbeddedSchemas[] = {\n")
foreach(f IN LISTS schema_files)
  get_filename_component(name "${f}" NAME)
  file(READ "${f}" text)
  string(APPEND body "  {\"${name}\", R\"dossier_schema(${text})dossier_schema\"},\n")
endforeach()
string(APPEND body "};\n\nconst size_t kEmbeddedSchemaCount = sizeof(kEmbeddedSchemas) / sizeof(kEmbeddedSchemas[0]);\n\n}  // namespace dossier\n")
# Only touch the file when it changes, so a re-run does not rebuild the kernel.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL body)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${body}")

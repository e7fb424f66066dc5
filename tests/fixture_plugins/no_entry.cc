// Test fixture: a shared library that is not a dossier plugin (no entry point).
extern "C" __attribute__((visibility("default"))) int some_other_library_function() { return 42; }

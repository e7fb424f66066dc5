// Symbol visibility for the dossier kernel library.
//
// The kernel is built with -fvisibility=hidden so that only the SDK is part of
// its ABI. Everything plugins and the CLI may use is marked DOSSIER_API.
#pragma once

#if defined(DOSSIER_BUILDING_KERNEL)
#define DOSSIER_API __attribute__((visibility("default")))
#else
#define DOSSIER_API
#endif

// Marks a plugin's extern "C" entry point as exported from the plugin library.
#define DOSSIER_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

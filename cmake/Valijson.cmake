# valijson (header-only JSON Schema validator). Debian's libvalijson-dev pulls
# in Qt through its dependencies, so instead of installing it we unpack its
# .deb into the build tree. Set VALIJSON_INCLUDE_DIR to use another copy.
if(NOT VALIJSON_INCLUDE_DIR)
  find_path(VALIJSON_INCLUDE_DIR valijson/validator.hpp)
endif()
if(NOT VALIJSON_INCLUDE_DIR)
  set(_vj_root ${CMAKE_BINARY_DIR}/_deps/valijson)
  if(NOT EXISTS ${_vj_root}/usr/include/valijson/validator.hpp)
    file(MAKE_DIRECTORY ${_vj_root})
    message(STATUS "Fetching valijson headers with apt-get download libvalijson-dev")
    execute_process(COMMAND apt-get download libvalijson-dev
                    WORKING_DIRECTORY ${_vj_root}
                    RESULT_VARIABLE _vj_rc OUTPUT_QUIET ERROR_VARIABLE _vj_err)
    file(GLOB _vj_deb ${_vj_root}/libvalijson-dev_*.deb)
    if(NOT _vj_rc EQUAL 0 OR NOT _vj_deb)
      message(FATAL_ERROR "Could not download libvalijson-dev (${_vj_err}). Run 'apt-get update' "
                          "first, or pass -DVALIJSON_INCLUDE_DIR=<dir containing valijson/>.")
    endif()
    list(GET _vj_deb 0 _vj_deb)
    execute_process(COMMAND dpkg -x ${_vj_deb} ${_vj_root} RESULT_VARIABLE _vj_rc)
    if(NOT _vj_rc EQUAL 0)
      message(FATAL_ERROR "Could not unpack ${_vj_deb}")
    endif()
  endif()
  set(VALIJSON_INCLUDE_DIR ${_vj_root}/usr/include CACHE PATH "valijson headers" FORCE)
endif()
add_library(valijson INTERFACE IMPORTED)
target_include_directories(valijson SYSTEM INTERFACE ${VALIJSON_INCLUDE_DIR})

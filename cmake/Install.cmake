# Installing allinea (cmake --install) and packaging it (cpack -G DEB).
#
# Two components, which are also the two Debian packages:
#   allinea          the CLI (bin/allinea) and its man page;
#   liballinea-dev   the library (static by default; shared with
#                    -DBUILD_SHARED_LIBS=ON), the public headers with the
#                    generated version.h, and the CMake package, so that a
#                    consumer writes
#                      find_package(allinea CONFIG REQUIRED)
#                      target_link_libraries(app PRIVATE allinea::allinea)
# Nothing installed names the source or the build folder.
include(CMakePackageConfigHelpers)

set(ALLINEA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/allinea)

# A shared library goes with the CLI (it needs it to run); a static one is
# only for building, so it goes with the headers.
if(BUILD_SHARED_LIBS)
  set(allinea_lib_component allinea)
else()
  set(allinea_lib_component liballinea-dev)
endif()
install(TARGETS allinea EXPORT allineaTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT liballinea-dev
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT ${allinea_lib_component}
          NAMELINK_COMPONENT liballinea-dev
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT ${allinea_lib_component}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/allinea
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT liballinea-dev
  FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/allinea/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/allinea COMPONENT liballinea-dev)
install(EXPORT allineaTargets NAMESPACE allinea::
  DESTINATION ${ALLINEA_CMAKE_DIR} COMPONENT liballinea-dev)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/allineaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/allineaConfig.cmake
  INSTALL_DESTINATION ${ALLINEA_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/allineaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/allineaConfig.cmake
              ${PROJECT_BINARY_DIR}/allineaConfigVersion.cmake
  DESTINATION ${ALLINEA_CMAKE_DIR} COMPONENT liballinea-dev)

if(TARGET allinea_cli)
  install(TARGETS allinea_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    COMPONENT allinea)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/allinea.1
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT allinea)
endif()

# Debian packages: cpack -G DEB in the build folder gives
# allinea_<version>_<arch>.deb and liballinea-dev_<version>_<arch>.deb.
set(CPACK_PACKAGE_NAME allinea)
set(CPACK_PACKAGE_VENDOR "allinea")
set(CPACK_PACKAGE_CONTACT "allinea developers <allinea@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "sentence alignment of a document and its translation")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_COMPONENTS_ALL allinea liballinea-dev)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ALLINEA_PACKAGE_NAME allinea)
set(CPACK_DEBIAN_ALLINEA_DESCRIPTION
"sentence alignment of a document and its translation
 allinea segments a document and its translation into sentences, pairs the
 sentences by length and anchor terms (numbers, dates, names, dictionary
 words), and writes the bitext as TSV, TMX 1.4b or JSON Lines. allinea check
 tells a CI job whether a translation is complete and faithful.")
set(CPACK_DEBIAN_LIBALLINEA-DEV_PACKAGE_NAME liballinea-dev)
set(CPACK_DEBIAN_LIBALLINEA-DEV_PACKAGE_SECTION libdevel)
# The CMake package finds ICU, fmt, zlib and Threads (find_dependency) and
# links libstemmer, so their development files come with it.
set(CPACK_DEBIAN_LIBALLINEA-DEV_PACKAGE_DEPENDS "libicu-dev, libfmt-dev, zlib1g-dev, libstemmer-dev")
set(CPACK_DEBIAN_LIBALLINEA-DEV_DESCRIPTION
"sentence alignment library (development files)
 The allinea C++20 library: segmentation, anchors, scoring, alignment,
 writers and the fidelity check, with its headers and a CMake package
 (find_package(allinea CONFIG) and allinea::allinea).")
include(CPack)

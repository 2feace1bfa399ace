find_package(Qt6 6.4 REQUIRED COMPONENTS
  Core Gui Widgets Sql Concurrent Network Charts Svg PrintSupport Test LinguistTools)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)  # PostgreSQL sites: connection state, LISTEN/NOTIFY

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(Iris::Stemmer UNKNOWN IMPORTED)
set_target_properties(Iris::Stemmer PROPERTIES
  IMPORTED_LOCATION "${STEMMER_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")

find_package(Poco 1.11 REQUIRED COMPONENTS Foundation Net NetSSL JSON Util Crypto)

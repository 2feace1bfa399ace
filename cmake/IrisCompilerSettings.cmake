set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_AUTOMOC ON)
set(CMAKE_AUTORCC ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()
# RelWithDebInfo with line tables only (-g1): backtraces and profiles keep file and line,
# and a 2-core machine builds about 40 % faster than with full debug info (-g).
# IRIS_FULL_DEBUG_INFO=ON restores -g for a debugging session.
option(IRIS_FULL_DEBUG_INFO "Full debug information in RelWithDebInfo builds" OFF)
if(NOT IRIS_FULL_DEBUG_INFO)
  set(CMAKE_CXX_FLAGS_RELWITHDEBINFO "-O2 -g1 -DNDEBUG")
endif()

add_compile_options(-Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(IRIS_WERROR)
  add_compile_options(-Werror)
endif()

# Strict Qt: no implicit ASCII casts, no Q_FOREACH, no URL from string.
add_compile_definitions(
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
)

if(IRIS_ASAN)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# Reuse object files across build trees when ccache is installed. The sloppiness lets it
# cache the translation units that use a precompiled header.
find_program(IRIS_CCACHE ccache)
if(IRIS_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env
    "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime" ${IRIS_CCACHE})
endif()

# Precompiled headers: the standard and Qt headers every translation unit parses again.
# One per library (iris_precompile) and one for all the tests (built with iris_testsupport,
# reused by every test executable: see IrisTesting.cmake). GCC falls back to the plain headers
# when a precompiled header does not fit a translation unit; -Winvalid-pch says so.
option(IRIS_PCH "Precompiled headers for the standard and Qt headers" ON)
if(IRIS_PCH)
  add_compile_options(-Winvalid-pch)
endif()
set(IRIS_PCH_CORE
  <algorithm> <functional> <memory> <optional> <utility> <vector>
  <QtCore/QByteArray> <QtCore/QCoreApplication> <QtCore/QDate> <QtCore/QDateTime> <QtCore/QDir>
  <QtCore/QFile> <QtCore/QHash> <QtCore/QList> <QtCore/QMap> <QtCore/QObject> <QtCore/QSet>
  <QtCore/QString> <QtCore/QStringList> <QtCore/QTimeZone> <QtCore/QVariant>
  <QtCore/QJsonArray> <QtCore/QJsonDocument> <QtCore/QJsonObject> <QtCore/QRegularExpression>)
set(IRIS_PCH_SQL ${IRIS_PCH_CORE}
  <QtSql/QSqlDatabase> <QtSql/QSqlError> <QtSql/QSqlQuery>)
set(IRIS_PCH_WIDGETS ${IRIS_PCH_SQL}
  <QtCore/QAbstractItemModel> <QtCore/QSortFilterProxyModel> <QtCore/QTimer>
  <QtGui/QAction> <QtGui/QKeySequence> <QtGui/QIcon>
  <QtWidgets/QApplication> <QtWidgets/QBoxLayout> <QtWidgets/QCheckBox> <QtWidgets/QComboBox>
  <QtWidgets/QDialog> <QtWidgets/QDialogButtonBox> <QtWidgets/QFormLayout> <QtWidgets/QGridLayout>
  <QtWidgets/QGroupBox> <QtWidgets/QHeaderView> <QtWidgets/QLabel> <QtWidgets/QLineEdit>
  <QtWidgets/QListView> <QtWidgets/QMainWindow> <QtWidgets/QPlainTextEdit> <QtWidgets/QPushButton>
  <QtWidgets/QSplitter> <QtWidgets/QTableView> <QtWidgets/QTextEdit> <QtWidgets/QToolButton>
  <QtWidgets/QTreeView> <QtWidgets/QWidget>)

# iris_precompile(<target> CORE|SQL|WIDGETS): the precompiled header of a target with many
# sources, by the Qt modules it links (QtCore; + QtSql; + QtWidgets).
function(iris_precompile target kind)
  if(IRIS_PCH)
    target_precompile_headers(${target} PRIVATE ${IRIS_PCH_${kind}})
  endif()
endfunction()

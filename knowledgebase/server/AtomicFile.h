#pragma once

#include <string>
#include <string_view>

namespace iris::kbd {

/// Crash-safe file replacement: the bytes go to a temporary file in the same
/// directory, are flushed to disk, then renamed over the target and the
/// directory entry is flushed. A reader sees the old file or the new one, never half.
class AtomicFile final
{
public:
    /// Throws std::runtime_error (French message) on any I/O failure; the target is then untouched.
    static void write(const std::string& path, std::string_view bytes);
    /// Reads a whole file; throws std::runtime_error when it cannot be read.
    static std::string read(const std::string& path);
    static void syncDirectory(const std::string& directory);
};

} // namespace iris::kbd

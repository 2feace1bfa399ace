#pragma once

#include <string>
#include <string_view>

namespace iris::kbd {

/// Lower-case hexadecimal of raw bytes.
std::string toHex(std::string_view bytes);
/// Standard base64 (with padding) of raw bytes.
std::string toBase64(std::string_view bytes);
/// Decodes standard base64, ignoring surrounding whitespace; throws std::runtime_error when invalid.
std::string fromBase64(std::string_view text);
/// SHA-256 of bytes, as lower-case hex.
std::string sha256Hex(std::string_view bytes);

} // namespace iris::kbd

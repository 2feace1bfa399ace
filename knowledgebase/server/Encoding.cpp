#include "Encoding.h"

#include <sodium.h>
#include <stdexcept>

namespace iris::kbd {

std::string toHex(std::string_view bytes)
{
    std::string out(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(
        out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    out.resize(bytes.size() * 2);
    return out;
}

std::string toBase64(std::string_view bytes)
{
    const int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(
        out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), variant);
    out.resize(out.size() - 1); // drop the terminating NUL
    return out;
}

std::string fromBase64(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.remove_suffix(1);
    while (!text.empty() && (text.front() == '\n' || text.front() == '\r' || text.front() == ' '))
        text.remove_prefix(1);
    std::string out(text.size(), '\0');
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
            nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL)
        != 0)
        throw std::runtime_error("base64 invalide");
    out.resize(len);
    return out;
}

std::string sha256Hex(std::string_view bytes)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return toHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

} // namespace iris::kbd

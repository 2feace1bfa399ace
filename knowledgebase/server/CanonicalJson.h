#pragma once

#include <Poco/Dynamic/Var.h>
#include <string>

namespace iris::kbd {

/// Deterministic JSON text of a parsed value: object keys sorted by their UTF-8
/// bytes, no insignificant whitespace, non-ASCII kept as UTF-8, control
/// characters escaped, integers in decimal. Two exports with the same content
/// give the same bytes, hence the same hash, whatever their key order or spacing.
class CanonicalJson final
{
public:
    static std::string write(const Poco::Dynamic::Var& value);
    static void appendString(std::string& out, const std::string& text);

private:
    static void append(std::string& out, const Poco::Dynamic::Var& value);
};

} // namespace iris::kbd

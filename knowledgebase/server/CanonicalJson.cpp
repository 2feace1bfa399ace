#include "CanonicalJson.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace iris::kbd {

std::string CanonicalJson::write(const Poco::Dynamic::Var& value)
{
    std::string out;
    append(out, value);
    return out;
}

void CanonicalJson::appendString(std::string& out, const std::string& text)
{
    static const char* const hex = "0123456789abcdef";
    out.push_back('"');
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xf]);
            } else {
                out.push_back(ch);
            }
        }
    }
    out.push_back('"');
}

void CanonicalJson::append(std::string& out, const Poco::Dynamic::Var& value)
{
    if (value.isEmpty()) {
        out += "null";
    } else if (value.type() == typeid(Poco::JSON::Object::Ptr)) {
        const auto object = value.extract<Poco::JSON::Object::Ptr>();
        // Without JSON_PRESERVE_KEY_ORDER the object is a std::map: keys already in byte order.
        out.push_back('{');
        bool first = true;
        for (const auto& [key, member] : *object) {
            if (!first)
                out.push_back(',');
            first = false;
            appendString(out, key);
            out.push_back(':');
            append(out, member);
        }
        out.push_back('}');
    } else if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto array = value.extract<Poco::JSON::Array::Ptr>();
        out.push_back('[');
        for (size_t i = 0; i < array->size(); ++i) {
            if (i > 0)
                out.push_back(',');
            append(out, array->get(static_cast<unsigned>(i)));
        }
        out.push_back(']');
    } else if (value.isBoolean()) {
        out += value.convert<bool>() ? "true" : "false";
    } else if (value.isString()) {
        appendString(out, value.convert<std::string>());
    } else if (value.isInteger()) {
        out += value.isSigned() ? std::to_string(value.convert<Poco::Int64>())
                                : std::to_string(value.convert<Poco::UInt64>());
    } else if (value.isNumeric()) {
        const double d = value.convert<double>();
        if (!std::isfinite(d))
            throw std::runtime_error("nombre non fini");
        if (d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
            out += std::to_string(static_cast<long long>(d));
        } else {
            char buffer[32];
            const auto res = std::to_chars(buffer, buffer + sizeof buffer, d);
            out.append(buffer, res.ptr);
        }
    } else {
        throw std::runtime_error("type JSON non pris en charge");
    }
}

} // namespace iris::kbd

#include "Manifest.h"

#include "knowledgebase/server/CanonicalJson.h"
#include "knowledgebase/server/Encoding.h"
#include "knowledgebase/server/SigningKey.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <stdexcept>

namespace iris::kbd {

namespace {

Poco::JSON::Object::Ptr entryToJson(const BundleEntry& e)
{
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("from", static_cast<Poco::UInt64>(e.from));
    o->set("to", static_cast<Poco::UInt64>(e.to));
    o->set("path", e.path);
    o->set("sha256", e.sha256);
    o->set("bytes", static_cast<Poco::UInt64>(e.bytes));
    o->set("rawBytes", static_cast<Poco::UInt64>(e.rawBytes));
    o->set("upserts", static_cast<Poco::UInt64>(e.upserts));
    o->set("deletes", static_cast<Poco::UInt64>(e.deletes));
    return o;
}

BundleEntry entryFromJson(const Poco::JSON::Object::Ptr& o)
{
    BundleEntry e;
    e.from = o->getValue<Poco::UInt64>("from");
    e.to = o->getValue<Poco::UInt64>("to");
    e.path = o->getValue<std::string>("path");
    e.sha256 = o->getValue<std::string>("sha256");
    e.bytes = o->getValue<Poco::UInt64>("bytes");
    e.rawBytes = o->getValue<Poco::UInt64>("rawBytes");
    e.upserts = o->getValue<Poco::UInt64>("upserts");
    e.deletes = o->getValue<Poco::UInt64>("deletes");
    return e;
}

} // namespace

std::string Manifest::canonical() const
{
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("format", std::string("iris-kb-manifest/1"));
    o->set("version", static_cast<Poco::UInt64>(version));
    o->set("articles", static_cast<Poco::UInt64>(articles));
    o->set("contentHash", contentHash);
    o->set("published", published);
    o->set("keyId", keyId);
    o->set("snapshot", entryToJson(snapshot));
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const BundleEntry& d : deltas)
        list->add(entryToJson(d));
    o->set("deltas", list);
    return CanonicalJson::write(o);
}

std::string Manifest::signedEnvelope(const SigningKey& key) const
{
    const std::string bytes = canonical();
    std::string out = "{\"format\":\"iris-kb-signed/1\",\"keyId\":";
    CanonicalJson::appendString(out, key.keyId());
    out += ",\"manifest\":";
    CanonicalJson::appendString(out, bytes);
    out += ",\"signature\":";
    CanonicalJson::appendString(out, toBase64(key.sign(bytes)));
    out += "}\n";
    return out;
}

Manifest Manifest::fromEnvelope(const std::string& envelope, const std::string& publicKey)
{
    std::string bytes;
    std::string signature;
    try {
        Poco::JSON::Parser parser;
        const auto outer = parser.parse(envelope).extract<Poco::JSON::Object::Ptr>();
        bytes = outer->getValue<std::string>("manifest");
        signature = fromBase64(outer->getValue<std::string>("signature"));
    } catch (const std::exception&) {
        throw std::runtime_error("manifeste illisible");
    }
    if (!SigningKey::verify(bytes, signature, publicKey))
        throw std::runtime_error("signature du manifeste invalide pour cette clé");
    try {
        Poco::JSON::Parser parser;
        const auto o = parser.parse(bytes).extract<Poco::JSON::Object::Ptr>();
        Manifest m;
        m.version = o->getValue<Poco::UInt64>("version");
        m.articles = o->getValue<Poco::UInt64>("articles");
        m.contentHash = o->getValue<std::string>("contentHash");
        m.published = o->getValue<std::string>("published");
        m.keyId = o->getValue<std::string>("keyId");
        m.snapshot = entryFromJson(o->getObject("snapshot"));
        const auto list = o->getArray("deltas");
        for (size_t i = 0; list && i < list->size(); ++i)
            m.deltas.push_back(entryFromJson(list->getObject(static_cast<unsigned>(i))));
        return m;
    } catch (const std::exception&) {
        throw std::runtime_error("manifeste signé mais incomplet");
    }
}

const BundleEntry* Manifest::deltaFrom(uint64_t fromVersion) const
{
    for (const BundleEntry& d : deltas) {
        if (d.from == fromVersion)
            return &d;
    }
    return nullptr;
}

std::string Manifest::deltaPath(uint64_t from, uint64_t to)
{
    return "/v1/delta/" + std::to_string(from) + "/" + std::to_string(to);
}

std::string Manifest::snapshotPath(uint64_t version)
{
    return "/v1/snapshot/" + std::to_string(version);
}

} // namespace iris::kbd

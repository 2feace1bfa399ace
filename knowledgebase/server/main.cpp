// iris-kbd: the knowledge-base server. Services publish JSON Lines exports into
// a store; workstations sync signed, incremental bundles from it.

#include "knowledgebase/server/CommandOptions.h"
#include "knowledgebase/server/KbdServer.h"
#include "knowledgebase/server/Publisher.h"
#include "knowledgebase/server/SigningKey.h"

#include <cstdlib>
#include <iostream>
#include <sodium.h>
#include <string>
#include <vector>

using namespace iris::kbd;

namespace {

constexpr const char* kUsage
    = "Usage :\n"
      "  iris-kbd keygen  --secret FICHIER --public FICHIER\n"
      "  iris-kbd publish --store DOSSIER --jsonl FICHIER --secret FICHIER [--keep-deltas N]\n"
      "  iris-kbd serve   --store DOSSIER --listen HÔTE:PORT [--cert FICHIER --key FICHIER]\n"
      "                   [--access-log FICHIER] [--threads N]\n";

int keygen(const std::vector<std::string>& args)
{
    const CommandOptions o(args, { "secret", "public" });
    const SigningKey key = SigningKey::generate();
    key.save(o.required("secret"), o.required("public"));
    std::cout << "Paire de clés Ed25519 créée (identifiant " << key.keyId() << ").\n";
    return EXIT_SUCCESS;
}

int publish(const std::vector<std::string>& args)
{
    const CommandOptions o(args, { "store", "jsonl", "secret", "keep-deltas" });
    const SigningKey key = SigningKey::loadSecret(o.required("secret"));
    Publisher::Options options;
    if (o.has("keep-deltas")) {
        options.keepDeltas = std::strtoull(o.value("keep-deltas").c_str(), nullptr, 10);
        if (options.keepDeltas == 0)
            throw std::runtime_error("--keep-deltas attend un entier positif");
    }
    Publisher publisher(Store(o.required("store")), key, options);
    const Publisher::Outcome r = publisher.publish(o.required("jsonl"));
    if (!r.published) {
        std::cout << "Aucune modification : la version " << r.version << " reste en vigueur (" << r.articles
                  << " articles).\n";
    } else {
        std::cout << "Version " << r.version << " publiée : " << r.articles << " articles, " << r.added
                  << " ajouté(s), " << r.changed << " modifié(s), " << r.deleted << " supprimé(s), "
                  << r.deltasWritten << " delta(s).\n";
    }
    return EXIT_SUCCESS;
}

int serve(const std::vector<std::string>& args)
{
    const CommandOptions o(args, { "store", "listen", "cert", "key", "access-log", "threads" });
    KbdServer::Options options;
    options.store = o.required("store");
    options.listen = o.required("listen");
    options.certFile = o.value("cert");
    options.keyFile = o.value("key");
    options.accessLog = o.value("access-log");
    if (o.has("threads"))
        options.threads = std::max(1, std::atoi(o.value("threads").c_str()));
    return KbdServer::run(options);
}

} // namespace

int main(int argc, char** argv)
{
    if (sodium_init() < 0) {
        std::cerr << "iris-kbd : libsodium n'a pas pu s'initialiser.\n";
        return EXIT_FAILURE;
    }
    const std::vector<std::string> all(argv + 1, argv + argc);
    if (all.empty() || all[0] == "--help" || all[0] == "-h") {
        (all.empty() ? std::cerr : std::cout) << kUsage;
        return all.empty() ? 2 : EXIT_SUCCESS;
    }
    if (all[0] == "--version") {
        std::cout << "iris-kbd " << IRIS_VERSION << '\n';
        return EXIT_SUCCESS;
    }
    const std::vector<std::string> args(all.begin() + 1, all.end());
    try {
        if (all[0] == "keygen")
            return keygen(args);
        if (all[0] == "publish")
            return publish(args);
        if (all[0] == "serve")
            return serve(args);
        std::cerr << "iris-kbd : commande inconnue « " << all[0] << " ».\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "iris-kbd " << all[0] << " : " << e.what() << '\n';
        return EXIT_FAILURE;
    }
}

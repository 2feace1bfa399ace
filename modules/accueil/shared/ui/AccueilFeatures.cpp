#include "modules/accueil/shared/ui/AccueilFeature.h"

#include "modules/accueil/counter/ui/CounterFeature.h"
#include "modules/accueil/mail/ui/MailFeature.h"
#include "modules/accueil/phone/ui/PhoneFeature.h"
#include "modules/accueil/post/ui/PostFeature.h"
#include "modules/accueil/quick/ui/QuickFeature.h"
#include "modules/accueil/shared/ui/FollowUpFeature.h"

namespace iris::accueil {

// One line per feature; e-mail (mail/) and post (post/) add theirs here.
std::vector<std::unique_ptr<AccueilFeature>> createAccueilFeatures()
{
    std::vector<std::unique_ptr<AccueilFeature>> features;
    features.push_back(std::make_unique<CounterFeature>());
    features.push_back(std::make_unique<PhoneFeature>());
    features.push_back(std::make_unique<QuickFeature>());
    features.push_back(std::make_unique<MailFeature>());
    features.push_back(std::make_unique<PostFeature>());
    features.push_back(std::make_unique<FollowUpFeature>());
    return features;
}

} // namespace iris::accueil

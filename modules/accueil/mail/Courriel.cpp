#include "modules/accueil/mail/Courriel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString courrielStatusId(CourrielStatus status)
{
    switch (status) {
    case CourrielStatus::ATraiter:
        return u"a_traiter"_s;
    case CourrielStatus::Repondu:
        return u"repondu"_s;
    case CourrielStatus::Classe:
        return u"classe"_s;
    }
    return u"a_traiter"_s;
}

QString courrielStatusLabel(CourrielStatus status)
{
    switch (status) {
    case CourrielStatus::ATraiter:
        return QCoreApplication::translate("iris::accueil::Courriel", "À traiter");
    case CourrielStatus::Repondu:
        return QCoreApplication::translate("iris::accueil::Courriel", "Répondu");
    case CourrielStatus::Classe:
        return QCoreApplication::translate("iris::accueil::Courriel", "Classé sans suite");
    }
    return {};
}

bool courrielStatusFromId(const QString& id, CourrielStatus* status)
{
    for (const CourrielStatus s :
        { CourrielStatus::ATraiter, CourrielStatus::Repondu, CourrielStatus::Classe }) {
        if (courrielStatusId(s) == id) {
            if (status)
                *status = s;
            return true;
        }
    }
    return false;
}

} // namespace iris::accueil

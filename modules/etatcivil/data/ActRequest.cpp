#include "modules/etatcivil/data/ActRequest.h"

#include "core/base/Validators.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

QString ActRequest::personName() const
{
    return Validators::displayFullName(personNom, personPrenoms);
}

QString ActRequest::requesterName() const
{
    return Validators::displayFullName(requesterNom, requesterPrenoms);
}

QString ActRequest::describe() const
{
    return QString(labelOf(document) + u" — "_s + actNoun(actType) + u" — "_s + personName());
}

} // namespace iris::etatcivil

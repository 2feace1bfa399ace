#include "modules/etatcivil/rules/ActLocator.h"

#include "core/base/TextFold.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

bool ActLocator::sameCommune(const QString& a, const QString& b)
{
    const QString fa = TextFold::fold(a);
    return !fa.isEmpty() && fa == TextFold::fold(b);
}

bool ActLocator::isFrance(const QString& country)
{
    const QString f = TextFold::fold(country);
    return f.isEmpty() || f == u"france" || f == u"fr";
}

QString ActLocator::scecAddress()
{
    return tr("Service central d'état civil (ministère de l'Europe et des Affaires étrangères), "
              "11 rue de la Maison Blanche, 44941 Nantes Cedex 9");
}

ActLocation ActLocator::locate(ActType act, const ActPlace& place, const QString& siteCommune)
{
    ActLocation loc;
    if (!isFrance(place.country)) {
        if (place.frenchNational) {
            loc.kind = ActLocation::Kind::Scec;
            loc.destination = scecAddress();
            loc.explanation = tr("L'événement a eu lieu à l'étranger (%1) : l'acte d'un ressortissant français est "
                                 "conservé par le Service central d'état civil à Nantes, à qui la demande doit être "
                                 "adressée (en ligne sur service-public.fr ou par courrier).")
                                  .arg(place.country.trimmed());
        } else {
            loc.kind = ActLocation::Kind::Foreign;
            loc.destination = tr("Autorités d'état civil du pays de l'événement (%1)").arg(place.country.trimmed());
            loc.explanation = tr("L'événement a eu lieu à l'étranger (%1) et la personne n'est pas de nationalité "
                                 "française : aucun acte n'est tenu en France ; la demande doit être faite auprès des "
                                 "autorités de ce pays (ou de l'OFPRA pour une personne protégée).")
                                  .arg(place.country.trimmed());
        }
        return loc;
    }
    if (sameCommune(place.commune, siteCommune)) {
        loc.kind = ActLocation::Kind::HeldHere;
        loc.destination = tr("Mairie de %1").arg(siteCommune);
        loc.explanation = tr("L'acte a été dressé à %1 : il figure dans nos registres.").arg(siteCommune);
        return loc;
    }
    if (act == ActType::Deces && sameCommune(place.lastDomicile, siteCommune)) {
        loc.kind = ActLocation::Kind::HeldHere;
        loc.destination = tr("Mairie de %1").arg(siteCommune);
        loc.explanation = tr("Le décès a eu lieu à %1 mais le défunt était domicilié à %2 : l'acte y est transcrit "
                             "(Code civil, art. 80) et figure dans nos registres.")
                              .arg(place.commune.trimmed(), siteCommune);
        return loc;
    }
    loc.kind = ActLocation::Kind::OtherCommune;
    loc.destination = tr("Mairie de %1").arg(place.commune.trimmed());
    loc.explanation = tr("L'acte a été dressé à %1 : seule la mairie de %1 peut le délivrer ; la demande doit lui "
                         "être adressée.")
                          .arg(place.commune.trimmed());
    return loc;
}

} // namespace iris::etatcivil

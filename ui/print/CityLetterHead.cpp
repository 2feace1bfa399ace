#include "ui/print/CityLetterHead.h"

using namespace Qt::StringLiterals;

namespace iris::ui {

QString CityLetterHead::ofCommune() const
{
    const QChar first = commune.isEmpty() ? QChar() : commune.front().toLower();
    static const QString vowels = u"aeiouyhàâéèêîôû"_s;
    return vowels.contains(first) ? QString(u"d'"_s + commune) : QString(u"de "_s + commune);
}

QString CityLetterHead::townHall() const
{
    return tr("Mairie %1").arg(ofCommune());
}

} // namespace iris::ui

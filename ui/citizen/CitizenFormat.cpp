#include "ui/citizen/CitizenFormat.h"

#include "core/base/PhoneNumber.h"

#include <QCoreApplication>
#include <QStringList>

namespace iris::ui::citizenformat {

static QString tr(const char* text)
{
    return QCoreApplication::translate("iris::ui::CitizenFormat", text);
}

QString phone(const QString& e164)
{
    return PhoneNumber::format(e164);
}

QString date(const QDate& date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString familyName(const QString& civilite, const QString& nomUsage, const QString& nomNaissance)
{
    const QString usage = nomUsage.trimmed().toUpper();
    const QString birth = nomNaissance.trimmed().toUpper();
    if (usage.isEmpty())
        return birth;
    if (birth.isEmpty() || birth == usage)
        return usage;
    const QString born = civilite == QLatin1String("Mme") ? tr("née") : tr("né");
    return QString(usage + QLatin1String(" (") + born + QLatin1Char(' ') + birth + QLatin1Char(')'));
}

static QString joinName(const QString& civilite, const QString& family, const QString& prenoms)
{
    QStringList parts;
    if (!civilite.isEmpty())
        parts << civilite;
    if (!family.isEmpty())
        parts << family;
    if (!prenoms.trimmed().isEmpty())
        parts << prenoms.trimmed();
    return parts.join(QLatin1Char(' '));
}

QString fullName(const CitizenSummary& c)
{
    const QString nom = c.nomUsage.isEmpty() ? c.nomNaissance : c.nomUsage;
    return joinName(c.civilite, nom.toUpper(), c.prenoms);
}

QString fullName(const Citizen& c)
{
    const QString nom = c.nomUsage.isEmpty() ? c.nomNaissance : c.nomUsage;
    return joinName(c.civilite, nom.toUpper(), c.prenoms);
}

QString bornOn(const QString& civilite, const QDate& birthDate)
{
    if (!birthDate.isValid())
        return {};
    const QString text = civilite == QLatin1String("Mme") ? tr("née le %1")
        : civilite == QLatin1String("M.")                 ? tr("né le %1")
                                                          : tr("né(e) le %1");
    return text.arg(date(birthDate));
}

QString channelLabel(const QString& channelId)
{
    if (channelId == QLatin1String("visite"))
        return tr("Visite");
    if (channelId == QLatin1String("telephone"))
        return tr("Téléphone");
    if (channelId == QLatin1String("courriel"))
        return tr("Courriel");
    if (channelId == QLatin1String("courrier"))
        return tr("Courrier");
    return channelId;
}

QString address(const PostalAddress& a)
{
    QStringList parts;
    if (!a.line1.trimmed().isEmpty())
        parts << a.line1.trimmed();
    if (!a.line2.trimmed().isEmpty())
        parts << a.line2.trimmed();
    const QString town = QString(a.postcode.trimmed() + QLatin1Char(' ') + a.city.trimmed()).trimmed();
    if (!town.isEmpty())
        parts << town;
    return parts.join(QLatin1String(", "));
}

} // namespace iris::ui::citizenformat

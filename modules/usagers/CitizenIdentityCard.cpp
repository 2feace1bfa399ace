#include "modules/usagers/CitizenIdentityCard.h"

#include "ui/citizen/CitizenFormat.h"

#include <QFormLayout>
#include <QLabel>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

CitizenIdentityCard::CitizenIdentityCard(QWidget* parent)
    : QGroupBox(tr("Identité"), parent)
    , m_form(new QFormLayout(this))
{
    setObjectName(QStringLiteral("identityCard"));
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_name = addRow(tr("Nom"), QStringLiteral("identityName"));
    m_birthName = addRow(tr("Nom de naissance"), QStringLiteral("identityBirthName"));
    m_birth = addRow(tr("Naissance"), QStringLiteral("identityBirth"));
    m_address = addRow(tr("Adresse"), QStringLiteral("identityAddress"));
    m_phones = addRow(tr("Téléphone"), QStringLiteral("identityPhone"));
    m_email = addRow(tr("Courriel"), QStringLiteral("identityEmail"));
    m_channel = addRow(tr("Canal préféré"), QStringLiteral("identityChannel"));
    m_consent = addRow(tr("Consentement"), QStringLiteral("identityConsent"));
    m_nir = addRow(tr("NIR"), QStringLiteral("identityNir"));
    m_notes = addRow(tr("Notes"), QStringLiteral("identityNotes"));
}

QLabel* CitizenIdentityCard::addRow(const QString& label, const QString& objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setWordWrap(true);
    m_form->addRow(label, value);
    return value;
}

void CitizenIdentityCard::setRow(QLabel* value, const QString& text)
{
    value->setText(text);
    m_form->setRowVisible(value, !text.isEmpty());
}

static int ageOn(const QDate& birth, const QDate& today)
{
    int age = today.year() - birth.year();
    if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day()))
        --age;
    return age;
}

void CitizenIdentityCard::setCitizen(const Citizen& c)
{
    setRow(m_name, fmt::fullName(c));
    const bool distinctBirthName = !c.nomNaissance.isEmpty() && !c.nomUsage.isEmpty()
        && c.nomNaissance.compare(c.nomUsage, Qt::CaseInsensitive) != 0;
    setRow(m_birthName, distinctBirthName ? c.nomNaissance.toUpper() : QString());

    QString birth;
    if (c.birthDate.isValid()) {
        const QString born = c.civilite == QLatin1String("Mme") ? tr("Née le %1") : tr("Né le %1");
        birth = born.arg(fmt::date(c.birthDate));
        if (!c.birthPlace.isEmpty())
            birth = tr("%1 à %2").arg(birth, c.birthPlace);
        const int age = ageOn(c.birthDate, QDate::currentDate());
        birth = (age > 1 ? tr("%1 (%2 ans)") : tr("%1 (%2 an)")).arg(birth).arg(age);
    } else if (!c.birthPlace.isEmpty()) {
        birth = tr("À %1").arg(c.birthPlace);
    }
    setRow(m_birth, birth);
    setRow(m_address, fmt::address(c.address));

    QStringList phones;
    if (!c.phone.isEmpty())
        phones << fmt::phone(c.phone);
    if (!c.phone2.isEmpty())
        phones << fmt::phone(c.phone2);
    setRow(m_phones, phones.join(QStringLiteral(" · ")));
    setRow(m_email, c.email);
    setRow(m_channel, fmt::channelLabel(c.preferredChannel));
    setRow(m_consent, c.consentContact ? tr("Accepte d'être contacté(e)") : tr("Ne souhaite pas être contacté(e)"));
    setRow(m_nir, c.nir);
    setRow(m_notes, c.notes);
}

} // namespace iris::usagers

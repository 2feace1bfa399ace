#include "core/domain/Contact.h"

#include <QCoreApplication>
#include <array>
#include <utility>

namespace iris {

namespace {

template<typename Enum, std::size_t N>
bool fromId(const QString& id, const std::array<std::pair<Enum, QLatin1String>, N>& table, Enum* out)
{
    for (const auto& [value, key] : table) {
        if (id == key) {
            if (out)
                *out = value;
            return true;
        }
    }
    return false;
}

template<typename Enum, std::size_t N>
QString toId(Enum value, const std::array<std::pair<Enum, QLatin1String>, N>& table)
{
    for (const auto& [v, key] : table) {
        if (v == value)
            return QString(key);
    }
    return {};
}

const std::array<std::pair<ContactChannel, QLatin1String>, 4> kChannels { {
    { ContactChannel::Visite, QLatin1String("visite") },
    { ContactChannel::Telephone, QLatin1String("telephone") },
    { ContactChannel::Courriel, QLatin1String("courriel") },
    { ContactChannel::Courrier, QLatin1String("courrier") },
} };

const std::array<std::pair<ContactDirection, QLatin1String>, 2> kDirections { {
    { ContactDirection::Entrant, QLatin1String("entrant") },
    { ContactDirection::Sortant, QLatin1String("sortant") },
} };

const std::array<std::pair<ContactOutcome, QLatin1String>, 5> kOutcomes { {
    { ContactOutcome::Repondu, QLatin1String("repondu") },
    { ContactOutcome::Oriente, QLatin1String("oriente") },
    { ContactOutcome::DossierCree, QLatin1String("dossier_cree") },
    { ContactOutcome::RendezVous, QLatin1String("rendez_vous") },
    { ContactOutcome::RappelPrevu, QLatin1String("rappel_prevu") },
} };

} // namespace

QString contactChannelId(ContactChannel channel)
{
    return toId(channel, kChannels);
}

QString contactChannelLabel(ContactChannel channel)
{
    switch (channel) {
    case ContactChannel::Visite:
        return QCoreApplication::translate("iris::Contact", "Visite");
    case ContactChannel::Telephone:
        return QCoreApplication::translate("iris::Contact", "Téléphone");
    case ContactChannel::Courriel:
        return QCoreApplication::translate("iris::Contact", "Courriel");
    case ContactChannel::Courrier:
        return QCoreApplication::translate("iris::Contact", "Courrier");
    }
    return {};
}

bool contactChannelFromId(const QString& id, ContactChannel* channel)
{
    return fromId(id, kChannels, channel);
}

QList<ContactChannel> allContactChannels()
{
    return { ContactChannel::Visite, ContactChannel::Telephone, ContactChannel::Courriel,
        ContactChannel::Courrier };
}

QString contactDirectionId(ContactDirection direction)
{
    return toId(direction, kDirections);
}

QString contactDirectionLabel(ContactDirection direction)
{
    return direction == ContactDirection::Entrant ? QCoreApplication::translate("iris::Contact", "Entrant")
                                                  : QCoreApplication::translate("iris::Contact", "Sortant");
}

bool contactDirectionFromId(const QString& id, ContactDirection* direction)
{
    return fromId(id, kDirections, direction);
}

QString contactOutcomeId(ContactOutcome outcome)
{
    return toId(outcome, kOutcomes);
}

QString contactOutcomeLabel(ContactOutcome outcome)
{
    switch (outcome) {
    case ContactOutcome::Repondu:
        return QCoreApplication::translate("iris::Contact", "Répondu");
    case ContactOutcome::Oriente:
        return QCoreApplication::translate("iris::Contact", "Orienté vers un service");
    case ContactOutcome::DossierCree:
        return QCoreApplication::translate("iris::Contact", "Dossier créé");
    case ContactOutcome::RendezVous:
        return QCoreApplication::translate("iris::Contact", "Rendez-vous");
    case ContactOutcome::RappelPrevu:
        return QCoreApplication::translate("iris::Contact", "Rappel prévu");
    }
    return {};
}

bool contactOutcomeFromId(const QString& id, ContactOutcome* outcome)
{
    return fromId(id, kOutcomes, outcome);
}

QList<ContactOutcome> allContactOutcomes()
{
    return { ContactOutcome::Repondu, ContactOutcome::Oriente, ContactOutcome::DossierCree,
        ContactOutcome::RendezVous, ContactOutcome::RappelPrevu };
}

} // namespace iris

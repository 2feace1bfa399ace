#pragma once

#include "core/base/Result.h"
#include "core/domain/Contact.h"
#include "core/domain/Dossier.h"

#include <QHash>
#include <QList>
#include <QString>

namespace iris {
class CoreServices;
class DossierTypeRegistry;
}

namespace iris::usagers {

/// A citizen's history across modules as the core knows it (contacts on every channel,
/// dossiers of every type), with the names needed to show it: motive labels, service
/// and agent names. Read through the session's services, so the role's permissions
/// apply; what cannot be read carries its error instead.
struct CitizenActivity
{
    QList<Contact> contacts;
    bool contactsLoaded = false;
    Error contactsError;

    QList<Dossier> dossiers;
    bool dossiersLoaded = false;
    Error dossiersError;

    QHash<qint64, QString> motiveLabels;   ///< motive theme id → "État civil › Acte de naissance"
    QHash<qint64, QString> serviceNames;   ///< service id → "État civil"
    QHash<qint64, QString> agentNames;     ///< agent id → "Marie Durand"

    enum Part { Contacts = 0x1, Dossiers = 0x2, Names = 0x4, Everything = 0x7 };

    static CitizenActivity load(CoreServices& services, qint64 citizenId, int parts = Everything);
    /// The citizen a dossier belongs to; 0 when none or unreadable.
    static qint64 citizenOfDossier(CoreServices& services, qint64 dossierId);

    /// "Demande d'acte d'état civil", else the type id.
    static QString dossierTypeLabel(const DossierTypeRegistry* types, const QString& typeId);
    /// "Délivré", else the status id.
    static QString dossierStatusLabel(const DossierTypeRegistry* types, const Dossier& dossier);
};

} // namespace iris::usagers

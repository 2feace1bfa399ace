#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace iris {

struct PostalAddress
{
    QString line1;      ///< "12 rue du Général Leclerc"
    QString line2;      ///< complement (bâtiment, étage…)
    QString postcode;   ///< 5 digits
    QString city;
    bool isEmpty() const { return line1.isEmpty() && line2.isEmpty() && postcode.isEmpty() && city.isEmpty(); }
};

/// Preferred channel ids: "visite", "telephone", "courriel", "courrier".
struct Citizen
{
    qint64 id = 0;
    int version = 0;            ///< optimistic lock; 0 = not saved yet
    QString civilite;           ///< "M.", "Mme" or empty
    QString nomUsage;
    QString nomNaissance;
    QString prenoms;            ///< space-separated, first is the usual one
    QDate birthDate;
    QString birthPlace;
    PostalAddress address;
    QString phone;              ///< E.164 once saved ("+33141238000")
    QString phone2;
    QString email;
    QString preferredChannel;
    bool consentContact = false;
    QString notes;
    QString nir;                ///< optional, 15 characters
    qint64 householdId = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    /// "DUPONT Jean" (nom d'usage, else nom de naissance, then prénoms); the formatted
    /// phone for a record known by its number only ("06 12 34 56 78").
    QString displayName() const;
};

/// A search result line (no audit: opening the record is what is audited).
struct CitizenSummary
{
    qint64 id = 0;
    QString civilite;
    QString nomUsage;
    QString nomNaissance;
    QString prenoms;
    QDate birthDate;
    QString phone;   ///< E.164
    QString email;
    QString postcode;
    QString city;
};

/// Why a record may be the same person as the one being created.
struct DuplicateCandidate
{
    CitizenSummary citizen;
    QString reason;  ///< French: "même nom et même date de naissance", "même téléphone"…
};

} // namespace iris
